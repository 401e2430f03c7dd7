// Hand-written cases for the reference matcher (spec/reference_matcher.h), from the AWS IAM
// documentation's examples (spec/SEMANTICS.md cites them): the oracle must itself be right.
#include "spec/reference_matcher.h"

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

}  // namespace
}  // namespace leastpriv::spec
