// The trie of word tokens over a set of catalog actions (DESIGN §3): the root is a literal
// prefix (an entry's text before its first wildcard, or "" for the whole catalog), the first
// level below a root inside the service part is the service (`s3:`), then one level a token.
// A node stands for a word-aligned prefix `p`; the generalizers ask of each node whether
// `p*` is safe and emit the shortest safe nodes.
//
// Tested by: tests/unit/aws_strategy_test.cpp, tests/unit/explain_test.cpp (through the walks)
//
// IMPLEMENTATION: nodes in one vector, children as sorted index lists; each action is
// inserted along its word boundaries beyond the root, so building costs
// O(actions * tokens * log children). A prefix may in rare acronym cases be reached by two
// paths (a boundary depends on the character after it); the two nodes are kept apart, which
// costs nothing in correctness because every action still has its own path.
#pragma once

#include "model/catalog.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace leastpriv::engine {

struct TrieNode {
  std::string prefix;        // catalog spelling (the root: that of the first action below it, else lower_root)
  std::string lower_prefix;  // lower-cased
  std::optional<std::size_t> action;  // catalog index when the prefix is itself an action
  std::size_t subtree_actions = 0;    // actions at or below this node
  std::size_t first_action = 0;       // catalog index of one action at or below (for one-action nodes)
  std::vector<std::size_t> children;  // node indexes, sorted by lower_prefix
};

class TokenTrie {
 public:
  static constexpr std::size_t kRoot = 0;

  // `actions` are catalog indexes whose lower-cased names all start with `lower_root`.
  TokenTrie(const model::Catalog& catalog, std::string_view lower_root, const std::vector<std::size_t>& actions);

  const std::vector<TrieNode>& nodes() const { return nodes_; }
  const TrieNode& node(std::size_t index) const { return nodes_[index]; }

 private:
  std::size_t child_with_prefix(std::size_t parent, std::string_view lower_prefix, std::string_view prefix);

  std::vector<TrieNode> nodes_;
};

}  // namespace leastpriv::engine
