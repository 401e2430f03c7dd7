// Explanations; see explain.h.
#include "engine/render/explain.h"

#include "engine/match/glob_inclusion.h"
#include "engine/match/safe_prefix.h"
#include "engine/refine.h"

#include <algorithm>
#include <map>

namespace leastpriv::engine {

namespace {

std::string listing(const std::vector<std::string>& names, std::size_t limit = 8) {
  std::string text;
  for (std::size_t i = 0; i < names.size() && i < limit; ++i) text += (i ? ", " : "") + ("`" + names[i] + "`");
  if (names.size() > limit) text += ", and " + std::to_string(names.size() - limit) + " more";
  return text.empty() ? "nothing" : text;
}

// In words, the first unused action (or wholly unused service) that has `lower_prefix` as a
// prefix; only asked once prefix_safety said there is one.
std::string unused_reaching(const model::UnusedFindings& findings, const std::string& lower_prefix) {
  if (const std::string* service = findings.unused_service_reaching(lower_prefix)) {
    return "every action of `" + *service + "` (a wholly unused service)";
  }
  const auto reached = findings.actions_with_prefix(lower_prefix);
  if (reached.empty()) return "";
  return "unused `" + findings.spelling(reached.front()) + "`" +
         (reached.size() > 1 ? " and " + std::to_string(reached.size() - 1) + " more unused actions" : "");
}

std::string node_reason(const TrieNode& node, NodeVerdict verdict, const ActionPattern& entry,
                        const RefineContext& context) {
  const auto& actions = context.catalog.actions();
  const std::string used_count = std::to_string(node.subtree_actions) + " action" + (node.subtree_actions == 1 ? "" : "s");
  if (verdict == NodeVerdict::kSafeEmitted) {
    if (node.subtree_actions == 1) {
      return "safe, and the only action under it: listed by its exact name `" + std::string(actions[node.first_action].full) + "`";
    }
    return "safe: no unused action starts with `" + node.prefix + "`; `" + node.prefix + "*` covers " + used_count +
           ", all used";
  }
  if (node.subtree_actions == 1 && node.action && context.findings.is_unused(actions[*node.action].lower_full)) {
    return "unused: left out";
  }
  std::string why = "unsafe";
  const PrefixSafety safety = prefix_safety(entry, node.lower_prefix, context.findings);
  if (safety == PrefixSafety::kReachesUnused) {
    why = "unsafe: `" + node.prefix + "*` reaches " + unused_reaching(context.findings, node.lower_prefix);
  } else if (safety == PrefixSafety::kOutsideEntry) {
    const auto witness = glob_inclusion_witness(entry.lower(), node.lower_prefix + "*");
    why = "unsafe: `" + node.prefix + "*` would allow strings the entry does not" +
          (witness ? " (e.g. `" + *witness + "`)" : "");
  }
  if (verdict == NodeVerdict::kUnsafeEmitted) why += "; itself a used action, so listed by its exact name";
  if (node.action && context.findings.is_unused(actions[*node.action].lower_full)) why += "; itself unused, so left out";
  return why;
}

std::string statement_sid(const model::Statement& statement) {
  const auto sid = statement.source.find("Sid");
  return sid != statement.source.end() && sid->is_string() ? sid->get<std::string>() : "";
}

}  // namespace

std::vector<EntryExplanation> explain_refinement(const model::PolicyDocument& original, const model::UnusedFindings& findings,
                                                 const model::Catalog& catalog, const Strategy& strategy,
                                                 const std::string& entry_filter) {
  const RefineContext context{catalog, findings};
  const Refinement refinement = refine_policy(original, findings, catalog, strategy);
  const std::string filter = model::to_lower_ascii(entry_filter);
  std::vector<EntryExplanation> out;
  for (const auto& change : refinement.changes) {
    const model::Statement& statement = original.statements[change.statement_index];
    if (!change.added_to_not_action.empty() && filter.empty()) {
      EntryExplanation explanation;
      explanation.statement_index = change.statement_index;
      explanation.sid = statement_sid(statement);
      explanation.not_action = true;
      explanation.entry = "NotAction";
      explanation.strategy_result = change.added_to_not_action;
      explanation.summary = "an Allow+NotAction statement allows everything its NotAction list does not name; the "
                            "unused actions it allowed are excluded by adding " +
                            listing(change.added_to_not_action) +
                            (change.removed ? " (it then allows no catalog action, so it is removed)" : "");
      out.push_back(std::move(explanation));
    }
    for (const auto& entry_change : change.entries) {
      if (!filter.empty() && model::to_lower_ascii(entry_change.entry) != filter) continue;
      EntryExplanation explanation;
      explanation.statement_index = change.statement_index;
      explanation.sid = statement_sid(statement);
      explanation.entry = entry_change.entry;
      explanation.strategy_result = entry_change.replacement;
      explanation.strategy_reason = entry_change.reason;
      const ActionPattern entry(entry_change.entry);
      if (entry.is_literal()) {
        explanation.summary = "an exact action that is unused: dropped";
        out.push_back(std::move(explanation));
        continue;
      }
      std::size_t matched = 0;
      std::vector<std::string> unused;
      for (std::size_t index : entry_catalog_actions(entry, catalog)) {
        ++matched;
        if (findings.is_unused(catalog.actions()[index].lower_full)) unused.emplace_back(catalog.actions()[index].full);
      }
      TokenTrie trie = build_entry_trie(entry, catalog);
      const TrieWalk walk = walk_entry_trie(trie, entry, context);
      for (std::size_t n = 0; n < trie.nodes().size(); ++n) {
        if (walk.verdicts[n] == NodeVerdict::kNotVisited) continue;
        explanation.nodes.push_back(NodeExplanation{n, walk.verdicts[n], node_reason(trie.node(n), walk.verdicts[n], entry, context)});
      }
      explanation.aws_result = walk.emitted;
      sort_entries(explanation.aws_result);
      explanation.summary = "allows " + std::to_string(matched) + " catalog action" + (matched == 1 ? "" : "s") + ", " +
                            std::to_string(unused.size()) + " of them unused (" + listing(unused, 5) +
                            "); the token trie below its literal prefix `" + trie.node(TokenTrie::kRoot).prefix +
                            "` is walked from the root and the shortest safe nodes are kept";
      explanation.trie = std::move(trie);
      out.push_back(std::move(explanation));
    }
  }
  return out;
}

std::string explanations_to_text(const std::vector<EntryExplanation>& explanations, std::string_view strategy_name) {
  if (explanations.empty()) return "nothing changes: no entry allows an unused action\n";
  std::string text;
  for (const auto& e : explanations) {
    text += "statement " + std::to_string(e.statement_index + 1) + (e.sid.empty() ? "" : " (Sid `" + e.sid + "`)") +
            (e.not_action ? ", NotAction" : ", entry `" + e.entry + "`") + ":\n  " + e.summary + "\n";
    if (e.trie) {
      // Depth of each node below the root, for the indentation.
      std::vector<std::size_t> depth(e.trie->nodes().size(), 0);
      for (std::size_t n = 0; n < e.trie->nodes().size(); ++n) {
        for (std::size_t child : e.trie->node(n).children) depth[child] = depth[n] + 1;
      }
      for (const auto& node : e.nodes) {
        const TrieNode& trie_node = e.trie->node(node.node);
        const bool emitted = node.verdict == NodeVerdict::kSafeEmitted || node.verdict == NodeVerdict::kUnsafeEmitted;
        text += "    " + std::string(2 * std::min<std::size_t>(depth[node.node], 12), ' ') + (emitted ? "+ " : "- ") +
                (trie_node.prefix.empty() ? std::string("(root)") : trie_node.prefix) + ": " + node.reason + "\n";
      }
      if (strategy_name != "aws") text += "  aws keeps: " + listing(e.aws_result, 40) + "\n";
    }
    if (!e.not_action) {
      text += "  " + std::string(strategy_name) + " result: " + listing(e.strategy_result, 40) +
              (e.strategy_reason.empty() ? "" : " (" + e.strategy_reason + ")") + "\n";
    }
    text += "\n";
  }
  return text;
}

namespace {

std::string dot_escape(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

}  // namespace

std::string explanations_to_dot(const std::vector<EntryExplanation>& explanations) {
  std::string dot =
      "digraph explain {\n"
      "  rankdir=LR;\n"
      "  node [shape=box, style=filled, fontname=\"Helvetica\", fontsize=10];\n"
      "  edge [color=\"#888888\"];\n";
  std::size_t cluster = 0;
  for (const auto& e : explanations) {
    if (!e.trie) continue;
    const std::string id = "e" + std::to_string(cluster);
    dot += "  subgraph cluster_" + std::to_string(cluster++) + " {\n    label=\"statement " +
           std::to_string(e.statement_index + 1) + (e.sid.empty() ? "" : " (" + dot_escape(e.sid) + ")") + ": " +
           dot_escape(e.entry) + "\";\n    fontname=\"Helvetica\";\n";
    std::map<std::size_t, bool> drawn;
    for (const auto& node : e.nodes) {
      const TrieNode& n = e.trie->node(node.node);
      const bool safe = node.verdict == NodeVerdict::kSafeEmitted;
      const bool emitted = safe || node.verdict == NodeVerdict::kUnsafeEmitted;
      std::string label = dot_escape(n.prefix.empty() ? "(root)" : n.prefix);
      if (safe && n.subtree_actions > 1) label += "*";
      label += "\\n" + std::to_string(n.subtree_actions) + " action" + (n.subtree_actions == 1 ? "" : "s");
      dot += "    " + id + "_" + std::to_string(node.node) + " [label=\"" + label + "\", fillcolor=\"" +
             (safe ? "#a6dba0" : "#fdb863") + "\"" + (emitted ? ", style=\"filled,bold\", penwidth=3" : "") + "];\n";
      drawn[node.node] = true;
    }
    for (const auto& node : e.nodes) {
      for (std::size_t child : e.trie->node(node.node).children) {
        if (drawn.count(child) != 0) {
          dot += "    " + id + "_" + std::to_string(node.node) + " -> " + id + "_" + std::to_string(child) + ";\n";
        }
      }
    }
    dot += "  }\n";
  }
  dot += "}\n";
  return dot;
}

}  // namespace leastpriv::engine
