// The strategy `fewest`: the fewest entries that allow exactly the catalog actions `aws`
// allows, staying inside the original over all strings. Besides exact names and `prefix*`,
// it may use word-aligned suffix and infix patterns (`s3:Get*Tagging`, `s3:*Tagging`,
// `kms:*Key*`), so one entry can cover used actions that no single prefix covers safely.
//
// Tested by: tests/unit/strategies_test.cpp, tests/unit/glob_inclusion_test.cpp,
//            tests/differential/strategy_exactness_test.cpp
//
// IMPLEMENTATION: a set-cover problem per service. The elements are the used catalog actions
// that some changed entry of the list allows and no kept entry already allows. The
// candidates are generated from each element's word boundaries b0 (after `service:`) … bk:
// the exact name, `A*` (A = name up to some bi, also the whole name), `A*B` (B = name from
// some bj ≥ bi, non-empty) and `service:*I*` (I = the tokens between two boundaries). A
// candidate is admissible when it is included in some changed entry over all strings
// (glob_includes, or a prefix check for `literal*` entries), matches no unused action of the
// catalog or the findings, and then covers the elements it matches. Only whole-list
// inclusion in ONE original entry is used, never in the union of several (sound, simpler).
// Kept entries (rule 1) stay byte for byte, so nothing the catalog does not know is lost.
//
// Solving (engine/strategies/set_cover.h): merge equal covers, greedy, a packing lower bound,
// branch and bound. Each list's ActionListOutput::cover sums how its instances went
// (refine_policy sums the lists into Refinement::cover_stats), so the corpus report can state
// the gap it measured.
//
// Bounded work (issue 12 row 4: a 652-byte fuzzed policy took 196 s): everything that can
// grow with an adversarial policy (the inclusion checks, whose automaton pairs can be
// exponential in an entry's `?`s, dominance pruning, branch and bound) draws on one
// WorkBudget per action list, and one inclusion check may take at most 1,024 search steps.
// Before an inclusion check, the candidate's catalog actions must all be matched by the entry
// (a necessary condition, cheap), so most checks are never made. A candidate whose check
// could not tell in time is left out; once the budget is spent, every candidate not yet
// judged is left out except each element's exact name. The greedy cover of what there is is
// then taken, the instance counts as cut short (not proved optimal) and the list gets a
// warning (also on stderr) naming the services. The result stays exact either way: only
// candidates proved inside an entry are used, and the verifier checks every result.
#pragma once

#include "engine/strategies/strategy.h"

#include <cstddef>

namespace leastpriv::engine {

class FewestStrategy : public Strategy {
 public:
  // The work one action list's covers may take (set_cover.h's units). The corpus's largest
  // list (AdministratorAccess's `*` with 10% unused) takes 1.0·10⁸ units, 3-4 s here; the
  // budget is three times that, so no corpus result depends on it.
  static constexpr std::size_t kDefaultWorkBudget = 300'000'000;

  explicit FewestStrategy(std::size_t work_budget = kDefaultWorkBudget) : work_budget_(work_budget) {}
  std::string_view name() const override { return "fewest"; }
  std::vector<std::string> generalize_entry(const ActionPattern& entry, const RefineContext& context) const override;
  // The cover of all the list's changed entries at once; `cover` says how it went.
  ActionListOutput refine_action_list(const std::vector<std::string>& entries, const RefineContext& context) const override;

 private:
  std::size_t work_budget_;
};

}  // namespace leastpriv::engine
