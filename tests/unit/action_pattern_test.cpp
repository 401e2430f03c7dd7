// Tests of the engine's action matcher and its language questions (engine/match/action_pattern.h).
#include "engine/match/action_pattern.h"
#include "engine/match/glob_inclusion.h"
#include "engine/strategies/strategy.h"

#include "tests/support/test_support.h"

#include <gtest/gtest.h>

#include <chrono>
#include <random>

namespace leastpriv::engine {
namespace {

TEST(ActionPattern, MatchesCaseInsensitivelyOverTheWholeAction) {
  EXPECT_TRUE(ActionPattern("S3:GetObject").matches("s3:getobject"));
  EXPECT_FALSE(ActionPattern("s3:GetObject").matches("s3:getobjectacl"));
  EXPECT_FALSE(ActionPattern("s3:Get").matches("s3:getobject"));
}

TEST(ActionPattern, StarMatchesAnySequenceAlsoEmpty) {
  EXPECT_TRUE(ActionPattern("s3:Get*").matches("s3:get"));
  EXPECT_TRUE(ActionPattern("s3:Get*").matches("s3:getobject"));
  EXPECT_TRUE(ActionPattern("*").matches(""));
  EXPECT_TRUE(ActionPattern("*:Get*").matches("ec2:getconsoleoutput"));
  EXPECT_TRUE(ActionPattern("s3*").matches("s3express:createsession"));
  EXPECT_TRUE(ActionPattern("s3:*Object*").matches("s3:deleteobjecttagging"));
  EXPECT_FALSE(ActionPattern("s3:*Object*").matches("s3:getbucketacl"));
  EXPECT_TRUE(ActionPattern("a**b").matches("ab"));
}

TEST(ActionPattern, QuestionMarkMatchesExactlyOneCharacter) {
  EXPECT_TRUE(ActionPattern("s3:Get?bject").matches("s3:getobject"));
  EXPECT_FALSE(ActionPattern("s3:Get?bject").matches("s3:getbject"));
  EXPECT_FALSE(ActionPattern("s3:Get?bject").matches("s3:getoobject"));
  EXPECT_TRUE(ActionPattern("?*").matches("x"));
  EXPECT_FALSE(ActionPattern("?*").matches(""));
}

TEST(ActionPattern, MiddleSegmentsDoNotOverlapTheLastSegment) {
  EXPECT_FALSE(ActionPattern("*ab*ba").matches("aba"));
  EXPECT_TRUE(ActionPattern("*ab*ba").matches("abba"));
}

TEST(ActionPattern, NoExponentialBacktracking) {
  const ActionPattern pattern("*a*a*a*a*a*a*a*a*a*a*a*a*b");
  const std::string text(5000, 'a');
  const auto start = std::chrono::steady_clock::now();
  EXPECT_FALSE(pattern.matches(text));
  const auto elapsed = std::chrono::steady_clock::now() - start;
  EXPECT_LT(std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count(), 500);
}

TEST(ActionPattern, ShapesAndLiteralPrefix) {
  EXPECT_TRUE(ActionPattern("s3:GetObject").is_literal());
  EXPECT_FALSE(ActionPattern("s3:Get?").is_literal());
  EXPECT_TRUE(ActionPattern("s3:Get*").is_literal_then_star());
  EXPECT_TRUE(ActionPattern("*").is_literal_then_star());
  EXPECT_FALSE(ActionPattern("s3:Get**").is_literal_then_star());
  EXPECT_FALSE(ActionPattern("s3:*Get*").is_literal_then_star());
  EXPECT_EQ(ActionPattern("S3:Ge?t*").literal_prefix(), "s3:ge");
  EXPECT_EQ(ActionPattern("*:Get*").literal_prefix(), "");
}

TEST(ActionPattern, IncludesAllWithPrefixDecidesLanguageInclusion) {
  EXPECT_TRUE(ActionPattern("s3:Get*").includes_all_with_prefix("s3:getobject"));
  EXPECT_FALSE(ActionPattern("s3:Get*").includes_all_with_prefix("s3:ge"));
  EXPECT_TRUE(ActionPattern("*:Get*").includes_all_with_prefix("s3:get"));
  EXPECT_FALSE(ActionPattern("*:Get*").includes_all_with_prefix("s3:"));
  EXPECT_TRUE(ActionPattern("s3:*Object*").includes_all_with_prefix("s3:getobject"));
  EXPECT_FALSE(ActionPattern("s3:*Object").includes_all_with_prefix("s3:getobject"));  // s3:getobjectacl
  EXPECT_TRUE(ActionPattern("s3:Get?bject*").includes_all_with_prefix("s3:getobject"));
  EXPECT_FALSE(ActionPattern("s3:?*").includes_all_with_prefix("s3:"));  // "s3:" itself
  EXPECT_TRUE(ActionPattern("s3:Get**").includes_all_with_prefix("s3:get"));
  EXPECT_FALSE(ActionPattern("s3:GetObject").includes_all_with_prefix("s3:getobject"));
}

TEST(ActionPattern, MatchesSomeWithPrefix) {
  EXPECT_TRUE(ActionPattern("*").matches_some_with_prefix("s3:"));
  EXPECT_TRUE(ActionPattern("s3*").matches_some_with_prefix("s3express:"));
  EXPECT_FALSE(ActionPattern("s3:*").matches_some_with_prefix("s3express:"));
  EXPECT_TRUE(ActionPattern("*:Get*").matches_some_with_prefix("ec2:"));
  EXPECT_FALSE(ActionPattern("ec2:Get*").matches_some_with_prefix("s3:"));
}

TEST(ActionPattern, MatchesSomeUnusedSeesWhollyUnusedServices) {
  const auto findings = testing::findings_of(R"([{"serviceNamespace": "Lambda"}, {"serviceNamespace": "s3", "actions": ["GetObject"]}])");
  EXPECT_TRUE(matches_some_unused(ActionPattern("*:Invoke*"), findings));
  EXPECT_TRUE(matches_some_unused(ActionPattern("s3:Get*"), findings));
  EXPECT_FALSE(matches_some_unused(ActionPattern("s3:List*"), findings));
  EXPECT_FALSE(matches_some_unused(ActionPattern("lambdax:*"), findings));
}

// matches_some_unused skips the services a pattern's literal prefix cannot reach before asking
// the glob automaton; on random patterns and findings it answers as asking the automaton about
// every unused service and the matcher about every unused action does.
TEST(ActionPattern, MatchesSomeUnusedEqualsAskingAboutEveryServiceAndAction) {
  const std::vector<std::string> services{"s3", "s3express", "ec2", "iam", "sts", "a"};
  const std::vector<std::string> names{"GetObject", "PutObject", "ListBuckets", "AssumeRole", "Describe", "x"};
  const std::vector<std::string> patterns{"*", "s3:*", "s3*", "s?:*", "*:Get*", "s3:Get*", "ec2:*", "i*", "iam:Assume?ole",
                                          "s3e*:*", "a:*", "a*", "*3*", "sts:AssumeRole", "e?2:D*", "?", "s3:", "s"};
  std::mt19937 random(14);
  for (int round = 0; round < 400; ++round) {
    model::UnusedFindings findings;
    for (int n = static_cast<int>(random() % 3); n > 0; --n) findings.add_unused_service(services[random() % services.size()]);
    for (int n = static_cast<int>(random() % 4); n > 0; --n) {
      findings.add_unused_action(services[random() % services.size()], names[random() % names.size()]);
    }
    for (const auto& text : patterns) {
      const ActionPattern pattern(text);
      bool expected = false;
      for (const auto& service : findings.unused_services()) {
        expected = expected || glob_matches_some_with_prefix(pattern.lower(), service + ":");
      }
      for (const auto& action : findings.unused_actions()) expected = expected || pattern.matches(action);
      EXPECT_EQ(matches_some_unused(pattern, findings), expected) << text;
    }
  }
}

}  // namespace
}  // namespace leastpriv::engine
