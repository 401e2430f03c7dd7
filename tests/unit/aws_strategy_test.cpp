// Tests of the `aws` strategy and the refinement rules (engine/strategies/aws_strategy.h,
// engine/strategies/strategy.h, engine/refine.h), on small catalogs checked by hand.
#include "engine/strategies/aws_strategy.h"
#include "engine/refine.h"

#include "tests/support/test_support.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace leastpriv::engine {
namespace {

using testing::catalog_of;
using testing::findings_of;
using testing::policy_of;
using Entries = std::vector<std::string>;

const model::Catalog& small_catalog() { return testing::small_hand_catalog(); }

Entries generalize(const std::string& entry, const std::string& findings_json, const model::Catalog& catalog = small_catalog()) {
  const model::UnusedFindings findings = findings_of(findings_json);
  AwsStrategy strategy;
  Entries out = strategy.generalize_entry(ActionPattern(entry), RefineContext{catalog, findings});
  sort_entries(out);
  return out;
}

TEST(AwsStrategy, SafeNodeWithSeveralActionsEmitsPrefixStar) {
  EXPECT_EQ(generalize("s3:Get*", R"([{"serviceNamespace": "s3", "actions": ["GetBucketAcl", "GetBucketPolicy", "GetBucketCORS"]}])"),
            (Entries{"s3:GetJobTagging", "s3:GetObject*"}));
}

TEST(AwsStrategy, SafeNodeWithOneActionEmitsExactName) {
  EXPECT_EQ(generalize("s3:Get*", R"([{"serviceNamespace": "s3", "actions": ["GetBucketAcl", "GetBucketPolicy"]}])"),
            (Entries{"s3:GetBucketCORS", "s3:GetJobTagging", "s3:GetObject*"}));
}

TEST(AwsStrategy, UnsafeUsedActionIsEmittedExactlyAndTheWalkGoesOn) {
  // GetObjectAcl unused: node s3:GetObject is unsafe but itself a used action.
  EXPECT_EQ(generalize("s3:GetObject*", R"([{"serviceNamespace": "s3", "actions": ["GetObjectAcl"]}])"),
            (Entries{"s3:GetObject", "s3:GetObjectTagging", "s3:GetObjectVersion"}));
}

TEST(AwsStrategy, EntryEndingMidWordStartsAtTheNextBoundary) {
  EXPECT_EQ(generalize("s3:Ge*", R"([{"serviceNamespace": "s3", "actions": ["GetJobTagging"]}])"),
            (Entries{"s3:GetBucket*", "s3:GetObject*"}));
}

TEST(AwsStrategy, ServicePartWildcardGoesThroughServicesFirst) {
  EXPECT_EQ(generalize("*", R"([{"serviceNamespace": "s3"}])"), (Entries{"ec2:*", "s3express:CreateSession"}));
  EXPECT_EQ(generalize("s3*", R"([{"serviceNamespace": "s3", "actions": ["PutObject"]}])"),
            (Entries{"s3:Get*", "s3:List*", "s3express:CreateSession"}));
}

TEST(AwsStrategy, InfixEntriesOnlyEmitNodesInsideTheEntry) {
  // s3:*Object* : s3:Get* is not inside it, s3:GetObject* is.
  EXPECT_EQ(generalize("s3:*Object*", R"([{"serviceNamespace": "s3", "actions": ["GetObjectAcl"]}])"),
            (Entries{"s3:GetObject", "s3:GetObjectTagging", "s3:GetObjectVersion", "s3:PutObject"}));
  EXPECT_EQ(generalize("*:Describe*", R"([{"serviceNamespace": "ec2", "actions": ["DescribeVpcs"]}])"),
            (Entries{"ec2:DescribeInstances"}));
}

TEST(AwsStrategy, QuestionMarkEntries) {
  EXPECT_EQ(generalize("s3:Get?bject*", R"([{"serviceNamespace": "s3", "actions": ["GetObjectAcl"]}])"),
            (Entries{"s3:GetObject", "s3:GetObjectTagging", "s3:GetObjectVersion"}));
}

TEST(AwsStrategy, UnknownUnusedActionsBlockTheirPrefix) {
  // s3:GetObjectFuture is not in the catalog but unused: s3:GetObject* must not be emitted.
  EXPECT_EQ(generalize("s3:GetObject*", R"([{"serviceNamespace": "s3", "actions": ["GetObjectFuture"]}])"),
            (Entries{"s3:GetObject", "s3:GetObjectAcl", "s3:GetObjectTagging", "s3:GetObjectVersion"}));
}

TEST(AwsStrategy, EmittedNamesUseTheCatalogSpelling) {
  EXPECT_EQ(generalize("S3:GETOBJECT*", R"([{"serviceNamespace": "s3", "actions": ["GetObjectAcl"]}])"),
            (Entries{"s3:GetObject", "s3:GetObjectTagging", "s3:GetObjectVersion"}));
}

TEST(AwsStrategy, TrieVerdictsForExplain) {
  const model::UnusedFindings findings = findings_of(R"([{"serviceNamespace": "s3", "actions": ["GetBucketAcl"]}])");
  const ActionPattern entry("s3:Get*");
  const TokenTrie trie = build_entry_trie(entry, small_catalog());
  const TrieWalk walk = walk_entry_trie(trie, entry, RefineContext{small_catalog(), findings});
  EXPECT_EQ(walk.verdicts[TokenTrie::kRoot], NodeVerdict::kUnsafe);
  std::size_t safe = 0;
  for (auto verdict : walk.verdicts) safe += verdict == NodeVerdict::kSafeEmitted ? 1 : 0;
  EXPECT_EQ(safe, walk.emitted.size());
}

Refinement refine(const std::string& policy_json, const std::string& findings_json, const model::Catalog& catalog = small_catalog()) {
  const model::PolicyDocument policy = policy_of(policy_json);
  const model::UnusedFindings findings = findings_of(findings_json);
  return refine_policy(policy, findings, catalog, AwsStrategy());
}

TEST(Refine, KeepsEntriesThatHideNoUnusedActionByteForByte) {
  const auto result = refine(R"({"Statement": [{"Effect": "Allow", "Action": ["S3:list*", "s3:NoSuchThing*", "s3:Get*"], "Resource": "*"}]})",
                             R"([{"serviceNamespace": "s3", "actions": ["GetBucketAcl", "GetBucketPolicy", "GetBucketCORS"]}])");
  EXPECT_EQ(result.document.statements[0].patterns,
            (Entries{"S3:list*", "s3:NoSuchThing*", "s3:GetJobTagging", "s3:GetObject*"}));
}

// Issue 12 row 7: the Deny is kept, so the policy is kept (detaching would drop the Deny,
// which also limits the principal's other policies).
TEST(Refine, DropsUnusedExactNamesAndEmptyStatementsAndKeepsADenyOnlyPolicy) {
  const auto result = refine(R"({"Statement": [{"Effect": "Allow", "Action": "s3:PutObject", "Resource": "*"},
                                              {"Effect": "Deny", "Action": "s3:PutObject", "Resource": "*"}]})",
                             R"([{"serviceNamespace": "s3", "actions": ["PutObject"]}])");
  ASSERT_EQ(result.document.statements.size(), 1u);
  EXPECT_EQ(result.document.statements[0].effect, model::Effect::kDeny);  // Deny never changes
  EXPECT_EQ(result.document.statements[0].patterns, Entries{"s3:PutObject"});
  EXPECT_FALSE(result.detach);
}

