// The run's entry tries; see entry_trie_cache.h.
#include "engine/match/entry_trie_cache.h"

namespace leastpriv::engine {

TokenTrie build_entry_trie(const ActionPattern& entry, const model::Catalog& catalog) {
  return TokenTrie(catalog, entry.literal_prefix(), entry_catalog_actions(entry, catalog));
}

std::shared_ptr<const TokenTrie> EntryTrieCache::trie(const ActionPattern& entry, const model::Catalog& catalog) {
  if (&catalog != &catalog_) return std::make_shared<const TokenTrie>(build_entry_trie(entry, catalog));
  {
    const std::lock_guard lock(mutex_);
    const auto found = by_entry_.find(entry.lower());
    if (found != by_entry_.end()) return found->second;
  }
  auto built = std::make_shared<const TokenTrie>(build_entry_trie(entry, catalog));
  const std::lock_guard lock(mutex_);
  if (const auto found = by_entry_.find(entry.lower()); found != by_entry_.end()) return found->second;
  if (kept_nodes_ + built->nodes().size() > node_budget_) return built;  // over the budget: used once, not kept
  kept_nodes_ += built->nodes().size();
  return by_entry_.emplace(entry.lower(), std::move(built)).first->second;
}

std::size_t EntryTrieCache::kept_nodes() const {
  const std::lock_guard lock(mutex_);
  return kept_nodes_;
}

std::size_t EntryTrieCache::size() const {
  const std::lock_guard lock(mutex_);
  return by_entry_.size();
}

}  // namespace leastpriv::engine
