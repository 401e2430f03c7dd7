// Why each changed entry became what it became: the words and the picture behind
// `leastpriv explain`. For every Allow+Action entry that hides unused actions, the `aws`
// token-trie walk (DESIGN §3) is replayed node by node with the reason for each verdict
// (which unused action makes a node unsafe, which string the entry would not allow), and the
// chosen strategy's replacement is shown beside it. NotAction statements list what was added.
//
// Tested by: tests/cli/compare_explain_test.cpp (words, and the DOT rendered by graphviz)
//
// IMPLEMENTATION: builds nothing new: the trie and verdicts come from build_entry_trie /
// walk_entry_trie, the replacement from refine_policy with the chosen strategy. The DOT has one
// cluster per entry; only visited nodes are drawn (below an emitted node nothing is visited),
// safe nodes green, unsafe orange, emitted nodes bold with a thick border.
#pragma once

#include "engine/strategies/aws_strategy.h"
#include "model/catalog.h"
#include "model/findings.h"
#include "model/policy.h"
#include "engine/strategies/strategy.h"
#include "engine/match/token_trie.h"

#include <optional>
#include <string>
#include <vector>

namespace leastpriv::engine {

struct NodeExplanation {
  std::size_t node = 0;
  NodeVerdict verdict = NodeVerdict::kNotVisited;
  std::string reason;  // why safe or unsafe, in words
};

struct EntryExplanation {
  std::size_t statement_index = 0;  // in the original
  std::string sid;
  std::string entry;
  bool not_action = false;  // an Allow+NotAction statement: `added` lists what was excluded
  std::string summary;      // one sentence: what the entry allowed and what became of it
  std::optional<TokenTrie> trie;            // wildcard entries only
  std::vector<NodeExplanation> nodes;       // visited nodes, in walk order
  std::vector<std::string> aws_result;      // what `aws` emits
  std::vector<std::string> strategy_result; // what the chosen strategy emitted
  std::string strategy_reason;
};

// Every changed entry of `original` (or only those equal to `entry_filter`, compared
// case-insensitively, when it is not empty).
std::vector<EntryExplanation> explain_refinement(const model::PolicyDocument& original, const model::UnusedFindings& findings,
                                                 const model::Catalog& catalog, const Strategy& strategy,
                                                 const std::string& entry_filter);

std::string explanations_to_text(const std::vector<EntryExplanation>& explanations, std::string_view strategy_name);
std::string explanations_to_dot(const std::vector<EntryExplanation>& explanations);

}  // namespace leastpriv::engine
