// verify_refinement on whole policies: the seed example against the embedded catalog, statement
// pairing by scope, Deny handling, document fields (O0), the exit codes, and scopes with the
// same formula decided once.
#include "model/catalog.h"
#include "model/findings.h"
#include "model/policy_input.h"
#include "verifier/decide/verify.h"
#include "verifier/encode/obligations.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>

namespace leastpriv::verifier {
namespace {

std::string source(const std::string& relative) { return std::string(LEASTPRIV_SOURCE_DIR) + "/" + relative; }

model::PolicyDocument policy(const std::string& text) {
  auto loaded = model::load_policy_text(text, "test");
  EXPECT_TRUE(loaded.ok()) << (loaded.ok() ? "" : loaded.error().message);
  return loaded.ok() ? loaded->document : model::PolicyDocument{};
}

model::Catalog small_catalog() {
  auto catalog = model::Catalog::from_file(source("tests/data/catalog-small.json"));
  EXPECT_TRUE(catalog.ok());
  return *catalog;
}

TEST(VerifyRefinement, SeedCorrectResultIsProvedAgainstTheEmbeddedCatalog) {
  auto catalog = model::Catalog::embedded();
  ASSERT_TRUE(catalog.ok());
  auto original = model::load_policy_file(source("examples/seed/policy.json"));
  auto findings = model::UnusedFindings::from_file(source("examples/seed/findings.json"));
  auto result = model::load_policy_file(source("proofs/faults/00-seed-correct/result.json"));
  ASSERT_TRUE(original.ok() && findings.ok() && result.ok());
  auto report = verify_refinement(original->document, *findings, result->document, *catalog, VerifyOptions{});
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_EQ(report->verdict, Verdict::kProved) << report_to_text(*report);
  EXPECT_FALSE(report->disagreement);  // with the verdict: exit 0 (cli/exit_codes.cpp)
  for (const auto& obligation : report->obligations) {
    if (obligation.kind == ObligationKind::kUnchanged) continue;
    EXPECT_FALSE(obligation.smtlib.empty()) << obligation.id;
    EXPECT_GE(obligation.agreeing, 1) << obligation.id;
  }
}

TEST(VerifyRefinement, TheOriginalItselfFailsRemovalWithAnUnusedAction) {
  const auto catalog = small_catalog();
  const auto original = policy(R"({"Statement":[{"Effect":"Allow","Action":"s3:Get*","Resource":"*"}]})");
  model::UnusedFindings findings;
  findings.add_unused_action("s3", "GetBucketAcl");
  auto report = verify_refinement(original, findings, original, catalog, VerifyOptions{});
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->verdict, Verdict::kCounterexample);
  EXPECT_FALSE(report->disagreement);  // with the verdict: exit 1 (cli/exit_codes.cpp)
  bool found = false;
  for (const auto& obligation : report->obligations) {
    if (obligation.kind == ObligationKind::kRemoval && obligation.verdict == Verdict::kCounterexample) {
      EXPECT_EQ(obligation.counterexample, "s3:getbucketacl");
      found = true;
    }
  }
  EXPECT_TRUE(found) << report_to_text(*report);
}

TEST(VerifyRefinement, EmptyResultForAWhollyUnusedPolicyIsProved) {
  const auto catalog = small_catalog();
  const auto original = policy(R"({"Statement":[{"Effect":"Allow","Action":["kms:*"],"Resource":"*"}]})");
  model::UnusedFindings findings;
  findings.add_unused_service("kms");
  auto report = verify_refinement(original, findings, model::PolicyDocument{}, catalog, VerifyOptions{});
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->verdict, Verdict::kProved) << report_to_text(*report);
}

TEST(VerifyRefinement, DeniedActionsNeedNotBeKept) {
  // The original denies s3:GetObject in the same scope, so dropping it from the Allow is exact.
  const auto catalog = small_catalog();
  const auto original = policy(R"({"Statement":[{"Effect":"Allow","Action":["s3:GetObject","s3:GetObjectAcl"],"Resource":"*"},
                                               {"Effect":"Deny","Action":"s3:GetObject","Resource":"*"}]})");
  const auto result = policy(R"({"Statement":[{"Effect":"Allow","Action":["s3:GetObjectAcl"],"Resource":"*"},
                                             {"Effect":"Deny","Action":"s3:GetObject","Resource":"*"}]})");
  auto report = verify_refinement(original, model::UnusedFindings{}, result, catalog, VerifyOptions{});
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->verdict, Verdict::kProved) << report_to_text(*report);
}

