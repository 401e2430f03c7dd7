// The IaC readers over hand-made files in the documented shapes (tests/data/iac): every
// CloudFormation resource type in YAML and JSON alike, a Terraform plan with child modules,
// before versions and an unknown value, policy files; the opaque intrinsics found in actions;
// and bad input named by file and pointer.
#include "iac/iac_input.h"
#include "iac/intrinsics.h"
#include "model/json_text.h"
#include "tests/support/test_support.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace leastpriv {
namespace {

iac::IacVersions read_ok(const std::string& path, const std::string& text) {
  auto read = iac::read_policies(model::InputFile{path, text});
  EXPECT_TRUE(read.ok()) << (read.ok() ? "" : read.error().message);
  return read.ok() ? std::move(read).value() : iac::IacVersions{};
}

iac::IacVersions read_source(const std::string& relative) {
  return read_ok(relative, testing::read_file(testing::source_path(relative)));
}

std::string read_error(const std::string& path, const std::string& text) {
  auto read = iac::read_policies(model::InputFile{path, text});
  EXPECT_FALSE(read.ok());
  return read.ok() ? "" : read.error().message;
}

const iac::FoundPolicy* find(const iac::PolicySet& set, const std::string& key) {
  const auto found = std::find_if(set.policies.begin(), set.policies.end(), [&](const auto& p) { return p.key == key; });
  return found == set.policies.end() ? nullptr : &*found;
}

std::vector<std::string> keys(const iac::PolicySet& set) {
  std::vector<std::string> out;
  for (const auto& policy : set.policies) out.push_back(policy.key);
  return out;
}

TEST(IacCloudFormation, EveryResourceTypeInYaml) {
  const auto versions = read_source("tests/data/iac/template.yaml");
  EXPECT_FALSE(versions.previous.has_value());
  EXPECT_EQ(versions.current.kind, "cloudformation");
  EXPECT_EQ(keys(versions.current),
            (std::vector<std::string>{"AppRole/Policies/read-bucket", "AppPolicy", "SharedPolicy", "InlineRolePolicy",
                                      "Deployer/Policies/deploy", "DeployerPolicy", "Admins/Policies/admin", "AdminsPolicy"}));
  const auto* role = find(versions.current, "AppRole/Policies/read-bucket");
  ASSERT_NE(role, nullptr);
  EXPECT_EQ(role->location.resource, "AppRole");
  EXPECT_EQ(role->location.resource_type, "AWS::IAM::Role");
  EXPECT_EQ(role->location.policy_name, "read-bucket");
  EXPECT_EQ(role->location.pointer, "/Resources/AppRole/Properties/Policies/0/PolicyDocument");
  EXPECT_EQ(role->location.line, 18);  // `PolicyDocument:`
  EXPECT_EQ(role->line_of("/Statement/0/Action/1"), 25);  // `- s3:ListBucket`
  ASSERT_TRUE(role->policy.has_value());
  EXPECT_EQ(role->policy->statements.at(0).patterns, (std::vector<std::string>{"s3:GetObject", "s3:ListBucket"}));
  EXPECT_EQ(role->principals, std::vector<std::string>{"AppRole"});
}

TEST(IacCloudFormation, IntrinsicsInResourceAndConditionAreOpaqueScopes) {
  const auto versions = read_source("tests/data/iac/template.yaml");
  const auto* policy = find(versions.current, "AppPolicy");
  ASSERT_NE(policy, nullptr);
  ASSERT_TRUE(policy->policy.has_value());
  EXPECT_TRUE(policy->opaque.empty());
  EXPECT_EQ(policy->policy->statements.at(0).patterns, std::vector<std::string>{"dynamodb:Get*"});
  EXPECT_NE(policy->policy->statements.at(0).scope.find("Fn::GetAtt"), std::string::npos);
  EXPECT_EQ(policy->principals, std::vector<std::string>{"AppRole"});  // Roles: [!Ref AppRole]
  EXPECT_EQ(policy->location.policy_name, "app-extra");
}

TEST(IacCloudFormation, IntrinsicInAnActionIsReportedNotGuessed) {
  const auto versions = read_source("tests/data/iac/template.yaml");
  const auto* deploy = find(versions.current, "Deployer/Policies/deploy");
  ASSERT_NE(deploy, nullptr);
  EXPECT_FALSE(deploy->policy.has_value());
  ASSERT_EQ(deploy->opaque.size(), 1u);
  EXPECT_EQ(deploy->opaque[0].pointer, "/Statement/0/Action/1");
  EXPECT_EQ(deploy->opaque[0].text, R"({"Fn::Sub":"${AWS::Partition}:iam:PassRole"})");
  const auto* conditional = find(versions.current, "AdminsPolicy");
  ASSERT_NE(conditional, nullptr);
  ASSERT_EQ(conditional->opaque.size(), 1u);
  EXPECT_EQ(conditional->opaque[0].pointer, "/Statement/0");  // a whole statement under Fn::If
}

TEST(IacCloudFormation, StringDocumentsAndSingleStatementObjects) {
  const auto versions = read_source("tests/data/iac/template.yaml");
  const auto* shared = find(versions.current, "SharedPolicy");
  ASSERT_NE(shared, nullptr);
  EXPECT_TRUE(shared->document_was_text);
  EXPECT_EQ(shared->line_of("/Statement/0/Action"), shared->location.line);
  EXPECT_EQ(shared->location.policy_name, "shared");
  EXPECT_EQ(shared->principals, std::vector<std::string>{"Deployer"});
  const auto* inline_role = find(versions.current, "InlineRolePolicy");
  ASSERT_NE(inline_role, nullptr);
  ASSERT_TRUE(inline_role->policy.has_value());
  EXPECT_TRUE(inline_role->policy->statement_as_object);
  EXPECT_EQ(inline_role->principals, std::vector<std::string>{"AppRole"});  // RoleName: !Ref AppRole
  const auto* group = find(versions.current, "Admins/Policies/admin");
  ASSERT_NE(group, nullptr);
  EXPECT_EQ(group->policy->statements.at(0).action_key, model::ActionKey::kNotAction);
}

TEST(IacCloudFormation, JsonTemplateReadsAsTheYamlOneWithItsOwnLines) {
  const auto yaml = read_source("tests/data/iac/template.yaml");
  const auto json = read_source("tests/data/iac/template.json");
  ASSERT_EQ(keys(yaml.current), keys(json.current));
  for (std::size_t i = 0; i < yaml.current.policies.size(); ++i) {
    EXPECT_EQ(model::dump_json(yaml.current.policies[i].document), model::dump_json(json.current.policies[i].document));
    EXPECT_EQ(yaml.current.policies[i].location.pointer, json.current.policies[i].location.pointer);
  }
  const auto* role = find(json.current, "AppRole/Policies/read-bucket");
  ASSERT_NE(role, nullptr);
  // The line of `"s3:ListBucket"` in template.json.
  const auto lines = testing::read_file(testing::source_path("tests/data/iac/template.json"));
  int line = 1;
  for (std::size_t at = 0; at < lines.find("\"s3:ListBucket\""); ++at) line += lines[at] == '\n';
  EXPECT_EQ(role->line_of("/Statement/0/Action/1"), line);
}

TEST(IacCloudFormation, BadInputNamesFileAndPointer) {
  EXPECT_EQ(read_error("t.yaml", "Resources:\n  P:\n    Type: AWS::IAM::Policy\n    Properties:\n      PolicyName: x\n"),
            "t.yaml: /Resources/P/Properties: AWS::IAM::Policy has no `PolicyDocument`");
  EXPECT_NE(read_error("t.yaml", "Resources:\n  P:\n    Type: AWS::IAM::Policy\n    Properties:\n      PolicyDocument:\n"
                                 "        Statement:\n          - Effect: Maybe\n            Action: s3:*\n")
                .find("t.yaml: /Resources/P/Properties/PolicyDocument/Statement/0/Effect:"),
            std::string::npos);
  EXPECT_EQ(read_error("t.yaml", "Resources:\n  R:\n    Type: AWS::IAM::Role\n    Properties:\n      Policies: {}\n"),
            "t.yaml: /Resources/R/Properties/Policies: `Policies` must be an array, got `{}`");
  EXPECT_NE(read_error("t.json", R"({"Resources": {"P": {"Type": "AWS::IAM::ManagedPolicy", "Properties": {"PolicyDocument": "{nope"}}}})")
                .find("t.json /Resources/P/Properties/PolicyDocument (policy text)"),
            std::string::npos);
  EXPECT_NE(read_error("x.json", R"({"Hello": 1})").find("x.json: /: not a CloudFormation template"), std::string::npos);
}

TEST(IacTerraformPlan, PlannedValuesWithChildModulesAndUnknownValues) {
  const auto versions = read_source("tests/data/iac/plan.json");
  EXPECT_EQ(versions.current.kind, "terraform-plan");
  EXPECT_EQ(keys(versions.current),
            (std::vector<std::string>{"aws_iam_policy.read", "aws_iam_role.app/inline_policy/queue", "aws_iam_user_policy.ci",
                                      "module.team.aws_iam_role_policy.team",
                                      "module.team.module.sso.aws_ssoadmin_permission_set_inline_policy.this",
                                      "module.team.module.sso.aws_iam_group_policy.ops"}));
  const auto* unknown = find(versions.current, "aws_iam_user_policy.ci");
  ASSERT_NE(unknown, nullptr);
  EXPECT_TRUE(unknown->unknown);
  EXPECT_FALSE(unknown->policy.has_value());
  EXPECT_EQ(unknown->principals, std::vector<std::string>{"ci-bot"});
  const auto* sso = find(versions.current, "module.team.module.sso.aws_ssoadmin_permission_set_inline_policy.this");
  ASSERT_NE(sso, nullptr);
  EXPECT_EQ(sso->location.pointer, "/planned_values/root_module/child_modules/0/child_modules/0/resources/0/values/inline_policy");
  ASSERT_TRUE(sso->policy.has_value());
  EXPECT_EQ(sso->policy->statements.at(0).patterns, std::vector<std::string>{"sso:List*"});
  EXPECT_TRUE(sso->document_was_text);
  EXPECT_GT(sso->location.line, 1);
  EXPECT_EQ(sso->line_of("/Statement/0/Action/0"), sso->location.line);
}

TEST(IacTerraformPlan, BeforeVersionsFromResourceChanges) {
  const auto versions = read_source("tests/data/iac/plan.json");
  ASSERT_TRUE(versions.previous.has_value());
  // The created user policy has no version before; data sources are never policies.
  EXPECT_EQ(keys(*versions.previous),
            (std::vector<std::string>{"aws_iam_policy.read", "aws_iam_role.app/inline_policy/queue",
                                      "module.team.aws_iam_role_policy.team",
                                      "module.team.module.sso.aws_ssoadmin_permission_set_inline_policy.this",
                                      "module.team.module.sso.aws_iam_group_policy.ops"}));
  const auto* before = find(*versions.previous, "aws_iam_policy.read");
  ASSERT_NE(before, nullptr);
  EXPECT_EQ(before->location.pointer, "/resource_changes/0/change/before/policy");
  EXPECT_EQ(before->policy->statements.at(0).patterns, (std::vector<std::string>{"s3:GetObject", "s3:ListBucket"}));
  const auto* role_before = find(*versions.previous, "aws_iam_role.app/inline_policy/queue");
  ASSERT_NE(role_before, nullptr);
  EXPECT_EQ(role_before->policy->statements.at(0).patterns, std::vector<std::string>{"sqs:*"});
}

TEST(IacTerraformPlan, BadInputNamesFileAndPointer) {
  EXPECT_EQ(read_error("p.json", R"({"format_version": "1.2", "planned_values": {"root_module": {"resources": [
              {"address": "aws_iam_policy.x", "mode": "managed", "type": "aws_iam_policy", "values": {"policy": 7}}]}}})"),
            "p.json: /planned_values/root_module/resources/0/values/policy: expected the policy as a JSON string, got `7`");
  EXPECT_NE(read_error("p.json", R"({"format_version": "1.2", "planned_values": {"root_module": {"resources": [
              {"address": "aws_iam_policy.x", "mode": "managed", "type": "aws_iam_policy",
               "values": {"policy": "{\"Statement\": [{\"Effect\": \"Allow\"}]}"}}]}}})")
                .find("p.json: /planned_values/root_module/resources/0/values/policy/Statement/0: statement has neither"),
            std::string::npos);
  EXPECT_EQ(read_error("p.json", R"({"format_version": "1.2", "resource_changes": {}})"),
            "p.json: /resource_changes: expected an array, got `{}`");
}

