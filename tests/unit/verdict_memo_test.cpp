// The run-wide verdict memo (verifier/decide/verdict_memo.h): its key names each part exactly,
// a second verification of the same question takes every verdict from it, one under other
// procedures takes none, and a verification that shares only some queries with an earlier
// one takes only those and still judges its own.
#include "model/catalog.h"
#include "model/findings.h"
#include "model/policy_input.h"
#include "verifier/decide/verdict_memo.h"
#include "verifier/decide/verify.h"

#include <gtest/gtest.h>

#include <string>

namespace leastpriv::verifier {
namespace {

model::PolicyDocument policy(const std::string& text) {
  auto loaded = model::load_policy_text(text, "test");
  EXPECT_TRUE(loaded.ok()) << (loaded.ok() ? "" : loaded.error().message);
  return loaded.ok() ? loaded->document : model::PolicyDocument{};
}

model::Catalog small_catalog() {
  auto catalog = model::Catalog::from_file(std::string(LEASTPRIV_SOURCE_DIR) + "/tests/data/catalog-small.json");
  EXPECT_TRUE(catalog.ok());
  return *catalog;
}

// s3:Get* and lambda:Get* allowed; the refined policy drops one unused s3 action.
const char* const kOriginal =
    R"({"Statement":[{"Effect":"Allow","Action":["s3:Get*","lambda:Get*"],"Resource":"*"}]})";

model::UnusedFindings unused_s3(const std::string& action) {
  model::UnusedFindings findings;
  findings.add_unused_action("s3", action);
  return findings;
}

// The refinement of kOriginal without `action`: s3:Get* spelled out but for it.
model::PolicyDocument refined_without(const model::Catalog& catalog, const std::string& action) {
  std::string actions = R"("lambda:Get*")";
  for (const auto& known : catalog.actions()) {
    const std::string name(known.name);
    if (known.service == "s3" && name.rfind("Get", 0) == 0 && name != action) actions += R"(,"s3:)" + name + R"(")";
  }
  return policy(R"({"Statement":[{"Effect":"Allow","Action":[)" + actions + R"(],"Resource":"*"}]})");
}

// One refinement (kOriginal without s3:GetObject) verified with a memo.
class VerdictMemoRun : public ::testing::Test {
 protected:
  VerdictMemoRun() { options_.memo = &memo_; }

  Result<VerificationReport> verify(const VerifyOptions& options) {
    return verify_refinement(original_, findings_, result_, catalog_, options);
  }

