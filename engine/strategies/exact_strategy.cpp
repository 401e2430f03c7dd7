// The strategy `exact`; see exact_strategy.h.
#include "engine/strategies/exact_strategy.h"



namespace leastpriv::engine {

std::vector<std::string> exact_used_actions(const ActionPattern& entry, const RefineContext& context) {
  std::vector<std::string> names;
  for (std::size_t index : entry_catalog_actions(entry, context.catalog)) {
    const model::CatalogAction& action = context.catalog.actions()[index];
    if (!context.findings.is_unused(action.lower_full)) names.emplace_back(action.full);
  }
  return names;
}

std::vector<std::string> ExactStrategy::generalize_entry(const ActionPattern& entry, const RefineContext& context) const {
  return exact_used_actions(entry, context);
}

std::vector<std::string> ExactStrategy::exclude_unused(const std::vector<ActionPattern>& not_actions,
                                                       const RefineContext& context) const {
  std::vector<std::string> added;
  std::vector<ActionPattern> excluded = not_actions;
  // Wholly unused services first: `service:*` also covers the actions AWS adds later.
  exclude_unused_services(context, excluded, added);
  for (const auto& action : context.catalog.actions()) {
    if (!context.findings.is_unused(action.lower_full) || matches_any(excluded, action.lower_full)) continue;
    added.emplace_back(action.full);
  }
  for (const auto& unused : context.findings.unused_actions()) {
    if (context.catalog.find(unused) || matches_any(excluded, unused)) continue;
    added.push_back(context.findings.spelling(unused));
  }
  sort_entries(added);
  return added;
}

}  // namespace leastpriv::engine
