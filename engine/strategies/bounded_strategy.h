// The strategy `bounded`: the most exact result that fits a size budget, by default IAM's
// 6,144 non-whitespace characters for a managed policy. It starts from `exact` (no new
// wildcards) and, only while the whole policy is over the budget, replaces groups of exact
// names by `p*` for safe nodes of the entries' token tries, deepest nodes first; with every
// safe node collapsed the result is the `aws` result (or shorter). If that is still over, it
// gives up word alignment entry by entry: an entry's `char` replacement (mid-word prefixes)
// is taken, the entries that save most first, until the policy fits. When even that does not
// fit, the result is the coarsest one and a warning (StrategyOutput::warnings, passed on to
// Refinement::warnings) says by how much it is over. `bounded:N` (make_strategy) sets
// another budget.
//
// Tested by: tests/unit/strategies_test.cpp, tests/differential/strategy_exactness_test.cpp
//
// IMPLEMENTATION: refine_statements takes the `exact` output (Strategy::refine_statements)
// and, when its document is over the budget, coarsens it in named steps: the coarsenable
// entries (units), the word-aligned collapse, the character-level fallback, then the lists
// rebuilt by the shared list rules with the chosen replacements (refine_entry_by_entry).
// Per changed entry, its TokenTrie (as `aws` builds it) with, per node, the
// characters its current emission costs (each listed value costs its length plus two quotes
// and a comma). A node is collapsible when `aws` would call it safe and it holds two or more
// actions. Nodes are taken by depth, deepest first (a deeper node is a narrower wildcard:
// it covers fewer actions and admits fewer future ones), and within one depth by the
// characters collapsing saves, most first; nodes of one depth are disjoint, so their savings
// do not interact. Collapsing a node subtracts its saving from its ancestors' costs: O(depth).
// The final size is measured on the real document; the tracked size over-estimates it
// (duplicates across entries are removed only once), so the budget is never missed by the
// accounting. Cost: O(trie nodes * log) per policy, plus `char`'s cost per entry in the
// second phase. NotAction: the default dual walk.
#pragma once

#include "engine/render/policy_metrics.h"
#include "engine/strategies/strategy.h"

#include <cstddef>

namespace leastpriv::engine {

class BoundedStrategy : public Strategy {
 public:
  explicit BoundedStrategy(std::size_t budget = kManagedPolicyCharacterLimit) : budget_(budget) {}
  std::string_view name() const override { return "bounded"; }
  // `bounded`, or `bounded:N` for a budget other than IAM's limit.
  std::string configured_name() const override;

  // Before the budget is applied: the exact names (as `exact`).
  std::vector<std::string> generalize_entry(const ActionPattern& entry, const RefineContext& context) const override;
  // The `exact` output, coarsened only as far as the budget needs.
  StrategyOutput refine_statements(const model::PolicyDocument& original, const RefineContext& context) const override;

 private:
  std::size_t budget_;
};

}  // namespace leastpriv::engine
