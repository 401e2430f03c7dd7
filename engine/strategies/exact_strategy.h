// The strategy `exact`: no new wildcards. An entry that hides unused actions is replaced by
// the exact names of the used catalog actions it allows; entries that hide none are kept as
// they are (also wildcards, by the rule every strategy shares). The result allows no action
// AWS adds later through a rewritten entry, at the cost of length.
//
// Tested by: tests/unit/strategies_test.cpp, tests/differential/strategy_exactness_test.cpp
//
// IMPLEMENTATION: one pass over the entry's catalog range. For Allow+NotAction statements
// the unused actions are excluded by exact name too (instead of the dual walk's `p*`); a
// wholly unused service is still excluded as `service:*`, because its unused set is every
// string of the service, also actions no catalog knows yet.
#pragma once

#include "engine/strategies/strategy.h"

namespace leastpriv::engine {

class ExactStrategy : public Strategy {
 public:
  std::string_view name() const override { return "exact"; }
  std::vector<std::string> generalize_entry(const ActionPattern& entry, const RefineContext& context) const override;
  std::vector<std::string> exclude_unused(const std::vector<ActionPattern>& not_actions,
                                          const RefineContext& context) const override;
};

// The exact names of the used catalog actions `entry` allows (shared with `bounded`).
std::vector<std::string> exact_used_actions(const ActionPattern& entry, const RefineContext& context);

}  // namespace leastpriv::engine
