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
// Solving: candidates with equal covers are merged (the one with fewer wildcards, then
// shorter, wins), dominated candidates are dropped on small instances, then greedy (the
// largest uncovered cover first: within H(max cover) ≤ 1 + ln n of optimal, Chvátal 1979),
// then a lower bound by packing (elements no two of which share a candidate each need their
// own entry), and, when greedy exceeds the bound, depth-first branch and bound (branch on the
// uncovered element with the fewest candidates, prune with ⌈uncovered / largest cover⌉) up to
// 20,000 nodes. Last, each chosen entry is narrowed to the least general candidate that still
// covers what no other chosen entry covers (same count, more exact). An instance is proved optimal when greedy meets the packing bound or the
// branch and bound finishes; otherwise the packing bound is what is known. Each list's
// ActionListOutput::cover sums this over the instances solved for it (refine_policy sums the
// lists into Refinement::cover_stats), so the corpus report can state the gap it measured.
#pragma once

#include "engine/strategies/strategy.h"

#include <cstddef>

namespace leastpriv::engine {

class FewestStrategy : public Strategy {
 public:
  std::string_view name() const override { return "fewest"; }
  std::vector<std::string> generalize_entry(const ActionPattern& entry, const RefineContext& context) const override;
  // The cover of all the list's changed entries at once; `cover` says how it went.
  ActionListOutput refine_action_list(const std::vector<std::string>& entries, const RefineContext& context) const override;
};

}  // namespace leastpriv::engine
