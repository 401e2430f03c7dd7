// The strategy `bounded`; see bounded_strategy.h.
#include "engine/strategies/bounded_strategy.h"

#include "engine/match/safe_prefix.h"
#include "engine/match/token_trie.h"
#include "engine/refine.h"
#include "engine/strategies/aws_strategy.h"
#include "engine/strategies/char_strategy.h"
#include "engine/strategies/exact_strategy.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string_view>
#include <utility>

namespace leastpriv::engine {

namespace {

constexpr std::size_t kQuotesAndComma = 3;

// One changed wildcard entry of one statement, with its trie and the running costs.
struct Unit {
  std::size_t statement = 0;  // in the refined document
  std::string entry;
  TokenTrie trie;
  std::vector<std::size_t> parent;
  std::vector<std::size_t> depth;
  std::vector<bool> collapsible;
  std::vector<bool> collapsed;
  std::vector<std::size_t> cost;  // characters the node's subtree emits now
  // Second phase: the entry's `char` replacement, taken instead of the trie's emission.
  std::optional<std::vector<std::string>> character_level;
};

// Characters one listed value costs in the minified policy: itself, two quotes and a comma.
std::size_t value_cost(std::string_view value) { return value.size() + kQuotesAndComma; }

std::size_t listed_cost(const std::vector<std::string>& entries) {
  std::size_t cost = 0;
  for (const auto& entry : entries) cost += value_cost(entry);
  return cost;
}

void compute_costs(Unit& unit, std::size_t index, std::size_t depth, const ActionPattern& entry,
                   const RefineContext& context) {
  const TrieNode& node = unit.trie.node(index);
  unit.depth[index] = depth;
  unit.collapsible[index] = node.subtree_actions >= 2 && is_safe_prefix(entry, node.lower_prefix, context.findings);
  std::size_t cost = 0;
  if (node.action && !context.findings.is_unused(context.catalog.actions()[*node.action].lower_full)) {
    cost += value_cost(context.catalog.actions()[*node.action].full);
  }
  for (std::size_t child : node.children) {
    unit.parent[child] = index;
    compute_costs(unit, child, depth + 1, entry, context);
    cost += unit.cost[child];
  }
  unit.cost[index] = cost;
}

void emit_trie(const Unit& unit, std::size_t index, const RefineContext& context, std::vector<std::string>& out) {
  const TrieNode& node = unit.trie.node(index);
  if (unit.collapsed[index]) {
    out.push_back(node.prefix + "*");
    return;
  }
  if (node.action && !context.findings.is_unused(context.catalog.actions()[*node.action].lower_full)) {
    out.emplace_back(context.catalog.actions()[*node.action].full);
  }
  for (std::size_t child : node.children) emit_trie(unit, child, context, out);
}

std::vector<std::string> emission(const Unit& unit, const RefineContext& context) {
  if (unit.character_level) return *unit.character_level;
  std::vector<std::string> out;
  emit_trie(unit, TokenTrie::kRoot, context, out);
  return out;
}

Unit make_unit(std::size_t statement, const std::string& entry_text, const RefineContext& context) {
  const ActionPattern entry(entry_text);
  Unit unit{statement, entry_text, build_entry_trie(entry, context.catalog), {}, {}, {}, {}, {}, std::nullopt};
  const std::size_t nodes = unit.trie.nodes().size();
  unit.parent.assign(nodes, nodes);
  unit.depth.assign(nodes, 0);
  unit.collapsible.assign(nodes, false);
  unit.collapsed.assign(nodes, false);
  unit.cost.assign(nodes, 0);
  compute_costs(unit, TokenTrie::kRoot, 0, entry, context);
  return unit;
}

// The entries a budget can coarsen: wildcards that were replaced by something, in the order
// of the refined document (statements removed as empty have no such entry).
std::vector<Unit> coarsenable_units(const StrategyOutput& output, const RefineContext& context) {
  std::vector<Unit> units;
  for (std::size_t s = 0; s < output.statements.size(); ++s) {
    if (output.statements[s].removed) continue;
    for (const auto& entry_change : output.statements[s].action_list.changes) {
      if (entry_change.replacement.empty() || !model::has_wildcard(entry_change.entry)) continue;
      units.push_back(make_unit(s, entry_change.entry, context));
    }
  }
  return units;
}

// First phase: collapses collapsible nodes, deepest first and within one depth the largest
// saving first, while the tracked size is over the budget. Returns the tracked size.
long collapse_word_aligned_nodes(std::vector<Unit>& units, long tracked, long budget) {
  // (depth, unit, node) of every collapsible node, deepest first.
  struct Place {
    std::size_t depth, unit, node;
  };
  std::vector<Place> places;
  for (std::size_t u = 0; u < units.size(); ++u) {
    for (std::size_t n = 0; n < units[u].trie.nodes().size(); ++n) {
      if (units[u].collapsible[n]) places.push_back(Place{units[u].depth[n], u, n});
    }
  }
  std::stable_sort(places.begin(), places.end(), [](const Place& a, const Place& b) { return a.depth > b.depth; });

  auto saving = [&](const Place& p) -> long {
    const Unit& unit = units[p.unit];
    const long collapsed_cost = static_cast<long>(value_cost(unit.trie.node(p.node).prefix) + 1);  // `p*`
    return static_cast<long>(unit.cost[p.node]) - collapsed_cost;
  };
  std::size_t next = 0;
  while (tracked > budget && next < places.size()) {
    // One depth at a time: its nodes are disjoint, so their savings are independent.
    std::size_t end = next;
    while (end < places.size() && places[end].depth == places[next].depth) ++end;
    std::stable_sort(places.begin() + static_cast<long>(next), places.begin() + static_cast<long>(end),
                     [&](const Place& a, const Place& b) { return saving(a) > saving(b); });
    for (std::size_t i = next; i < end && tracked > budget; ++i) {
      const long saved = saving(places[i]);
      if (saved <= 0) continue;
      Unit& unit = units[places[i].unit];
      unit.collapsed[places[i].node] = true;
      for (std::size_t n = places[i].node; n < unit.trie.nodes().size(); n = unit.parent[n]) {
        unit.cost[n] -= static_cast<std::size_t>(saved);
      }
      tracked -= saved;
    }
    next = end;
  }
  return tracked;
}

// Second phase, only when every safe word-aligned node is collapsed and the policy is still
// over: entry by entry, the `char` replacement (mid-word prefixes), largest saving first, so
// that as few entries as possible lose their word alignment. Returns the tracked size.
long take_character_level(std::vector<Unit>& units, long tracked, long budget, const RefineContext& context) {
  const CharStrategy character_strategy;
  struct Candidate {
    long saved;
    std::size_t unit;
    std::vector<std::string> replacement;
  };
  std::vector<Candidate> candidates;
  for (std::size_t u = 0; u < units.size(); ++u) {
    auto replacement = character_strategy.generalize_entry(ActionPattern(units[u].entry), context);
    const long saved = static_cast<long>(units[u].cost[TokenTrie::kRoot]) - static_cast<long>(listed_cost(replacement));
    if (saved > 0) candidates.push_back(Candidate{saved, u, std::move(replacement)});
  }
  std::stable_sort(candidates.begin(), candidates.end(),
                   [](const Candidate& a, const Candidate& b) { return a.saved > b.saved; });
  for (auto& candidate : candidates) {
    if (tracked <= budget) break;
    units[candidate.unit].character_level = std::move(candidate.replacement);
    tracked -= candidate.saved;
  }
  return tracked;
}

// Rebuilds the coarsened statements' lists with the replacements the units chose (the shared
// list rules again, with those replacements for rule 3), and says in each changed entry's
// reason that it was coarsened.
void apply_chosen_replacements(const model::PolicyDocument& original, const std::vector<Unit>& units,
                               std::size_t budget, const RefineContext& context, StrategyOutput& output) {
  std::map<std::size_t, std::map<std::string, std::vector<std::string>>> chosen_by_statement;
  std::set<std::pair<std::size_t, std::string>> character_level_entries;  // (statement, lower-cased entry)
  for (const auto& unit : units) {
    chosen_by_statement[unit.statement][model::to_lower_ascii(unit.entry)] = emission(unit, context);
    if (unit.character_level) character_level_entries.emplace(unit.statement, model::to_lower_ascii(unit.entry));
  }
  for (const auto& statement_choices : chosen_by_statement) {
    // Named, not a structured binding: the lambda below captures them (clang 14 refuses that).
    const std::size_t s = statement_choices.first;
    const auto& chosen = statement_choices.second;
    StatementOutput& statement = output.statements[s];
    const ActionListOutput replayed = refine_entry_by_entry(
        original.statements[statement.statement_index].patterns, context, [&](const ActionPattern& entry) {
          const auto found = chosen.find(entry.lower());
          return found != chosen.end() ? found->second : exact_used_actions(entry, context);
        });
    statement.action_list.actions = replayed.actions;
    for (auto& entry_change : statement.action_list.changes) {
      for (const auto& replayed_change : replayed.changes) {
        if (replayed_change.entry != entry_change.entry || replayed_change.replacement == entry_change.replacement) continue;
        entry_change.replacement = replayed_change.replacement;
        entry_change.reason = std::string("hides unused actions; coarsened") +
                              (character_level_entries.count({s, model::to_lower_ascii(entry_change.entry)}) != 0
                                   ? " to character-level prefixes"
                                   : "") +
                              " to fit the size budget of " + std::to_string(budget);
      }
    }
  }
}

bool any_change(const StrategyOutput& output) {
  return std::any_of(output.statements.begin(), output.statements.end(), [](const StatementOutput& statement) {
    return !statement.action_list.changes.empty() || !statement.added_to_not_action.empty();
  });
}

}  // namespace

std::string BoundedStrategy::configured_name() const {
  return budget_ == kManagedPolicyCharacterLimit ? "bounded" : "bounded:" + std::to_string(budget_);
}

std::vector<std::string> BoundedStrategy::generalize_entry(const ActionPattern& entry, const RefineContext& context) const {
  return exact_used_actions(entry, context);
}

StrategyOutput BoundedStrategy::refine_statements(const model::PolicyDocument& original, const RefineContext& context) const {
  StrategyOutput output = Strategy::refine_statements(original, context);  // exact names
  // Nothing refined, nothing to coarsen (and no warning: the budget is the result's, not the original's).
  if (!any_change(output)) return output;
  const std::size_t exact_size = policy_character_count(refined_document(original, output.statements));
  if (exact_size <= budget_) return output;

  std::vector<Unit> units = coarsenable_units(output, context);
  const long budget = static_cast<long>(budget_);
  long tracked = collapse_word_aligned_nodes(units, static_cast<long>(exact_size), budget);
  if (tracked > budget) tracked = take_character_level(units, tracked, budget, context);
  apply_chosen_replacements(original, units, budget_, context, output);

  const std::size_t coarsened_size = policy_character_count(refined_document(original, output.statements));
  if (coarsened_size > budget_) {
    output.warnings.push_back("strategy `bounded`: even the coarsest result has " + std::to_string(coarsened_size) +
                              " non-whitespace characters, over the budget of " + std::to_string(budget_));
  }
  return output;
}

}  // namespace leastpriv::engine
