// Tests of reading policies in every accepted shape and of carrying fields through
// (model/policy_input.h, model/policy.h).
#include "model/policy_input.h"

#include "model/json_text.h"
#include "tests/support/test_support.h"

#include <gtest/gtest.h>

namespace leastpriv::model {
namespace {

std::string error_of(const std::string& text) {
  auto loaded = model::load_policy_text(text, "p.json");
  return loaded.ok() ? std::string("(no error)") : loaded.error().message;
}

TEST(PolicyInput, CliWrappersAndUrlEncodingGiveTheSameDocument) {
  auto bare = model::load_policy_file(testing::source_path("examples/seed/policy.json"));
  auto version = model::load_policy_file(testing::source_path("examples/aws-shapes/get-policy-version.seed.json"));
  auto inline_policy = model::load_policy_file(testing::source_path("examples/aws-shapes/get-role-policy.urlencoded.seed.json"));
  ASSERT_TRUE(bare.ok() && version.ok() && inline_policy.ok());
  EXPECT_EQ(model::policy_to_json(bare->document), model::policy_to_json(version->document));
  EXPECT_EQ(model::policy_to_json(bare->document), model::policy_to_json(inline_policy->document));
  EXPECT_EQ(inline_policy->policy_id, "MyRolePolicy");
  EXPECT_EQ(bare->document.statements.size(), 2u);
  EXPECT_EQ(bare->document.statements[1].patterns, (std::vector<std::string>{"s3:Get*", "s3:List*"}));
}

TEST(PolicyInput, RoundTripKeepsKeyOrderShapesAndUnknownFields) {
  const std::string text = R"({"Id": "x", "Version": "2012-10-17", "Statement": {"Sid": "A", "Effect": "Deny",
    "NotAction": "iam:*", "NotResource": ["arn:aws:s3:::b"], "Condition": {"Bool": {"aws:SecureTransport": false}},
    "Custom": [1, 2.5, null]}})";
  auto loaded = model::load_policy_text(text, "p.json");
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  EXPECT_TRUE(loaded->document.statement_as_object);
  EXPECT_TRUE(loaded->document.statements[0].patterns_as_string);
  EXPECT_EQ(model::dump_json(model::policy_to_json(loaded->document), -1), model::dump_json(model::Json::parse(text), -1));
}

TEST(PolicyInput, ScopeIgnoresSidAndActionsButNotResources) {
  auto loaded = model::load_policy_text(R"({"Statement": [
      {"Sid": "1", "Effect": "Allow", "Action": "s3:A", "Resource": "*"},
      {"Sid": "2", "Effect": "Allow", "Action": ["s3:B"], "Resource": "*"},
      {"Effect": "Allow", "Action": "s3:A", "Resource": "arn:aws:s3:::b"}]})", "p.json");
  ASSERT_TRUE(loaded.ok());
  const auto& statements = loaded->document.statements;
  EXPECT_EQ(statements[0].scope, statements[1].scope);
  EXPECT_NE(statements[0].scope, statements[2].scope);
}

TEST(PolicyInput, RecommendationResponsesAreCandidates) {
  const std::string create = R"({"recommendedSteps": [
    {"unusedPermissionsRecommendedStep": {"recommendedAction": "CREATE_POLICY", "existingPolicyId": "P",
      "recommendedPolicy": "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}"}},
    {"unusedPermissionsRecommendedStep": {"recommendedAction": "DETACH_POLICY", "existingPolicyId": "P"}}]})";
  auto loaded = model::load_policy_text(create, "r.json");
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  EXPECT_FALSE(loaded->detached);
  EXPECT_EQ(loaded->document.statements[0].patterns, std::vector<std::string>{"s3:GetObject"});
  auto detached = model::load_policy_text(
      R"({"recommendedSteps": [{"unusedPermissionsRecommendedStep": {"recommendedAction": "DETACH_POLICY", "existingPolicyId": "P"}}]})",
      "r.json");
  ASSERT_TRUE(detached.ok());
  EXPECT_TRUE(detached->detached);
  EXPECT_TRUE(detached->document.statements.empty());
}

