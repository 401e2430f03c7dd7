// The token tries of wildcard entries, built once per run and shared by the units of a batch:
// a batch refines the same entries (`s3:Get*`, `ec2:Describe*`) for thousands of principals,
// and building an entry's trie was an eighth of a `batch --no-verify` run (issue 14).
//
// Tested by: tests/unit/entry_trie_cache_test.cpp
//
// IMPLEMENTATION: an entry's trie depends on nothing but the entry's lower-cased text (its
// literal prefix and which catalog actions it matches) and the catalog, so the cache is made
// for one catalog and keyed by that text; asked about another catalog it builds the trie
// afresh and keeps nothing. Tries are immutable once built and shared (shared_ptr) between
// threads; the map is guarded by a mutex, held only to look up and insert (two threads that
// miss together both build, and the first insert wins: the two tries are equal). Memory is
// bounded: the cache keeps tries up to a budget of nodes (a node is ~200 bytes with its two
// strings; `*`'s trie has ~44,000), and past it builds tries afresh without keeping them.
// The catalog must outlive the cache (batch/run.cpp makes the cache for the run's catalog).
#pragma once

#include "engine/match/action_pattern.h"
#include "engine/match/token_trie.h"
#include "model/catalog.h"

#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

namespace leastpriv::engine {

class EntryTrieCache {
 public:
  // About 200 MB of tries at most: ~20 tries of `*`'s size, or thousands of `service:Verb*`.
  static constexpr std::size_t kDefaultNodeBudget = 1'000'000;

  explicit EntryTrieCache(const model::Catalog& catalog, std::size_t node_budget = kDefaultNodeBudget)
      : catalog_(catalog), node_budget_(node_budget) {}

  // The trie of `entry` over `catalog`'s actions (as TokenTrie(catalog, entry's literal prefix,
  // entry_catalog_actions(entry, catalog)) would build it).
  std::shared_ptr<const TokenTrie> trie(const ActionPattern& entry, const model::Catalog& catalog);

  std::size_t size() const;          // tries kept
  std::size_t kept_nodes() const;    // their nodes, at most the budget

 private:
  const model::Catalog& catalog_;
  const std::size_t node_budget_;
  mutable std::mutex mutex_;
  std::size_t kept_nodes_ = 0;
  std::unordered_map<std::string, std::shared_ptr<const TokenTrie>> by_entry_;
};

// The trie of `entry` over the catalog's actions, built anew.
TokenTrie build_entry_trie(const ActionPattern& entry, const model::Catalog& catalog);

}  // namespace leastpriv::engine
