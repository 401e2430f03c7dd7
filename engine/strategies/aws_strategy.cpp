// The default strategy `aws`; see aws_strategy.h.
#include "engine/strategies/aws_strategy.h"

#include "engine/match/safe_prefix.h"

namespace leastpriv::engine {

namespace {

void walk(const TokenTrie& trie, std::size_t index, const ActionPattern& entry, const RefineContext& context,
          TrieWalk& result) {
  const TrieNode& node = trie.node(index);
  const auto& actions = context.catalog.actions();
  if (node.subtree_actions > 0 && is_safe_prefix(entry, node.lower_prefix, context.findings)) {
    result.verdicts[index] = NodeVerdict::kSafeEmitted;
    result.emitted.push_back(node.subtree_actions == 1 ? std::string(actions[node.first_action].full) : node.prefix + "*");
    return;
  }
  result.verdicts[index] = NodeVerdict::kUnsafe;
  if (node.action && !context.findings.is_unused(actions[*node.action].lower_full)) {
    result.verdicts[index] = NodeVerdict::kUnsafeEmitted;
    result.emitted.emplace_back(actions[*node.action].full);
  }
  for (std::size_t child : node.children) walk(trie, child, entry, context, result);
}

}  // namespace

TrieWalk walk_entry_trie(const TokenTrie& trie, const ActionPattern& entry, const RefineContext& context) {
  TrieWalk result;
  result.verdicts.assign(trie.nodes().size(), NodeVerdict::kNotVisited);
  walk(trie, TokenTrie::kRoot, entry, context, result);
  return result;
}

std::vector<std::string> AwsStrategy::generalize_entry(const ActionPattern& entry, const RefineContext& context) const {
  if (context.entry_tries != nullptr) {
    const auto trie = context.entry_tries->trie(entry, context.catalog);
    return walk_entry_trie(*trie, entry, context).emitted;
  }
  return walk_entry_trie(build_entry_trie(entry, context.catalog), entry, context).emitted;
}

}  // namespace leastpriv::engine
