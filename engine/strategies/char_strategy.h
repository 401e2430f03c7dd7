// The strategy `char`: a character-level trie, as Netflix policyuniverse / repokid minimize
// action lists. Each used action the entry allows is covered by its shortest character prefix
// `p` such that `p*` is safe (no unused action, and no string of a wholly unused service,
// starts with `p`; `p*` allows nothing the entry does not); when no prefix is safe because the
// action is itself a prefix of an unused one, the action is listed by its exact name.
// Shorter than `aws` (prefixes end mid-word: `s3:GetO*`), but less readable and more exposed
// to actions AWS adds later.
//
// Tested by: tests/unit/strategies_test.cpp, tests/differential/strategy_exactness_test.cpp
//
// IMPLEMENTATION: per used action, one scan over its prefix lengths. Both safety conditions
// are monotone in the length (a longer prefix reaches fewer unused actions and allows a
// subset), so the first length where both hold is the shortest; the test is the one every
// strategy shares (engine/match/safe_prefix.h: a binary search for the unused actions, the
// inclusion check only for entries that are not `literal*`). A prefix never stops inside the service part (`s*` would
// span services, including ones AWS has not launched); the shortest considered is `service:`.
// A prefix that is the whole action name and matches no other catalog action is written as
// the exact name. Distinct actions sharing a shortest prefix share one entry. Cost:
// O(used actions * name length * log |U|). NotAction uses the default dual walk.
#pragma once

#include "engine/strategies/strategy.h"

namespace leastpriv::engine {

class CharStrategy : public Strategy {
 public:
  std::string_view name() const override { return "char"; }
  std::vector<std::string> generalize_entry(const ActionPattern& entry, const RefineContext& context) const override;
};

}  // namespace leastpriv::engine