TEST(Refine, RemovesDuplicatesCreatedByReplacement) {
  const auto result = refine(R"({"Statement": [{"Effect": "Allow", "Action": ["s3:GetJobTagging", "s3:Get*"], "Resource": "*"}]})",
                             R"([{"serviceNamespace": "s3", "actions": ["GetBucketAcl", "GetBucketPolicy", "GetBucketCORS"]}])");
  EXPECT_EQ(result.document.statements[0].patterns, (Entries{"s3:GetJobTagging", "s3:GetObject*"}));
}

TEST(Refine, NoFindingsChangesNothing) {
  const std::string policy = R"({"Statement": [{"Effect": "Allow", "Action": ["s3:Get*", "s3:Get*"], "Resource": "*"}]})";
  const auto result = refine(policy, "[]");
  EXPECT_FALSE(result.changed());
  EXPECT_EQ(model::policy_to_json(result.document), model::policy_to_json(policy_of(policy)));
}

TEST(Refine, NotActionGetsTheDualWalk) {
  const auto result = refine(R"({"Statement": [{"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"}]})",
                             R"([{"serviceNamespace": "s3", "actions": ["GetBucketAcl", "GetBucketPolicy", "GetBucketCORS", "PutObject", "Unknown"]},
                                 {"serviceNamespace": "ec2"}])");
  EXPECT_EQ(result.document.statements[0].patterns,
            (Entries{"iam:*", "ec2:*", "s3:GetBucket*", "s3:PutObject", "s3:Unknown"}));
}