TEST(VerifyRefinement, NonAsciiPatternIsBadInput) {
  // The parser already rejects such files; the verifier must not rely on that.
  const auto catalog = small_catalog();
  auto original = policy(R"({"Statement":[{"Effect":"Allow","Action":"s3:Get*","Resource":"*"}]})");
  original.statements[0].patterns[0] = "s3:Get\u212a*";
  auto report = verify_refinement(original, model::UnusedFindings{}, original, catalog, VerifyOptions{});
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.error().kind, ErrorKind::kBadInput);
  EXPECT_NE(report.error().message.find("not ASCII"), std::string::npos);
}

TEST(VerifyRefinement, RequireAgreementCountsProcedures) {
  const auto catalog = small_catalog();
  const auto original = policy(R"({"Statement":[{"Effect":"Allow","Action":"s3:Get*","Resource":"*"}]})");
  VerifyOptions options;
  options.use_z3 = false;
  options.use_cvc5 = false;
  options.require_agreement = 2;
  auto report = verify_refinement(original, model::UnusedFindings{}, original, catalog, options);
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->verdict, Verdict::kUnknown);  // exit 3 (cli/exit_codes.cpp)
  EXPECT_FALSE(report->disagreement) << "unknown because too few procedures ran, not because they disagreed";
}

// O0 compares every document field but Statement by meaning (key order aside), absent with
// absent; a DETACH_POLICY result (no document) has no fields to compare.
TEST(VerifyRefinement, DocumentFieldsMustBeTheOriginals) {
  const auto original = policy(R"({"Version": "2012-10-17", "Id": "P", "X": {"a": 1, "b": 2},
      "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]})");
  const std::string statement = R"("Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}])";
  EXPECT_EQ(unchanged_difference(original, policy(R"({"X": {"b": 2, "a": 1}, "Id": "P", "Version": "2012-10-17", )" +
                                                   statement + "}")),
            "");
  const std::string version_changed =
      unchanged_difference(original, policy(R"({"Version": "2008-10-17", "Id": "P", "X": {"a": 1, "b": 2}, )" + statement + "}"));
  EXPECT_NE(version_changed.find("document field `Version` is `\"2012-10-17\"` in the original and `\"2008-10-17\"`"),
            std::string::npos)
      << version_changed;
  const std::string version_removed =
      unchanged_difference(original, policy(R"({"Id": "P", "X": {"a": 1, "b": 2}, )" + statement + "}"));
  EXPECT_NE(version_removed.find("`Version`"), std::string::npos) << version_removed;
  EXPECT_NE(version_removed.find("absent in the result"), std::string::npos) << version_removed;
  EXPECT_NE(unchanged_difference(original, policy(R"({"Version": "2012-10-17", "Id": "Q", "X": {"a": 1, "b": 2}, )" +
                                                   statement + "}")),
            "");
  EXPECT_NE(unchanged_difference(original, policy(R"({"Version": "2012-10-17", "Id": "P", "X": {"a": 1, "b": 3}, )" +
                                                   statement + "}")),
            "");
  EXPECT_NE(unchanged_difference(original, policy(R"({"Version": "2012-10-17", "Id": "P", "X": {"a": 1, "b": 2}, "Y": 0, )" +
                                                   statement + "}")),
            "");
  EXPECT_EQ(unchanged_difference(original, model::PolicyDocument{}), "");  // DETACH_POLICY: allows nothing
}

