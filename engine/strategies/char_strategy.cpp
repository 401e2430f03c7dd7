// The strategy `char`; see char_strategy.h.
#include "engine/strategies/char_strategy.h"

#include "engine/match/safe_prefix.h"

#include <algorithm>
#include <set>

namespace leastpriv::engine {

std::vector<std::string> CharStrategy::generalize_entry(const ActionPattern& entry, const RefineContext& context) const {
  const auto& actions = context.catalog.actions();
  const std::size_t literal = entry.literal_prefix().size();
  std::vector<std::string> emitted;
  std::set<std::string> seen_lower;
  for (std::size_t index : entry_catalog_actions(entry, context.catalog)) {
    const model::CatalogAction& action = actions[index];
    if (context.findings.is_unused(action.lower_full)) continue;
    const std::size_t length = action.lower_full.size();
    std::size_t shortest = std::max(literal, action.service.size() + 1);
    // INVARIANT: both safety conditions are monotone in the prefix length, so scanning
    // upward finds the shortest safe prefix (or none: then the exact name).
    while (shortest <= length &&
           !is_safe_prefix(entry, std::string_view(action.lower_full).substr(0, shortest), context.findings)) {
      ++shortest;
    }
    std::string written;
    if (shortest > length) {
      written = action.full;  // itself a prefix of an unused action: only the exact name is safe
    } else {
      const auto [first, last] = context.catalog.prefix_range(std::string_view(action.lower_full).substr(0, shortest));
      written = (shortest == length && last - first == 1) ? std::string(action.full) : std::string(action.full.substr(0, shortest)) + "*";
    }
    if (seen_lower.insert(model::to_lower_ascii(written)).second) emitted.push_back(std::move(written));
  }
  return emitted;
}

}  // namespace leastpriv::engine
