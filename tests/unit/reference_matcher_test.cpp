// Hand-written cases for the reference matcher (spec/reference_matcher.h), from the AWS IAM
// documentation's examples (spec/SEMANTICS.md cites them): the oracle must itself be right.
#include "spec/reference_matcher.h"
#include "tests/support/test_support.h"

#include <gtest/gtest.h>

namespace leastpriv::spec {
namespace {

TEST(ReferenceMatcher, DocumentationExamples) {
  // "iam:*AccessKey*" allows CreateAccessKey, DeleteAccessKey, ListAccessKeys, UpdateAccessKey.
  for (const char* action : {"iam:CreateAccessKey", "iam:DeleteAccessKey", "iam:ListAccessKeys", "iam:UpdateAccessKey"}) {
    EXPECT_TRUE(reference_matches("iam:*AccessKey*", action)) << action;
  }
  EXPECT_FALSE(reference_matches("iam:*AccessKey*", "iam:CreateUser"));
  EXPECT_TRUE(reference_matches("s3:Get*", "s3:GetObject"));
  EXPECT_FALSE(reference_matches("s3:Get*", "s3:PutObject"));
  EXPECT_TRUE(reference_matches("*", "ec2:RunInstances"));
}

TEST(ReferenceMatcher, CaseInsensitiveBothParts) {
  EXPECT_TRUE(reference_matches("S3:GETOBJECT", "s3:GetObject"));
  EXPECT_TRUE(reference_matches("sqs:sendmessage", "SQS:SendMessage"));
}

TEST(ReferenceMatcher, StarIsAnySequenceAlsoEmptyAndQuestionMarkIsOneCharacter) {
  EXPECT_TRUE(reference_matches("s3:Get*", "s3:Get"));
  EXPECT_TRUE(reference_matches("s3:Get?bject", "s3:GetObject"));
  EXPECT_FALSE(reference_matches("s3:Get?bject", "s3:Getbject"));
  EXPECT_FALSE(reference_matches("s3:Get", "s3:GetObject"));  // the whole action must match
  EXPECT_TRUE(reference_matches("*:Get*", "s3:GetObject"));
  EXPECT_FALSE(reference_matches("s3:*", "s3express:CreateSession"));
  EXPECT_TRUE(reference_matches("s3*", "s3express:CreateSession"));
}

TEST(ReferenceMatcher, StatementsAllowAndNotAction) {
  const std::vector<std::string> patterns{"iam:*", "s3:Get*"};
  EXPECT_TRUE(reference_statement_allows(true, false, patterns, "s3:GetObject"));
  EXPECT_FALSE(reference_statement_allows(true, false, patterns, "ec2:RunInstances"));
  EXPECT_TRUE(reference_statement_allows(true, true, patterns, "ec2:RunInstances"));
  EXPECT_FALSE(reference_statement_allows(true, true, patterns, "iam:CreateUser"));
  EXPECT_FALSE(reference_statement_allows(false, false, patterns, "s3:GetObject"));  // Deny allows nothing
  EXPECT_TRUE(reference_statement_allows(true, true, {}, "anything:AtAll"));        // NotAction [] allows all
}

// The definition word for word, by backtracking: exponential, so only for tiny inputs here.
bool backtracking_matches(std::string_view pattern, std::string_view action) {
  if (pattern.empty()) return action.empty();
  if (pattern[0] == '*') {
    for (std::size_t taken = 0; taken <= action.size(); ++taken) {
      if (backtracking_matches(pattern.substr(1), action.substr(taken))) return true;
    }
    return false;
  }
  if (action.empty()) return false;
  const auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; };
  if (pattern[0] != '?' && lower(pattern[0]) != lower(action[0])) return false;
  return backtracking_matches(pattern.substr(1), action.substr(1));
}

TEST(ReferenceMatcher, TableEqualsTheBacktrackingDefinitionOnEveryTinyInput) {
  const auto patterns = testing::all_words("aB*?", 5);
  const auto actions = testing::all_words("abA", 5);
  std::size_t compared = 0;
  for (const auto& pattern : patterns) {
    for (const auto& action : actions) {
      ASSERT_EQ(reference_matches(pattern, action), backtracking_matches(pattern, action)) << pattern << " vs " << action;
      ++compared;
    }
  }
  EXPECT_EQ(compared, patterns.size() * actions.size());
  EXPECT_GT(compared, 300000u);
}

TEST(ReferenceMatcher, ManyStarsArePolynomial) {
  // 16 stars: the backtracking version never returned on this.
  std::string pattern = "s3:";
  for (int i = 0; i < 16; ++i) pattern += "*a";
  pattern += "*b";
  const std::string action = "s3:" + std::string(64, 'a');
  EXPECT_FALSE(reference_matches(pattern, action));
  EXPECT_TRUE(reference_matches(pattern, action + "b"));
  // A 10,000-character pattern of stars against long actions: 5 * 10^7 steps, not 2^5000.
  std::string stars;
  for (int i = 0; i < 5000; ++i) stars += "*?";
  EXPECT_TRUE(reference_matches(stars, std::string(5000, 'x')));
  EXPECT_FALSE(reference_matches(stars, std::string(4999, 'x')));
}

}  // namespace
}  // namespace leastpriv::spec