TEST(IacPolicyFile, OneDocumentOrWrapperKeyedAsThePolicy) {
  const auto bare = read_ok("p.json", "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\"Effect\": \"Allow\",\n     \"Action\": \"s3:*\", \"Resource\": \"*\"}\n  ]\n}\n");
  ASSERT_EQ(bare.current.policies.size(), 1u);
  EXPECT_EQ(bare.current.policies[0].key, "policy");
  EXPECT_EQ(bare.current.policies[0].line_of("/Statement/0/Action"), 5);
  const auto wrapper = read_source("examples/aws-shapes/get-role-policy.urlencoded.seed.json");
  ASSERT_EQ(wrapper.current.policies.size(), 1u);
  EXPECT_EQ(wrapper.current.policies[0].location.pointer, "/PolicyDocument");
  EXPECT_TRUE(wrapper.current.policies[0].document_was_text);
  EXPECT_TRUE(wrapper.current.policies[0].policy.has_value());
}

TEST(IacIntrinsics, OnlyOneKeyFunctionObjectsAreIntrinsics) {
  EXPECT_TRUE(iac::is_intrinsic(model::Json::parse(R"({"Ref": "X"})")));
  EXPECT_TRUE(iac::is_intrinsic(model::Json::parse(R"({"Fn::Join": ["", ["a"]]})")));
  EXPECT_FALSE(iac::is_intrinsic(model::Json::parse(R"({"Ref": "X", "Other": 1})")));
  EXPECT_FALSE(iac::is_intrinsic(model::Json::parse(R"({"AWS": "*"})")));
  const auto opaque = iac::opaque_action_values(model::Json::parse(
      R"({"Statement": [{"Effect": {"Ref": "E"}, "NotAction": {"Fn::Split": [",", "a,b"]}, "Resource": {"Ref": "R"}}]})"));
  ASSERT_EQ(opaque.size(), 2u);
  EXPECT_EQ(opaque[0].pointer, "/Statement/0/Effect");
  EXPECT_EQ(opaque[1].pointer, "/Statement/0/NotAction");
}

}  // namespace
}  // namespace leastpriv
