// Tests of the strategies `char`, `exact`, `fewest` and `bounded` (engine/*_strategy.h) and of
// the policy metrics compare reports (engine/render/policy_metrics.h), on small catalogs checked by
// hand.
#include "engine/strategies/aws_strategy.h"
#include "engine/strategies/bounded_strategy.h"
#include "engine/strategies/char_strategy.h"
#include "engine/strategies/exact_strategy.h"
#include "engine/strategies/fewest_strategy.h"
#include "engine/render/policy_metrics.h"
#include "engine/refine.h"
#include "engine/match/glob_inclusion.h"
#include "spec/reference_matcher.h"

#include "tests/support/test_support.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>
#include <string>
#include <vector>

namespace leastpriv::engine {
namespace {

using testing::catalog_of;
using testing::findings_of;
using testing::policy_of;
using Entries = std::vector<std::string>;

const model::Catalog& small_catalog() { return testing::small_hand_catalog(); }

constexpr const char* kBucketReadsUnused =
    R"([{"serviceNamespace": "s3", "actions": ["GetBucketAcl", "GetBucketPolicy", "GetBucketCORS"]}])";

Entries generalize(const Strategy& strategy, const std::string& entry, const std::string& findings_json,
                   const model::Catalog& catalog = small_catalog()) {
  const model::UnusedFindings findings = findings_of(findings_json);
  Entries out = strategy.generalize_entry(ActionPattern(entry), RefineContext{catalog, findings});
  sort_entries(out);
  return out;
}

std::string one_statement(const std::string& action_json) {
  return R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": )" + action_json +
         R"(, "Resource": "*"}]})";
}

Entries refined_actions(const Strategy& strategy, const std::string& policy_json, const std::string& findings_json,
                        const model::Catalog& catalog = small_catalog()) {
  const Refinement refinement = refine_policy(policy_of(policy_json), findings_of(findings_json), catalog, strategy);
  if (refinement.document.statements.empty()) return {};
  return refinement.document.statements[0].patterns;
}

// --- char --------------------------------------------------------------------------------

TEST(CharStrategy, ShortestCharacterPrefixesEndMidWord) {
  EXPECT_EQ(generalize(CharStrategy(), "s3:Get*", kBucketReadsUnused), (Entries{"s3:GetJ*", "s3:GetO*"}));
}

TEST(CharStrategy, ActionThatPrefixesAnUnusedOneIsListedExactly) {
  EXPECT_EQ(generalize(CharStrategy(), "s3:GetObject*", R"([{"serviceNamespace": "s3", "actions": ["GetObjectAcl"]}])"),
            (Entries{"s3:GetObject", "s3:GetObjectT*", "s3:GetObjectV*"}));
}

TEST(CharStrategy, NeverStopsInsideTheServicePart) {
  // `s*` would be safe by characters but spans s3express and services not launched yet.
  EXPECT_EQ(generalize(CharStrategy(), "s*", R"([{"serviceNamespace": "s3"}])"), (Entries{"s3express:*"}));
}

TEST(CharStrategy, PrefixMustStayInsideANonPrefixEntry) {
  // Entry `s3:*Object*`: `s3:G*` is free of unused actions but allows s3:GetBucketAcl, which
  // the entry does not; the prefix grows until `s3:GetObject*` is inside the entry.
  const Entries out = generalize(CharStrategy(), "s3:*Object*", R"([{"serviceNamespace": "s3", "actions": ["PutObject"]}])");
  EXPECT_EQ(out, (Entries{"s3:GetObject*"}));
}

// --- exact -------------------------------------------------------------------------------

TEST(ExactStrategy, ListsEveryUsedActionByName) {
  EXPECT_EQ(generalize(ExactStrategy(), "s3:Get*", kBucketReadsUnused),
            (Entries{"s3:GetJobTagging", "s3:GetObject", "s3:GetObjectAcl", "s3:GetObjectTagging", "s3:GetObjectVersion"}));
}

TEST(ExactStrategy, KeepsEntriesWithoutUnusedActionsAsTheyAre) {
  EXPECT_EQ(refined_actions(ExactStrategy(), one_statement(R"(["s3:List*", "s3:Get*", "ec2:Describe*"])"), kBucketReadsUnused),
            (Entries{"s3:List*", "s3:GetJobTagging", "s3:GetObject", "s3:GetObjectAcl", "s3:GetObjectTagging",
                     "s3:GetObjectVersion", "ec2:Describe*"}));
}

TEST(ExactStrategy, NotActionExcludesByExactNameAndWholeServicesByStar) {
  const std::string policy = R"({"Statement": [{"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"}]})";
  const Refinement refinement =
      refine_policy(policy_of(policy),
                    findings_of(R"([{"serviceNamespace": "s3", "actions": ["GetBucketAcl", "GetBucketPolicy", "GetBucketCORS"]},
                                    {"serviceNamespace": "ec2"}])"),
                    small_catalog(), ExactStrategy());
  EXPECT_EQ(refinement.document.statements[0].patterns,
            (Entries{"iam:*", "ec2:*", "s3:GetBucketAcl", "s3:GetBucketCORS", "s3:GetBucketPolicy"}));
}

// --- fewest ------------------------------------------------------------------------------

const model::Catalog& tagging_catalog() {
  static const model::Catalog catalog = catalog_of({"s3:GetObject", "s3:GetObjectAcl", "s3:GetObjectTagging", "s3:GetBucketAcl",
                                             "s3:GetBucketTagging", "s3:GetJobTagging", "s3:PutObjectTagging"});
  return catalog;
}

TEST(FewestStrategy, SuffixPatternCoversWhatNoPrefixCoversSafely) {
  constexpr const char* kUnused = R"([{"serviceNamespace": "s3", "actions": ["GetObject", "GetObjectAcl", "GetBucketAcl"]}])";
  // aws needs three exact names here; one infix pattern inside `s3:Get*` does it.
  EXPECT_EQ(generalize(FewestStrategy(), "s3:Get*", kUnused, tagging_catalog()), (Entries{"s3:Get*Tagging"}));
  // `s3:*Tagging` would be fewer characters but allows s3:PutObjectTagging, outside `s3:Get*`.
}

TEST(FewestStrategy, MatchesAwsWhenPrefixesAreOptimalAndPrefersExactNames) {
  const FewestStrategy strategy;
  EXPECT_EQ(generalize(strategy, "s3:Get*", kBucketReadsUnused), (Entries{"s3:GetJobTagging", "s3:GetObject*"}));
  // The same list refined: the cover statistics come with the result.
  const Refinement refinement =
      refine_policy(policy_of(one_statement(R"("s3:Get*")")), findings_of(kBucketReadsUnused), small_catalog(), strategy);
  EXPECT_EQ(refinement.document.statements[0].patterns, (Entries{"s3:GetJobTagging", "s3:GetObject*"}));
  ASSERT_TRUE(refinement.cover_stats.has_value());
  EXPECT_EQ(refinement.cover_stats->instances, 1u);
  EXPECT_EQ(refinement.cover_stats->proved_optimal, 1u);
}

TEST(FewestStrategy, OnlyFewestReportsCoverStatistics) {
  const std::string policy = one_statement(R"("s3:Get*")");
  EXPECT_FALSE(refine_policy(policy_of(policy), findings_of(kBucketReadsUnused), small_catalog(), AwsStrategy())
                   .cover_stats.has_value());
}

TEST(FewestStrategy, CoversAcrossTheEntriesOfOneList) {
  // Both entries hide unused actions; used s3:ListBucket is covered once, not per entry.
  const Entries out = refined_actions(FewestStrategy(), one_statement(R"(["s3:List*", "s3:*Bucket*"])"),
                                      R"([{"serviceNamespace": "s3", "actions": ["ListAllMyBuckets", "GetBucketAcl"]}])");
  EXPECT_EQ(out, (Entries{"s3:ListBucket", "s3:GetBucketCORS", "s3:GetBucketPolicy"}));
}

TEST(FewestStrategy, NeverCoversWithAPatternThatReachesAnUnknownUnusedAction) {
  // s3:GetObjectRetention is not in the catalog but unused: `s3:GetObject*` must not be used.
  const Entries out = generalize(FewestStrategy(), "s3:GetObject*",
                                 R"([{"serviceNamespace": "s3", "actions": ["GetObjectRetention"]}])");
  EXPECT_EQ(out, (Entries{"s3:GetObject", "s3:GetObjectAcl", "s3:GetObjectTagging", "s3:GetObjectVersion"}));
}

// Issue 12 row 4 (`--strategy fewest` ran 196 s on a 652-byte fuzzed policy): an entry with
// many `?` after a `*` makes each inclusion check of a long candidate explore exponentially
// many automaton states (`svc:AbAb…Ab*` lies inside `svc:*A??…?B*`, 12 wildcards, the most a
// pattern may have, and after its literal the search meets every set of the last 11
// characters). With a budget of a thousandth of the default the list must stop within it,
// fall back to greedy over what was judged, say so, and stay exact.
TEST(FewestStrategy, Row4_WorkBudgetBoundsExponentialInclusionChecksAndWarns) {
  std::string abab;
  for (int i = 0; i < 10; ++i) abab += "Ab";
  std::vector<std::string> names;
  for (const char* suffix : {"Get", "Put", "List", "Tag", "Acl", "Copy", "Move", "Sync"}) {
    names.push_back("svc:" + abab + suffix + "Object");
    names.push_back("svc:" + abab + suffix + "Bucket");
  }
  const model::Catalog catalog = catalog_of(names);
  const std::string entry = "svc:*A" + std::string(10, '?') + "B*";
  const std::string findings = R"([{"serviceNamespace": "svc", "actions": [")" + abab + R"(GetObject", ")" + abab + R"(PutBucket"]}])";
  constexpr std::size_t kBudget = FewestStrategy::kDefaultWorkBudget / 1000;
  const Refinement refinement =
      refine_policy(policy_of(one_statement("\"" + entry + "\"")), findings_of(findings), catalog, FewestStrategy(kBudget));

  ASSERT_TRUE(refinement.cover_stats.has_value());
  const CoverStats& stats = *refinement.cover_stats;
  EXPECT_EQ(stats.instances, 1u);
  EXPECT_EQ(stats.cut_short, 1u);
  EXPECT_EQ(stats.proved_optimal, 0u);
  // The budget, plus what always runs after it (greedy and narrowing over 16 elements).
  EXPECT_GE(stats.work, kBudget);
  EXPECT_LT(stats.work, kBudget + kBudget / 10);
  const bool warned = std::any_of(refinement.warnings.begin(), refinement.warnings.end(), [](const std::string& warning) {
    return warning.find("statement 1: fewest: the set cover hit its work limits") != std::string::npos &&
           warning.find("(svc)") != std::string::npos;
  });
  EXPECT_TRUE(warned) << ::testing::PrintToString(refinement.warnings);
  // Exact all the same: every used action, no unused one, nothing outside the entry.
  const model::UnusedFindings unused = findings_of(findings);
  ASSERT_EQ(refinement.document.statements.size(), 1u);
  const Entries& result = refinement.document.statements[0].patterns;
  for (const auto& name : names) {
    const bool used = !unused.is_unused(model::to_lower_ascii(name));
    EXPECT_EQ(spec::reference_matches_any(result, name), used) << name;
  }
  for (const auto& pattern : result) EXPECT_TRUE(glob_includes(entry, pattern)) << pattern;
}

// The same input with the default budget: no single inclusion check may take more than its
// own share of steps, so each long candidate is left out after about a millisecond, the
// list's budget is not even spent, and the result is still said to be greedy's.
TEST(FewestStrategy, Row4_AnInclusionCheckThatCannotTellInTimeLeavesItsCandidateOut) {
  std::string abab;
  for (int i = 0; i < 10; ++i) abab += "Ab";
  std::vector<std::string> names;
  for (const char* suffix : {"Get", "Put", "List", "Tag"}) names.push_back("svc:" + abab + suffix + "Object");
  const model::Catalog catalog = catalog_of(names);
  const std::string entry = "svc:*A" + std::string(10, '?') + "B*";
  const std::string findings = R"([{"serviceNamespace": "svc", "actions": [")" + abab + R"(GetObject"]}])";
  const Refinement refinement = refine_policy(policy_of(one_statement("\"" + entry + "\"")), findings_of(findings), catalog,
                                              FewestStrategy());
  ASSERT_TRUE(refinement.cover_stats.has_value());
  EXPECT_EQ(refinement.cover_stats->cut_short, 1u);
  EXPECT_LT(refinement.cover_stats->work, FewestStrategy::kDefaultWorkBudget / 10);
  EXPECT_EQ(refinement.warnings.size(), 1u) << ::testing::PrintToString(refinement.warnings);
  ASSERT_EQ(refinement.document.statements.size(), 1u);
  for (const auto& name : names) {
    EXPECT_EQ(spec::reference_matches_any(refinement.document.statements[0].patterns, name), name.find("GetObject") == std::string::npos)
        << name;
  }
}

// --- bounded -----------------------------------------------------------------------------

std::size_t characters(const Strategy& strategy, const std::string& policy, const std::string& findings) {
  return policy_character_count(refine_policy(policy_of(policy), findings_of(findings), small_catalog(), strategy).document);
}

TEST(BoundedStrategy, ExactWhenItFitsAndCoarsenedOnlyAsFarAsNeeded) {
  const std::string policy = one_statement(R"("s3:*")");
  constexpr const char* kUnused = R"([{"serviceNamespace": "s3", "actions": ["PutObject", "GetBucketAcl"]}])";
  const std::size_t exact_size = characters(ExactStrategy(), policy, kUnused);
  EXPECT_EQ(refined_actions(BoundedStrategy(exact_size), policy, kUnused),
            refined_actions(ExactStrategy(), policy, kUnused));
  // One character less: the deepest safe node (s3:GetObject, 4 actions) is collapsed first,
  // the shallower s3:List stays exact.
  EXPECT_EQ(refined_actions(BoundedStrategy(exact_size - 1), policy, kUnused),
            (Entries{"s3:GetBucketCORS", "s3:GetBucketPolicy", "s3:GetJobTagging", "s3:GetObject*", "s3:ListAllMyBuckets",
                     "s3:ListBucket"}));
}

TEST(BoundedStrategy, GivesUpWordAlignmentOnlyForTheEntriesThatMustFit) {
  // s3:Get* (aws: s3:GetBucketCORS, s3:GetBucketPolicy, s3:GetJobTagging, s3:GetObject*) saves
  // 21 characters as `char` prefixes, s3:List* (aws: s3:ListAllMyBuckets) saves 10.
  const std::string policy = one_statement(R"(["s3:Get*", "s3:List*"])");
  constexpr const char* kUnused = R"([{"serviceNamespace": "s3", "actions": ["GetBucketAcl", "ListBucket"]}])";
  const std::size_t aws_size = characters(AwsStrategy(), policy, kUnused);
  EXPECT_EQ(characters(BoundedStrategy(aws_size), policy, kUnused), aws_size);
  EXPECT_EQ(refined_actions(BoundedStrategy(aws_size), policy, kUnused), refined_actions(AwsStrategy(), policy, kUnused));

  const Refinement one_entry =
      refine_policy(policy_of(policy), findings_of(kUnused), small_catalog(), BoundedStrategy(aws_size - 5));
  EXPECT_EQ(one_entry.document.statements[0].patterns,
            (Entries{"s3:GetBucketC*", "s3:GetBucketP*", "s3:GetJ*", "s3:GetO*", "s3:ListAllMyBuckets"}));
  EXPECT_TRUE(one_entry.warnings.empty());
  ASSERT_EQ(one_entry.changes.size(), 1u);
  ASSERT_EQ(one_entry.changes[0].entries.size(), 2u);
  EXPECT_NE(one_entry.changes[0].entries[0].reason.find("character-level"), std::string::npos);
  EXPECT_EQ(one_entry.changes[0].entries[1].reason.find("character-level"), std::string::npos);

  EXPECT_EQ(refined_actions(BoundedStrategy(aws_size - 25), policy, kUnused),
            refined_actions(CharStrategy(), policy, kUnused));
}

TEST(BoundedStrategy, ReportsWhenEvenTheCoarsestResultDoesNotFit) {
  const std::string policy = one_statement(R"("s3:*")");
  constexpr const char* kUnused = R"([{"serviceNamespace": "s3", "actions": ["PutObject", "GetBucketAcl"]}])";
  const Refinement refinement = refine_policy(policy_of(policy), findings_of(kUnused), small_catalog(), BoundedStrategy(10));
  // The coarsest result: every entry at its `char` prefixes.
  EXPECT_EQ(refinement.document.statements[0].patterns, refined_actions(CharStrategy(), policy, kUnused));
  ASSERT_FALSE(refinement.warnings.empty());
  EXPECT_NE(refinement.warnings.back().find("over the budget of 10"), std::string::npos);
}

TEST(BoundedStrategy, BudgetIsPartOfTheStrategyName) {
  auto strategy = make_strategy("bounded:100");
  ASSERT_TRUE(strategy.ok());
  EXPECT_EQ((*strategy)->configured_name(), "bounded:100");
  EXPECT_EQ((*make_strategy("bounded:6144"))->configured_name(), "bounded");
  EXPECT_FALSE(make_strategy("bounded:").ok());
  EXPECT_FALSE(make_strategy("bounded:x1").ok());
}

// --- metrics -----------------------------------------------------------------------------

TEST(PolicyMetrics, CountsWithoutWhitespaceAndWildcardEntries) {
  const model::PolicyDocument policy = policy_of(R"({"Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Action": ["s3:Get*", "s3:PutObject"], "Resource": "*"}]})");
  const PolicyMetrics metrics = measure_policy(policy);
  EXPECT_EQ(metrics.entries, 2u);
  EXPECT_EQ(metrics.wildcards, 1u);
  const std::string minified =
      R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:Get*","s3:PutObject"],"Resource":"*"}]})";
  EXPECT_EQ(metrics.characters, minified.size());
}

TEST(PolicyMetrics, FutureExposureCountsOnlyActionsTheOlderCatalogLacks) {
  const model::Catalog older = catalog_of({"s3:GetObject", "s3:PutObject"});
  const model::Catalog newer = catalog_of({"s3:GetObject", "s3:PutObject", "s3:GetObjectAttributes", "s3:GetBucketAbac", "ec2:RunInstances"});
  EXPECT_EQ(future_exposure(policy_of(one_statement(R"("s3:Get*")")), older, newer), 2u);
  EXPECT_EQ(future_exposure(policy_of(one_statement(R"("s3:GetObject*")")), older, newer), 1u);
  EXPECT_EQ(future_exposure(policy_of(one_statement(R"("s3:GetObject")")), older, newer), 0u);
}

TEST(Strategies, EveryNameIsRegistered) {
  for (const auto& name : strategy_names()) {
    auto strategy = make_strategy(name);
    ASSERT_TRUE(strategy.ok()) << name;
    EXPECT_EQ((*strategy)->name(), name);
  }
}

// without_duplicates keeps the first of equal entries (case matters), in order.
TEST(Strategies, WithoutDuplicatesKeepsTheFirstOfEachInOrder) {
  const std::vector<std::string> pool{"s3:Get*", "s3:get*", "ec2:*", "a-rather-long-entry-beyond-small-strings:*", "x"};
  std::mt19937 random(7);
  for (int round = 0; round < 200; ++round) {
    std::vector<std::string> entries;
    for (int n = static_cast<int>(random() % 12); n > 0; --n) entries.push_back(pool[random() % pool.size()]);
    std::vector<std::string> expected;
    std::set<std::string> seen;
    for (const auto& entry : entries) {
      if (seen.insert(entry).second) expected.push_back(entry);
    }
    EXPECT_EQ(without_duplicates(entries), expected);
  }
}

}  // namespace
}  // namespace leastpriv::engine
