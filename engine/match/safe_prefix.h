// The safe-node test of DESIGN §3, asked by every strategy that writes `p*` in place of an
// entry (`aws`, `char`, `bounded`) and by `explain`: may the prefix `p` stand as `p*` for the
// entry? It may when (a) no unused action, and no string of a wholly unused service, starts
// with `p`, and (b) `p*` allows nothing the entry does not (over all strings).
//
// Tested by: tests/unit/safe_prefix_test.cpp; through its callers tests/unit/aws_strategy_test.cpp,
// tests/unit/strategies_test.cpp, tests/unit/explain_test.cpp and tests/property
//
// IMPLEMENTATION: (a) is UnusedFindings::prefix_reaches_unused (a binary search, plus a scan
// of the wholly unused services); (b) holds by construction when the entry is `literal*` and
// the prefix extends the literal (every caller's prefix does: it comes from the entry's trie
// or catalog range), and is otherwise ActionPattern::includes_all_with_prefix, the automaton
// inclusion check. (a) is asked first: it is cheaper, and `explain` reports the first
// condition that fails. Both are monotone in the prefix: a longer prefix reaches fewer unused
// actions and allows a subset, which `char`'s upward scan relies on.
#pragma once

#include "engine/match/action_pattern.h"
#include "model/findings.h"

#include <string_view>

namespace leastpriv::engine {

enum class PrefixSafety {
  kSafe,            // `p*` may replace what the entry allows under `p`
  kReachesUnused,   // some unused action (or a wholly unused service's string) starts with `p`
  kOutsideEntry,    // `p*` allows some string the entry does not
};

// `lower_prefix` holds no wildcard and, for `literal*` entries, extends the entry's literal.
PrefixSafety prefix_safety(const ActionPattern& entry, std::string_view lower_prefix, const model::UnusedFindings& findings);

inline bool is_safe_prefix(const ActionPattern& entry, std::string_view lower_prefix, const model::UnusedFindings& findings) {
  return prefix_safety(entry, lower_prefix, findings) == PrefixSafety::kSafe;
}

}  // namespace leastpriv::engine
