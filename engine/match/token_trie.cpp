// The trie of word tokens; see token_trie.h.
#include "engine/match/token_trie.h"

#include "engine/match/tokenize.h"

#include <algorithm>

namespace leastpriv::engine {

TokenTrie::TokenTrie(const model::Catalog& catalog, std::string_view lower_root, const std::vector<std::size_t>& actions) {
  nodes_.reserve(actions.size() * 2 + 1);  // about two nodes per action in the AWS catalog
  nodes_.push_back(TrieNode{std::string(lower_root), std::string(lower_root), std::nullopt, 0, 0, {}});
  bool root_spelled = false;
  for (std::size_t index : actions) {
    const model::CatalogAction& action = catalog.actions()[index];
    // INVARIANT: every action starts with the root (case-insensitively).
    if (!root_spelled) {
      nodes_[kRoot].prefix = action.full.substr(0, lower_root.size());
      root_spelled = true;
    }
    std::size_t current = kRoot;
    nodes_[current].subtree_actions++;
    if (nodes_[current].subtree_actions == 1) nodes_[current].first_action = index;
    for (std::size_t boundary : action_boundaries(action.full)) {
      if (boundary <= lower_root.size()) continue;
      current = child_with_prefix(current, std::string_view(action.lower_full).substr(0, boundary),
                                  std::string_view(action.full).substr(0, boundary));
      nodes_[current].subtree_actions++;
      if (nodes_[current].subtree_actions == 1) nodes_[current].first_action = index;
    }
    if (action.lower_full.size() == lower_root.size()) current = kRoot;
    nodes_[current].action = index;
  }
}

std::size_t TokenTrie::child_with_prefix(std::size_t parent, std::string_view lower_prefix, std::string_view prefix) {
  auto& children = nodes_[parent].children;
  const auto it = std::lower_bound(children.begin(), children.end(), lower_prefix,
                                   [&](std::size_t child, std::string_view key) { return nodes_[child].lower_prefix < key; });
  if (it != children.end() && nodes_[*it].lower_prefix == lower_prefix) return *it;
  const std::size_t created = nodes_.size();
  const auto position = it - children.begin();
  nodes_.push_back(TrieNode{std::string(prefix), std::string(lower_prefix), std::nullopt, 0, 0, {}});
  // `children` may dangle after push_back into nodes_; index again.
  auto& fresh_children = nodes_[parent].children;
  fresh_children.insert(fresh_children.begin() + position, created);
  return created;
}

}  // namespace leastpriv::engine
