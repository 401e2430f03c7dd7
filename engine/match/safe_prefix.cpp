// The safe-node test; see safe_prefix.h.
#include "engine/match/safe_prefix.h"

namespace leastpriv::engine {

PrefixSafety prefix_safety(const ActionPattern& entry, std::string_view lower_prefix, const model::UnusedFindings& findings) {
  if (findings.prefix_reaches_unused(lower_prefix)) return PrefixSafety::kReachesUnused;
  // `p*` ⊆ entry holds by construction when the entry is `literal*` and p extends the literal.
  if (entry.is_literal_then_star() || entry.includes_all_with_prefix(lower_prefix)) return PrefixSafety::kSafe;
  return PrefixSafety::kOutsideEntry;
}

}  // namespace leastpriv::engine
