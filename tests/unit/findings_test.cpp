// Tests of reading unused-access findings (model/findings.h).
#include "model/findings.h"

#include "tests/support/test_support.h"

#include <gtest/gtest.h>

#include <map>
#include <random>
#include <string>
#include <vector>

namespace leastpriv::model {
namespace {

using testing::findings_of;

std::string error_of(const std::string& text) {
  auto findings = model::UnusedFindings::from_text(text, "f.json");
  return findings.ok() ? std::string("(no error)") : findings.error().message;
}

TEST(UnusedFindings, SimpleListWithAndWithoutServicePrefixAnyCase) {
  const auto findings = findings_of(R"([{"serviceNamespace": "s3", "actions": ["GetObject", "S3:putObject"]}])");
  EXPECT_TRUE(findings.is_unused("s3:getobject"));
  EXPECT_TRUE(findings.is_unused("s3:putobject"));
  EXPECT_FALSE(findings.is_unused("s3:listbucket"));
  EXPECT_EQ(findings.spelling("s3:putobject"), "s3:putObject");
  EXPECT_EQ(findings.spelled_parts("s3:putobject").service, "s3");
  EXPECT_EQ(findings.spelled_parts("s3:putobject").name, "putObject");
  model::UnusedFindings copy;
  copy.add_unused_action_from(findings, "s3:putobject");
  EXPECT_TRUE(copy.is_unused("s3:putobject"));
  EXPECT_FALSE(copy.is_unused("s3:getobject"));
  EXPECT_EQ(copy.spelling("s3:putobject"), "s3:putObject");
}

TEST(UnusedFindings, ServiceWithoutActionListIsWhollyUnused) {
  const auto findings = findings_of(R"([{"serviceNamespace": "Lambda"}])");
  EXPECT_TRUE(findings.is_unused("lambda:anythingatall"));
  EXPECT_TRUE(findings.prefix_reaches_unused("lam"));
  EXPECT_TRUE(findings.prefix_reaches_unused("lambda:get"));
  EXPECT_FALSE(findings.prefix_reaches_unused("lambdax"));
}

TEST(UnusedFindings, EmptyActionListMeansNothingListed) {
  const auto findings = findings_of(R"([{"serviceNamespace": "s3", "actions": []}])");
  EXPECT_TRUE(findings.empty());
}

TEST(UnusedFindings, ReadsGetFindingV2Responses) {
  const auto findings = findings_of(testing::read_file(testing::source_path("examples/aws-shapes/get-finding-v2.seed.json")));
  EXPECT_TRUE(findings.is_unused("lambda:updatefunctioncode"));
  EXPECT_TRUE(findings.is_unused("s3:getbucketcors"));
  EXPECT_EQ(findings.unused_actions().size(), 30u);
  EXPECT_EQ(findings.resource(), "arn:aws:iam::123456789012:role/MyRole");
}

TEST(UnusedFindings, ReadsPagesOfGetFindingV2) {
  const auto findings = findings_of(R"([
    {"findingType": "UnusedPermission", "findingDetails": [{"unusedPermissionDetails": {"serviceNamespace": "s3", "actions": [{"action": "GetObject"}]}}]},
    {"findingDetails": [{"unusedPermissionDetails": {"serviceNamespace": "ec2"}}]}])");
  EXPECT_TRUE(findings.is_unused("s3:getobject"));
  EXPECT_TRUE(findings.is_unused("ec2:runinstances"));
}

// Pages are one principal's: responses about two principals are refused, not merged (a merged
// set would remove from one role what only the other leaves unused).
TEST(UnusedFindings, ResponsesAboutTwoPrincipalsAreRefused) {
  const std::string role_a = R"({"resource": "arn:aws:iam::1:role/A", "findingDetails": [{"unusedPermissionDetails": {"serviceNamespace": "s3", "actions": [{"action": "PutObject"}]}}]})";
  const std::string role_b = R"({"resource": "arn:aws:iam::1:role/B", "findingDetails": [{"unusedPermissionDetails": {"serviceNamespace": "s3", "actions": [{"action": "GetObject"}]}}]})";
  const std::string error = error_of("[" + role_a + ", " + role_b + "]");
  EXPECT_NE(error.find("f.json: /1/resource: findings for more than one principal (`arn:aws:iam::1:role/A` and "
                       "`arn:aws:iam::1:role/B`)"),
            std::string::npos)
      << error;
  EXPECT_EQ(error_of("[" + role_a + ", " + role_a + "]"), "(no error)");
}

TEST(UnusedFindings, SameSeedInBothShapesGivesTheSameSet) {
  const auto simple = findings_of(testing::read_file(testing::source_path("examples/seed/findings.json")));
  const auto v2 = findings_of(testing::read_file(testing::source_path("examples/aws-shapes/get-finding-v2.seed.json")));
  EXPECT_EQ(simple.unused_actions(), v2.unused_actions());
}

TEST(UnusedFindings, ActionsWithPrefixIsTheRangeThatStartsWithIt) {
  model::UnusedFindings findings;
  for (const char* name : {"GetObject", "GetObjectAcl", "GetBucketAcl", "PutObject"}) findings.add_unused_action("s3", name);
  findings.add_unused_action("sts", "GetCallerIdentity");
  auto names = [&](std::string_view prefix) {
    const auto range = findings.actions_with_prefix(prefix);
    return std::vector<std::string>(range.begin(), range.end());
  };
  EXPECT_EQ(names("s3:getobject"), (std::vector<std::string>{"s3:getobject", "s3:getobjectacl"}));
  EXPECT_EQ(names("s3:"), (std::vector<std::string>{"s3:getbucketacl", "s3:getobject", "s3:getobjectacl", "s3:putobject"}));
  EXPECT_EQ(names("").size(), 5u);
  EXPECT_TRUE(names("s3:z").empty());
  EXPECT_TRUE(names("s3:getobjectaclx").empty());
}

// The key and spelling of an added action, as the reader first computed them (lower-case the
// service and the name apart, strip a leading `service:` from the name, spell it with the
// service as given and the name after its first colon), against the reader's in-place build,
// on random spellings: mixed case, prefixes of the right and a wrong service, inner colons,
// the same action spelled several ways (the first in byte order wins).
TEST(UnusedFindings, AddedActionsKeepTheirKeyAndFirstSpelling) {
  const auto lower = [](std::string text) {
    for (char& c : text) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    return text;
  };
  const std::vector<std::string> services{"s3", "S3", "ec2", "Ec2", "a", ""};
  const std::vector<std::string> names{"GetObject", "getobject", "S3:GetObject", "s3:getObject", "ec2:Run", "s3", "s3:",
                                       "S3:a:b", ":x", "", "EC2:DescribeInstances", "s3express:Get"};
  std::mt19937 random(14);
  for (int round = 0; round < 300; ++round) {
    UnusedFindings findings;
    std::map<std::string, std::string> expected;  // key -> first spelling in byte order
    for (int n = 0, count = 1 + static_cast<int>(random() % 8); n < count; ++n) {
      const std::string service = services[random() % services.size()];
      const std::string name = names[random() % names.size()];
      std::string lower_name = lower(name);
      if (lower_name.rfind(lower(service) + ":", 0) == 0) lower_name = lower_name.substr(service.size() + 1);
      const std::string key = lower(service) + ":" + lower_name;
      const auto colon = name.find(':');
      const std::string spelled = service + ":" + (colon == std::string::npos ? name : name.substr(colon + 1));
      auto [it, inserted] = expected.emplace(key, spelled);
      if (!inserted && spelled < it->second) it->second = spelled;
      findings.add_unused_action(service, name);
    }
    std::vector<std::string> keys;
    for (const auto& [key, spelled] : expected) {
      keys.push_back(key);
      EXPECT_EQ(findings.spelling(key), spelled) << key;
    }
    EXPECT_EQ(findings.unused_actions(), keys);
  }
}

TEST(UnusedFindings, BadInputNamesTheJsonPointer) {
  EXPECT_NE(error_of(R"({"foo": 1})").find("f.json: /: not findings"), std::string::npos);
  EXPECT_NE(error_of(R"([{"actions": ["A"]}])").find("/0: finding has no `serviceNamespace`"), std::string::npos);
  EXPECT_NE(error_of(R"([{"serviceNamespace": "s3", "actions": ["A", 3]}])").find("/0/actions/1"), std::string::npos);
  EXPECT_NE(error_of(R"([{"serviceNamespace": "s3", "actions": ["ec2:RunInstances"]}])").find("not in service `s3`"),
            std::string::npos);
  EXPECT_NE(error_of(R"([{"serviceNamespace": "s3", "actions": ["Get*"]}])").find("/0/actions/0"), std::string::npos);
  EXPECT_NE(error_of(R"({"findingType": "UnusedIAMRole", "findingDetails": []})").find("/findingType"), std::string::npos);
  EXPECT_NE(error_of(R"({"findingDetails": [{"other": 1}]})").find("/findingDetails/0"), std::string::npos);
  EXPECT_NE(error_of("[{]").find("invalid JSON at line 1"), std::string::npos);
}

}  // namespace
}  // namespace leastpriv::model