TEST(PolicyInput, BadInputNamesTheFileAndTheJsonPointer) {
  EXPECT_NE(error_of(R"({"Statement": [{"Effect": "Allow", "Action": "a:b", "NotAction": "c:d"}]})")
                .find("p.json: /Statement/0: statement has both `Action` and `NotAction`"),
            std::string::npos);
  EXPECT_NE(error_of(R"({"Statement": [{"Effect": "Permit", "Action": "a:b"}]})").find("p.json: /Statement/0/Effect:"),
            std::string::npos);
  EXPECT_NE(error_of(R"({"Statement": [{"Effect": "Allow", "Action": ["a:b", 5]}]})").find("/Statement/0/Action/1"),
            std::string::npos);
  EXPECT_NE(error_of(R"({"Statement": [{"Effect": "Allow", "Action": "s3:Gét"}]})").find("non-ASCII"), std::string::npos);
  EXPECT_NE(error_of(R"({"Statement": [{"Effect": "Allow"}]})").find("neither"), std::string::npos);
  EXPECT_NE(error_of(R"({"Statement": [{"Effect": "Allow", "Action": "a:b"},)").find("p.json: invalid JSON at line 1"),
            std::string::npos);
  EXPECT_NE(error_of(R"({"PolicyDocument": "%7B%22Statement%22%3A%5B%7B%22Effect%22%3A%22Nope%22%7D%5D%7D"})")
                .find("/PolicyDocument/Statement/0/Effect"),
            std::string::npos);
  EXPECT_NE(error_of(R"({"Nothing": 1})").find("not a policy"), std::string::npos);
}

TEST(PolicyInput, UrlDecode) {
  EXPECT_EQ(*model::url_decode("%7B%22a%22%3A1%7D"), "{\"a\":1}");
  EXPECT_FALSE(model::url_decode("%7").ok());
  EXPECT_FALSE(model::url_decode("%zz").ok());
}

TEST(PolicyInput, Row15ControlAndNonAsciiCharactersInAnActionAreRefused) {
  for (const std::string& action : {std::string("s3:Get\\u0000Object"), std::string("s3:Get\\u0007"), std::string("s3:Get\\u007f"),
                                   std::string("s3:\u212Aey"), std::string("s3:Get\\tObject")}) {
    const std::string error = error_of(R"({"Statement": [{"Effect": "Allow", "Action": ["s3:ListBucket", ")" + action + R"("]}]})");
    EXPECT_NE(error.find("p.json: /Statement/0/Action/1: action `"), std::string::npos) << action << ": " << error;
    EXPECT_NE(error.find("non-ASCII or control character"), std::string::npos) << action << ": " << error;
  }
  // The raw byte never reaches the terminal: it is shown escaped.
  EXPECT_NE(error_of(R"({"Statement": [{"Effect": "Allow", "Action": "s3:a\u0000b"}]})").find("`s3:a\\x00b`"), std::string::npos);
}

// One file, one policy: a root that holds a document and a wrapper (or two wrappers) would be
// proved as one and deployed as the other (found by red-teaming check-certificate).
TEST(PolicyInput, AFileWithTwoPolicyShapesIsRefused) {
  const std::string document = R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]})";
  const std::string recommendation = R"([{"unusedPermissionsRecommendedStep": {"recommendedAction": "CREATE_POLICY",
      "recommendedPolicy": "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}"}}])";
  const std::string both[] = {
      R"({"PolicyDocument": )" + document + R"(, "recommendedSteps": )" + recommendation + "}",
      R"({"PolicyVersion": {"Document": )" + document + R"(}, "PolicyDocument": )" + document + "}",
      R"({"Version": "2012-10-17", "Statement": [], "PolicyDocument": )" + document + "}",
  };
  for (const auto& text : both) {
    const std::string error = error_of(text);
    EXPECT_NE(error.find("p.json: /: holds more than one policy"), std::string::npos) << text << "\n" << error;
  }
  EXPECT_EQ(error_of(R"({"RoleName": "r", "PolicyName": "p", "PolicyDocument": )" + document + "}"), "(no error)");
}

}  // namespace
}  // namespace leastpriv::model
