// Tests of the resource limits (model/input_limits.h): each is an error naming the file, where
// the value is and the limit, and a value just at a limit still reads.
#include "model/input_limits.h"
#include "model/json_text.h"
#include "model/policy_input.h"
#include "tests/support/test_support.h"

#include <gtest/gtest.h>

#include <string>

namespace leastpriv::model {
namespace {

std::string one_action(const std::string& action) {
  return R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": [")" + action + R"("], "Resource": "*"}]})";
}

TEST(InputLimits, APatternAtTheLengthLimitReadsAndOneLongerIsRefused) {
  const std::string at_limit = "s3:" + std::string(kMaxPatternLength - 3, 'a');
  EXPECT_TRUE(load_policy_text(one_action(at_limit), "p.json").ok());
  const auto over = load_policy_text(one_action(at_limit + "a"), "p.json");
  ASSERT_FALSE(over.ok());
  EXPECT_EQ(over.error().kind, ErrorKind::kBadInput);
  EXPECT_EQ(over.error().message.rfind("p.json: /Statement/0/Action/0: ", 0), 0u) << over.error().message;
  EXPECT_NE(over.error().message.find("has 513 characters, more than the limit of 512"), std::string::npos)
      << over.error().message;
}

TEST(InputLimits, APatternAtTheWildcardLimitReadsAndOneMoreIsRefused) {
  std::string at_limit = "s3:";
  for (std::size_t i = 0; i < kMaxPatternWildcards / 2; ++i) at_limit += "*a?";
  ASSERT_EQ(pattern_limit_problem(at_limit), "");
  EXPECT_TRUE(load_policy_text(one_action(at_limit), "p.json").ok());
  const auto over = load_policy_text(one_action(at_limit + "*"), "p.json");
  ASSERT_FALSE(over.ok());
  EXPECT_NE(over.error().message.find("has 13 wildcards (`*` and `?`), more than the limit of 12"), std::string::npos)
      << over.error().message;
}

TEST(InputLimits, TooManyStatementsAreRefusedAtTheStatementArray) {
  auto policy = [](std::size_t statements) {
    std::string text = R"({"Version": "2012-10-17", "Statement": [)";
    for (std::size_t i = 0; i < statements; ++i) {
      text += std::string(i ? "," : "") + R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"})";
    }
    return text + "]}";
  };
  EXPECT_TRUE(load_policy_text(policy(kMaxStatements), "p.json").ok());
  const auto over = load_policy_text(policy(kMaxStatements + 1), "p.json");
  ASSERT_FALSE(over.ok());
  EXPECT_EQ(over.error().message, "p.json: /Statement: has 10001 statements, more than the limit of 10000 (README \"Resource limits\")");
}

TEST(InputLimits, AFileLargerThanTheLimitIsRefused) {
  const std::string dir = testing::make_temp_dir();
  const std::string at_limit = dir + "/at-limit.json";
  const std::string over = dir + "/over.json";
  ASSERT_TRUE(testing::write_file(at_limit, std::string(kMaxInputBytes, ' ')));
  ASSERT_TRUE(testing::write_file(over, std::string(kMaxInputBytes + 1, ' ')));
  EXPECT_TRUE(read_text_file(at_limit).ok());
  const auto refused = read_text_file(over);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().message, over + ": larger than the limit of 16 MiB for an input file (README \"Resource limits\")");
  // Every reader goes through it: a policy too.
  const auto policy = load_policy_file(over);
  ASSERT_FALSE(policy.ok());
  EXPECT_NE(policy.error().message.find("larger than the limit of 16 MiB"), std::string::npos) << policy.error().message;
}

}  // namespace
}  // namespace leastpriv::model