// Issue 12 (resource limits): statements that differ only in their Resource give queries with
// the same formula; each is decided once and the verdict shared, yet every scope keeps its own
// obligations, and a scope whose result is wrong is still caught, with its own counterexample.
std::string many_scopes(std::size_t scopes, const std::string& actions, std::size_t odd_scope, const std::string& odd_actions) {
  std::string text = R"({"Statement":[)";
  for (std::size_t i = 0; i < scopes; ++i) {
    text += std::string(i ? "," : "") + R"({"Effect":"Allow","Action":)" + (i == odd_scope ? odd_actions : actions) +
            R"(,"Resource":"arn:aws:s3:::bucket-)" + std::to_string(i) + R"(/*"})";
  }
  return text + "]}";
}

TEST(VerifyRefinement, ScopesWithTheSameFormulaAreDecidedOnceEachKeepsItsObligations) {
  const auto catalog = small_catalog();
  model::UnusedFindings findings;
  findings.add_unused_action("s3", "GetObjectAcl");
  const std::string refined = R"(["s3:GetObject","s3:GetObjectA?tributes","s3:GetObjectL*","s3:GetObjectR*","s3:GetObjectTagging","s3:GetObjectTorrent","s3:GetObjectV*","s3:GetObjectAnnotation"])";
  const auto original = policy(many_scopes(50, R"("s3:GetObject*")", 50, ""));
  VerifyOptions options;
  options.use_cvc5 = false;  // Z3 confirms each decided query: decided once, confirmed once
  auto proved = verify_refinement(original, findings, policy(many_scopes(50, refined, 50, "")), catalog, options);
  ASSERT_TRUE(proved.ok()) << proved.error().message;
  EXPECT_EQ(proved->verdict, Verdict::kProved) << report_to_text(*proved);
  std::set<int> scopes_with_soundness;
  std::size_t procedures = 0;
  std::size_t timed = 0;
  for (const auto& obligation : proved->obligations) {
    if (obligation.kind == ObligationKind::kUnchanged) continue;  // structural, one for the document
    if (obligation.kind == ObligationKind::kSoundness) scopes_with_soundness.insert(obligation.scope_index);
    for (const auto& procedure : obligation.procedures) timed += procedure.seconds > 0 ? 1 : 0;
    procedures += obligation.procedures.size();
    EXPECT_FALSE(obligation.procedures.empty()) << obligation.id;
  }
  EXPECT_EQ(scopes_with_soundness.size(), 50u);  // every scope keeps its own O1
  // The time was spent on the few distinct formulas of one scope, not on every scope's queries.
  EXPECT_LE(timed * 50, procedures) << timed << " of " << procedures << " procedure runs took time";

  // Scope 7 of the result lost s3:GetObjectTagging: only scope 7's completeness fails, with
  // that action, against scope 7.
  auto failed = verify_refinement(
      original, findings,
      policy(many_scopes(50, refined, 7, R"(["s3:GetObject","s3:GetObjectA?tributes","s3:GetObjectL*","s3:GetObjectR*","s3:GetObjectTorrent","s3:GetObjectV*","s3:GetObjectAnnotation"])")),
      catalog, options);
  ASSERT_TRUE(failed.ok());
  EXPECT_EQ(failed->verdict, Verdict::kCounterexample);
  std::size_t failing = 0;
  for (const auto& obligation : failed->obligations) {
    if (obligation.verdict != Verdict::kCounterexample) continue;
    ++failing;
    EXPECT_EQ(obligation.kind, ObligationKind::kCompleteness);
    EXPECT_EQ(obligation.scope_index, 8);  // 1-based
    EXPECT_EQ(obligation.counterexample, "s3:getobjecttagging");
  }
  EXPECT_EQ(failing, 1u) << report_to_text(*failed);
}

TEST(VerifyRefinement, WithoutKeptTextsNoObligationCarriesOneAndZ3StillRuns) {
  const auto catalog = small_catalog();
  const auto original = policy(R"({"Statement":[{"Effect":"Allow","Action":"s3:GetObject*","Resource":"*"}]})");
  VerifyOptions options;
  options.use_cvc5 = false;
  options.keep_smtlib = false;
  auto report = verify_refinement(original, model::UnusedFindings{}, original, catalog, options);
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->verdict, Verdict::kProved) << report_to_text(*report);
  for (const auto& obligation : report->obligations) {
    EXPECT_TRUE(obligation.smtlib.empty()) << obligation.id;
    if (obligation.kind == ObligationKind::kSoundness) {
      const bool z3_said_unsat = std::any_of(obligation.procedures.begin(), obligation.procedures.end(), [](const ProcedureVerdict& p) {
        return p.procedure == "z3" && p.verdict == Verdict::kProved;
      });
      EXPECT_TRUE(z3_said_unsat) << obligation.id;
    }
  }
}

}  // namespace
}  // namespace leastpriv::verifier
