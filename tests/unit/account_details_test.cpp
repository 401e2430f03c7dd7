// Reading get-account-authorization-details (account/authorization_details.h) and the account's
// findings (account/account_findings.h): the example account's shapes, URL-encoded and object
// documents, the default version, groups, errors that name the file and the pointer, a folder
// and JSON Lines read alike, and findings set aside with their reason.
#include "account/account_findings.h"
#include "account/authorization_details.h"
#include "model/input_limits.h"
#include "model/json_text.h"
#include "tests/support/test_support.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace leastpriv::account {
namespace {

const std::string kExample = "examples/account/authorization-details.json";

AccountDetails example_details() {
  auto details = read_authorization_details_file(testing::source_path(kExample));
  EXPECT_TRUE(details.ok()) << details.error().message;
  return details.ok() ? std::move(details).value() : AccountDetails{};
}

TEST(AccountDetails, ReadsRolesUsersGroupsAndManagedPolicies) {
  const AccountDetails details = example_details();
  ASSERT_EQ(details.principals.size(), 4U);
  EXPECT_EQ(details.principals[0].name, "AppRole");  // roles first
  EXPECT_EQ(details.principals[3].kind, PrincipalKind::kUser);
  EXPECT_EQ(details.principals[3].groups, std::vector<std::string>{"Developers"});
  // A URL-encoded inline document, read as JSON text.
  ASSERT_EQ(details.principals[0].inline_policies.size(), 1U);
  EXPECT_EQ(details.principals[0].inline_policies[0].name, "AppKms");
  EXPECT_EQ(details.principals[0].inline_policies[0].document.text.front(), '{');
  EXPECT_EQ(details.principals[0].inline_policies[0].document.policy.document.statements[0].patterns.size(), 3U);
  // An object document (BatchRole's inline policy).
  EXPECT_EQ(details.principals[1].inline_policies[0].document.policy.document.statements[0].patterns[0], "s3:PutObject");
  ASSERT_TRUE(details.groups.contains("Developers"));
  EXPECT_EQ(details.groups.at("Developers").inline_policies[0].name, "DevLambda");
  // The default version is the one read, not v1 (lambda:*).
  const auto& shared = details.managed.at("arn:aws:iam::123456789012:policy/SharedLambdaAccess");
  ASSERT_TRUE(shared.has_document);
  EXPECT_FALSE(shared.aws_managed);
  EXPECT_EQ(shared.document.policy.document.statements.size(), 2U);
  EXPECT_TRUE(details.managed.at("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess").aws_managed);
}

TEST(AccountDetails, AwsManagedArnsAreRecognizedInEveryPartition) {
  EXPECT_TRUE(is_aws_managed_arn("arn:aws:iam::aws:policy/ReadOnlyAccess"));
  EXPECT_TRUE(is_aws_managed_arn("arn:aws-cn:iam::aws:policy/service-role/AWSLambdaRole"));
  EXPECT_FALSE(is_aws_managed_arn("arn:aws:iam::123456789012:policy/aws"));
  EXPECT_FALSE(is_aws_managed_arn("aws:policy/ReadOnlyAccess"));
}

TEST(AccountDetails, ErrorsNameTheFileAndThePointer) {
  const auto bad_effect = read_authorization_details(
      R"({"RoleDetailList": [{"RoleName": "R", "Arn": "arn:aws:iam::1:role/R", "RolePolicyList": [{"PolicyName": "P",
          "PolicyDocument": {"Statement": [{"Effect": "Alow", "Action": "s3:*", "Resource": "*"}]}}]}]})",
      "auth.json");
  ASSERT_FALSE(bad_effect.ok());
  EXPECT_NE(bad_effect.error().message.find("auth.json /RoleDetailList/0/RolePolicyList/0/PolicyDocument"), std::string::npos)
      << bad_effect.error().message;
  EXPECT_NE(bad_effect.error().message.find("/Statement/0/Effect"), std::string::npos) << bad_effect.error().message;
  const auto no_name = read_authorization_details(R"({"UserDetailList": [{"Arn": "arn:aws:iam::1:user/u"}]})", "auth.json");
  ASSERT_FALSE(no_name.ok());
  EXPECT_NE(no_name.error().message.find("auth.json: /UserDetailList/0: has no `UserName`"), std::string::npos) << no_name.error().message;
  const auto not_details = read_authorization_details(R"({"Statement": []})", "auth.json");
  ASSERT_FALSE(not_details.ok());
  EXPECT_NE(not_details.error().message.find("not a get-account-authorization-details response"), std::string::npos);
  const auto bad_encoding = read_authorization_details(
      R"({"Policies": [{"Arn": "arn:aws:iam::1:policy/P", "PolicyName": "P", "PolicyVersionList": [{"IsDefaultVersion": true, "Document": "%7B%zz"}]}]})",
      "auth.json");
  ASSERT_FALSE(bad_encoding.ok());
  EXPECT_NE(bad_encoding.error().message.find("/Policies/0/PolicyVersionList/0/Document: URL-encoded document"), std::string::npos)
      << bad_encoding.error().message;
}