TEST(Refine, NotActionThatNoLongerAllowsAnythingIsRemoved) {
  const model::Catalog catalog = catalog_of({"s3:GetObject", "s3:PutObject"});
  const auto result = refine(R"({"Statement": [{"Effect": "Allow", "NotAction": "s3:GetObject", "Resource": "*"}]})",
                             R"([{"serviceNamespace": "s3", "actions": ["PutObject"]}])", catalog);
  EXPECT_TRUE(result.document.statements.empty());
  EXPECT_TRUE(result.detach);
}

TEST(Refine, WarnsAboutFindingsTheCatalogOrThePolicyDoesNotKnow) {
  const auto result = refine(R"({"Statement": [{"Effect": "Allow", "Action": "s3:Get*", "Resource": "*"}]})",
                             R"([{"serviceNamespace": "s3", "actions": ["GetNothing", "PutObject"]}])");
  ASSERT_EQ(result.warnings.size(), 2u);
  EXPECT_NE(result.warnings[0].find("`s3:GetNothing`"), std::string::npos);
  EXPECT_NE(result.warnings[1].find("`s3:PutObject`"), std::string::npos);
}

// "Allowed by the policy" counts infix and `?` patterns and Allow+NotAction statements, and no Deny.
TEST(Refine, FindingsWarningSeesEveryWayThePolicyAllows) {
  const auto result = refine(R"({"Statement": [
      {"Effect": "Allow", "Action": ["s3:*Object", "iam:Get?ser"], "Resource": "*"},
      {"Effect": "Allow", "NotAction": ["ec2:*", "s3:*"], "Resource": "*"},
      {"Effect": "Deny", "Action": "ec2:RunInstances", "Resource": "*"}]})",
                             R"([{"serviceNamespace": "s3", "actions": ["GetObject", "ListBucket"]},
                                 {"serviceNamespace": "iam", "actions": ["GetUser"]},
                                 {"serviceNamespace": "kms", "actions": ["Decrypt"]},
                                 {"serviceNamespace": "ec2", "actions": ["RunInstances"]}])");
  const auto not_allowed = std::find_if(result.warnings.begin(), result.warnings.end(), [](const std::string& warning) {
    return warning.find("that the policy does not allow") != std::string::npos;
  });
  ASSERT_NE(not_allowed, result.warnings.end());
  EXPECT_NE(not_allowed->find("2 unused action(s) that the policy does not allow: `ec2:RunInstances`, `s3:ListBucket` ("),
            std::string::npos) << *not_allowed;
}

}  // namespace
}  // namespace leastpriv::engine
