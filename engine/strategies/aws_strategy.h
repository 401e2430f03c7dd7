// The default strategy `aws` (DESIGN §3): each wildcard entry that hides unused actions is
// replaced by the shortest safe nodes of its token trie, which reproduces AWS's published
// recommendations. This rule is not ours to improve silently.
//
// Tested by: tests/unit/aws_strategy_test.cpp, tests/golden (seed), tests/property
//
// IMPLEMENTATION: one depth-first walk of the entry's TokenTrie. A node `p` is safe when no
// unused action (or wholly unused service) has the prefix `p` and `p*` allows nothing the
// entry does not (engine/match/safe_prefix.h, the test every strategy shares).
// Cost: O(nodes * (log |U| + unused services)).
#pragma once

#include "engine/match/entry_trie_cache.h"
#include "engine/match/token_trie.h"
#include "engine/strategies/strategy.h"

#include <string>
#include <vector>

namespace leastpriv::engine {

// What the walk decided at one node, for `explain`.
enum class NodeVerdict {
  kNotVisited,     // below a node that was emitted, or below a dropped branch
  kSafeEmitted,    // safe: emitted `p*` or, holding one action, its exact name
  kUnsafe,         // unsafe: walked into its children
  kUnsafeEmitted,  // unsafe, but itself a used action: emitted by exact name, then walked on
};

struct TrieWalk {
  std::vector<NodeVerdict> verdicts;  // one per trie node
  std::vector<std::string> emitted;   // in walk order
};

// The walk over an entry's trie (build_entry_trie: engine/match/entry_trie_cache.h); exposed for
// `explain` and tests.
TrieWalk walk_entry_trie(const TokenTrie& trie, const ActionPattern& entry, const RefineContext& context);

class AwsStrategy : public Strategy {
 public:
  std::string_view name() const override { return "aws"; }
  std::vector<std::string> generalize_entry(const ActionPattern& entry, const RefineContext& context) const override;
};

}  // namespace leastpriv::engine