TEST(AccountFindings, AFolderAndJsonLinesReadAlike) {
  auto folder = read_account_findings(testing::source_path("examples/account/findings"));
  ASSERT_TRUE(folder.ok()) << folder.error().message;
  EXPECT_EQ(folder->by_principal.size(), 3U);
  EXPECT_EQ(folder->responses, 3U);
  EXPECT_TRUE(folder->by_principal.at("arn:aws:iam::123456789012:role/BatchRole").is_unused("s3:putobject"));
  // The password finding is set aside, with its reason.
  ASSERT_EQ(folder->set_aside.size(), 1U);
  EXPECT_NE(folder->set_aside[0].reason.find("UnusedIAMUserPassword"), std::string::npos);

  const std::string dir = testing::make_temp_dir();
  std::string lines;
  for (const char* name : {"alice-password.json", "alice.json", "app-role.json", "batch-role.json"}) {
    auto parsed = model::parse_json_text(testing::read_file(testing::source_path(std::string("examples/account/findings/") + name)), name);
    ASSERT_TRUE(parsed.ok());
    lines += model::dump_json(*parsed, -1) + "\n\n";
  }
  testing::write_file(dir + "/findings.jsonl", lines);
  auto jsonl = read_account_findings(dir + "/findings.jsonl");
  ASSERT_TRUE(jsonl.ok()) << jsonl.error().message;
  ASSERT_EQ(jsonl->by_principal.size(), 3U);
  for (const auto& [arn, unused] : folder->by_principal) {
    EXPECT_EQ(jsonl->by_principal.at(arn).unused_actions(), unused.unused_actions()) << arn;
  }
  EXPECT_EQ(jsonl->set_aside[0].where, dir + "/findings.jsonl:1");
  std::filesystem::remove_all(dir);
}

TEST(AccountFindings, ResponsesAboutOnePrincipalAreMergedAndBadOnesNamed) {
  AccountFindings findings;
  const std::string first = R"({"resource": "arn:aws:iam::1:role/R", "findingType": "UnusedPermission", "status": "ACTIVE",
      "findingDetails": [{"unusedPermissionDetails": {"serviceNamespace": "s3", "actions": [{"action": "GetObject"}]}}]})";
  const std::string second = R"({"resource": "arn:aws:iam::1:role/R", "findingDetails": [{"unusedPermissionDetails": {"serviceNamespace": "kms"}}]})";
  ASSERT_TRUE(add_findings_text(first, "a.json", findings).ok());
  ASSERT_TRUE(add_findings_text(second, "b.json", findings).ok());
  const auto& unused = findings.by_principal.at("arn:aws:iam::1:role/R");
  EXPECT_TRUE(unused.is_unused("s3:getobject"));
  EXPECT_TRUE(unused.is_unused("kms:decrypt"));
  const auto archived = add_findings_text(R"({"resource": "arn:aws:iam::1:role/S", "status": "ARCHIVED", "findingDetails": []})", "c.json", findings);
  EXPECT_TRUE(archived.ok());
  EXPECT_EQ(findings.set_aside.back().resource, "arn:aws:iam::1:role/S");
  const auto no_resource = add_findings_text(R"({"findingDetails": []})", "d.json", findings);
  ASSERT_FALSE(no_resource.ok());
  EXPECT_NE(no_resource.error().message.find("d.json: /resource"), std::string::npos) << no_resource.error().message;
  const auto bad_action = add_findings_text(
      R"([{"resource": "arn:aws:iam::1:role/R", "findingDetails": [{"unusedPermissionDetails": {"serviceNamespace": "s3", "actions": [{"action": 7}]}}]}])",
      "e.json", findings);
  ASSERT_FALSE(bad_action.ok());
  EXPECT_NE(bad_action.error().message.find("e.json /0"), std::string::npos) << bad_action.error().message;
  EXPECT_NE(bad_action.error().message.find("/findingDetails/0/unusedPermissionDetails/actions/0"), std::string::npos)
      << bad_action.error().message;
}