  model::Catalog catalog_ = small_catalog();
  model::PolicyDocument original_ = policy(kOriginal);
  model::UnusedFindings findings_ = unused_s3("GetObject");
  model::PolicyDocument result_ = refined_without(catalog_, "GetObject");
  VerdictMemo memo_;
  VerifyOptions options_;
};

TEST(VerdictMemo, TheKeyChangesWithEveryPartAndWithWherePartsEnd) {
  const std::string key = VerdictMemo::key_of("z3=4.8.12", "O1l", "(assert false)");
  EXPECT_EQ(key, VerdictMemo::key_of("z3=4.8.12", "O1l", "(assert false)"));
  EXPECT_NE(key, VerdictMemo::key_of("z3=4.8.13", "O1l", "(assert false)"));
  EXPECT_NE(key, VerdictMemo::key_of("z3=4.8.12", "O2l", "(assert false)"));
  EXPECT_NE(key, VerdictMemo::key_of("z3=4.8.12", "O1l", "(assert true)"));
  // The same bytes split differently are another key.
  EXPECT_NE(VerdictMemo::key_of("ab", "c", "d"), VerdictMemo::key_of("a", "bc", "d"));
}

TEST(VerdictMemo, FindCountsHitsAndMissesAndTheFirstRememberedStays) {
  VerdictMemo memo;
  EXPECT_FALSE(memo.find("k").has_value());
  ProcedureVerdict first{"z3", "4.8.12", Verdict::kProved, {}, {}, 1.5};
  ProcedureVerdict second{"z3", "4.8.12", Verdict::kCounterexample, "s3:GetObject", {}, 2.5};
  memo.remember("k", {first});
  memo.remember("k", {second});
  const auto found = memo.find("k");
  ASSERT_TRUE(found.has_value());
  ASSERT_EQ(found->size(), 1U);
  EXPECT_EQ((*found)[0].verdict, Verdict::kProved);
  EXPECT_EQ(memo.hits(), 1U);
  EXPECT_EQ(memo.misses(), 1U);
  EXPECT_EQ(memo.size(), 1U);
}

TEST_F(VerdictMemoRun, TheSameVerificationAgainTakesEveryVerdictFromTheMemo) {
  auto first = verify(options_);
  ASSERT_TRUE(first.ok()) << first.error().message;
  ASSERT_EQ(first->verdict, Verdict::kProved) << report_to_text(*first);
  EXPECT_EQ(memo_.hits(), 0U);
  const std::size_t decided = memo_.size();
  ASSERT_GT(decided, 0U);

  auto second = verify(options_);
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->verdict, Verdict::kProved);
  EXPECT_EQ(memo_.hits(), decided);
  EXPECT_EQ(memo_.size(), decided);
  ASSERT_EQ(second->obligations.size(), first->obligations.size());
  for (std::size_t i = 0; i < second->obligations.size(); ++i) {
    const auto& again = second->obligations[i];
    const auto& before = first->obligations[i];
    EXPECT_EQ(again.id, before.id);
    EXPECT_EQ(again.smtlib, before.smtlib);  // each query keeps its own text for the certificate
    EXPECT_EQ(again.verdict, before.verdict) << again.id;
    ASSERT_EQ(again.procedures.size(), before.procedures.size()) << again.id;
    for (std::size_t p = 0; p < again.procedures.size(); ++p) {
      EXPECT_EQ(again.procedures[p].procedure, before.procedures[p].procedure);
      EXPECT_EQ(again.procedures[p].verdict, before.procedures[p].verdict);
      if (again.kind != ObligationKind::kUnchanged) {
        EXPECT_EQ(again.procedures[p].seconds, 0) << again.id;
      }
    }
  }
}

TEST_F(VerdictMemoRun, OtherProceduresShareNothing) {
  ASSERT_TRUE(verify(options_).ok());
  VerifyOptions without_cvc5 = options_;
  without_cvc5.use_cvc5 = false;
  auto other = verify(without_cvc5);
  ASSERT_TRUE(other.ok());
  EXPECT_EQ(other->verdict, Verdict::kProved);
  EXPECT_EQ(memo_.hits(), 0U);
  for (const auto& obligation : other->obligations) {
    for (const auto& procedure : obligation.procedures) EXPECT_NE(procedure.procedure, "cvc5") << obligation.id;
  }
}

TEST_F(VerdictMemoRun, AVerdictCutShortByTheBudgetIsNotRemembered) {
  // A budget already spent: no procedure runs, every query is unknown, and none of those
  // unknowns may stand in for a later unit that has time left.
  VerifyOptions spent = options_;
  spent.budget_seconds = 1e-9;
  auto cut = verify(spent);
  ASSERT_TRUE(cut.ok()) << cut.error().message;
  EXPECT_EQ(cut->verdict, Verdict::kUnknown) << report_to_text(*cut);
  EXPECT_EQ(memo_.size(), 0U);
  // The same verification with time: decided by the procedures, not taken from the memo.
  auto whole = verify(options_);
  ASSERT_TRUE(whole.ok());
  EXPECT_EQ(whole->verdict, Verdict::kProved) << report_to_text(*whole);
  EXPECT_EQ(memo_.hits(), 0U);
  EXPECT_GT(memo_.size(), 0U);
}

TEST_F(VerdictMemoRun, AnotherUnitTakesOnlyTheQueriesItSharesAndJudgesItsOwn) {
  ASSERT_TRUE(verify(options_).ok());
  const std::size_t after_first = memo_.size();
  // Another unused s3 action: the lambda queries are the same question, the s3 ones are not.
  auto second = verify_refinement(original_, unused_s3("GetBucketPolicy"), refined_without(catalog_, "GetBucketPolicy"),
                                  catalog_, options_);
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->verdict, Verdict::kProved) << report_to_text(*second);
  EXPECT_GT(memo_.hits(), 0U);
  EXPECT_GT(memo_.size(), after_first);  // the s3 queries were decided afresh
  // A wrong refinement is still refuted: a memo hit never turns a query of its own into a pass.
  auto wrong = verify_refinement(original_, unused_s3("GetObjectAcl"), refined_without(catalog_, "GetBucketPolicy"),
                                 catalog_, options_);
  ASSERT_TRUE(wrong.ok());
  EXPECT_EQ(wrong->verdict, Verdict::kCounterexample) << report_to_text(*wrong);
}

}  // namespace
}  // namespace leastpriv::verifier