TEST(AccountFindings, APrincipalListedWithoutDetailsIsSetAside) {
  const std::string dir = testing::make_temp_dir();
  testing::write_file(dir + "/page.json", R"({"findings": [{"id": "x", "resource": "arn:aws:iam::1:role/Listed",
      "findingType": "UnusedPermission", "status": "ACTIVE"}]})");
  auto findings = read_account_findings(dir);
  ASSERT_TRUE(findings.ok()) << findings.error().message;
  EXPECT_TRUE(findings->by_principal.empty());
  ASSERT_EQ(findings->set_aside.size(), 1U);
  EXPECT_EQ(findings->set_aside[0].resource, "arn:aws:iam::1:role/Listed");
  EXPECT_NE(findings->set_aside[0].reason.find("no GetFindingV2 response"), std::string::npos);
  std::filesystem::remove_all(dir);
}

// An account is larger than one policy: its findings (JSON Lines) and authorization details may
// pass the 16 MiB of one input file (README "Resource limits"); one findings line may not.
TEST(AccountFindings, AnAccountMayBeLargerThanOneInputFileButNotOneLine) {
  const std::string dir = testing::make_temp_dir();
  const std::string response = R"({"resource": "arn:aws:iam::1:role/R", "findingType": "UnusedPermission", "status": "ACTIVE",)"
                               R"( "findingDetails": [{"unusedPermissionDetails": {"serviceNamespace": "s3", "actions": [{"action": "GetObject"}]}}]})";
  std::string lines;
  while (lines.size() <= model::kMaxInputBytes) lines += response + std::string(1000, ' ') + "\n";
  ASSERT_TRUE(testing::write_file(dir + "/many.jsonl", lines));
  auto many = read_account_findings(dir + "/many.jsonl");
  ASSERT_TRUE(many.ok()) << many.error().message;
  EXPECT_GT(many->responses, 10'000U);
  EXPECT_TRUE(many->by_principal.at("arn:aws:iam::1:role/R").is_unused("s3:getobject"));

  ASSERT_TRUE(testing::write_file(dir + "/long.jsonl", response + "\n" + response + std::string(model::kMaxInputBytes, ' ') + "\n"));
  auto long_line = read_account_findings(dir + "/long.jsonl");
  ASSERT_FALSE(long_line.ok());
  EXPECT_EQ(long_line.error().message, dir + "/long.jsonl:2: the line is " + std::to_string(response.size() + model::kMaxInputBytes) +
                                           " bytes, more than the limit of 16 MiB for one response (README \"Resource limits\")");

  const std::string details = testing::read_file(testing::source_path(kExample));
  ASSERT_TRUE(testing::write_file(dir + "/auth.json", details + std::string(model::kMaxInputBytes, '\n')));
  auto large = read_authorization_details_file(dir + "/auth.json");
  ASSERT_TRUE(large.ok()) << large.error().message;
  EXPECT_EQ(large->principals.size(), example_details().principals.size());
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace leastpriv::account
