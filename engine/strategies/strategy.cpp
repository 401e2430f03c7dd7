// The rules every strategy shares, and the dual walk for NotAction; see strategy.h.
#include "engine/strategies/strategy.h"

#include "engine/strategies/aws_strategy.h"
#include "engine/strategies/bounded_strategy.h"
#include "engine/strategies/char_strategy.h"
#include "engine/strategies/exact_strategy.h"
#include "engine/strategies/fewest_strategy.h"
#include "engine/match/token_trie.h"
#include "support/number_text.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_set>

namespace leastpriv::engine {

void sort_entries(std::vector<std::string>& entries) {
  // Each entry is lowered once, not twice per comparison (that showed in profiles of `*` with
  // 11,000 unused actions, where one entry's replacement has thousands of entries).
  std::vector<std::pair<std::string, std::string>> keyed;  // (lower-cased, as written)
  keyed.reserve(entries.size());
  for (auto& entry : entries) {
    std::string lower = model::to_lower_ascii(entry);
    keyed.emplace_back(std::move(lower), std::move(entry));
  }
  std::sort(keyed.begin(), keyed.end());
  entries.clear();
  for (auto& [lower, entry] : keyed) {
    if (entries.empty() || entries.back() != entry) entries.push_back(std::move(entry));
  }
}

CoverStats& CoverStats::operator+=(const CoverStats& other) {
  instances += other.instances;
  proved_optimal += other.proved_optimal;
  chosen += other.chosen;
  lower_bound += other.lower_bound;
  candidates += other.candidates;
  work += other.work;
  cut_short += other.cut_short;
  return *this;
}

ActionListOutput refine_entry_by_entry(const std::vector<std::string>& entries, const RefineContext& context,
                                       const EntryGeneralizer& generalize) {
  ActionListOutput output;
  for (const auto& entry : entries) {
    const ActionPattern pattern(entry);
    if (!matches_some_unused(pattern, context.findings)) {
      output.actions.push_back(entry);  // rule 1: hides no unused action, kept byte for byte
      continue;
    }
    if (pattern.is_literal()) {
      output.changes.push_back(EntryChange{entry, {}, "unused"});  // rule 2
      continue;
    }
    std::vector<std::string> replacement = generalize(pattern);  // rule 3
    sort_entries(replacement);
    output.changes.push_back(EntryChange{entry, replacement,
                                         replacement.empty() ? "every action it allows is unused" : "hides unused actions"});
    output.actions.insert(output.actions.end(), replacement.begin(), replacement.end());
  }
  output.actions = without_duplicates(std::move(output.actions));
  return output;
}

ActionListOutput Strategy::refine_action_list(const std::vector<std::string>& entries, const RefineContext& context) const {
  return refine_entry_by_entry(entries, context,
                               [&](const ActionPattern& entry) { return generalize_entry(entry, context); });
}

std::vector<std::string> without_duplicates(std::vector<std::string> entries) {
  // The first of equal entries is kept. The views point into `entries`, which does not move
  // until every entry has been looked at.
  std::vector<char> first(entries.size(), 0);
  std::unordered_set<std::string_view> seen;
  seen.reserve(entries.size());
  for (std::size_t i = 0; i < entries.size(); ++i) first[i] = seen.insert(entries[i]).second ? 1 : 0;
  std::vector<std::string> unique;
  unique.reserve(seen.size());
  for (std::size_t i = 0; i < entries.size(); ++i) {
    if (first[i] != 0) unique.push_back(std::move(entries[i]));
  }
  return unique;
}

namespace {

// The dual walk: the shortest nodes of the whole-catalog trie all of whose actions are unused
// or already excluded, and at least one of which is newly excluded.
class ExclusionWalk {
 public:
  ExclusionWalk(const std::vector<ActionPattern>& not_actions, const RefineContext& context)
      : context_(context) {
    const auto& actions = context.catalog.actions();
    used_allowed_.assign(actions.size() + 1, 0);
    newly_excluded_.assign(actions.size() + 1, 0);
    newly_.assign(actions.size(), false);
    for (std::size_t i = 0; i < actions.size(); ++i) {
      const bool excluded = matches_any(not_actions, actions[i].lower_full);
      const bool unused = context.findings.is_unused(actions[i].lower_full);
      newly_[i] = !excluded && unused;
      used_allowed_[i + 1] = used_allowed_[i] + (!excluded && !unused ? 1 : 0);
      newly_excluded_[i + 1] = newly_excluded_[i] + (newly_[i] ? 1 : 0);
    }
  }

  bool any_newly_excluded() const { return newly_excluded_.back() > 0; }

  void walk(const TokenTrie& trie, std::size_t index, std::vector<std::string>& emitted) const {
    const TrieNode& node = trie.node(index);
    const auto [first, last] = context_.catalog.prefix_range(node.lower_prefix);
    const bool nothing_used = used_allowed_[last] - used_allowed_[first] == 0;
    const bool something_new = newly_excluded_[last] - newly_excluded_[first] > 0;
    if (nothing_used && something_new) {
      const bool whole_service = node.lower_prefix.size() > 1 && node.lower_prefix.back() == ':' &&
                                 std::binary_search(context_.findings.unused_services().begin(),
                                                    context_.findings.unused_services().end(),
                                                    node.lower_prefix.substr(0, node.lower_prefix.size() - 1));
      // A wholly unused service is excluded as `svc:*`, which also covers its future actions.
      emitted.push_back(last - first == 1 && !whole_service ? std::string(context_.catalog.actions()[first].full) : node.prefix + "*");
      return;
    }
    if (node.action && newly_[*node.action]) emitted.emplace_back(context_.catalog.actions()[*node.action].full);
    for (std::size_t child : node.children) walk(trie, child, emitted);
  }

 private:
  const RefineContext& context_;
  std::vector<std::size_t> used_allowed_;    // prefix sums over the catalog
  std::vector<std::size_t> newly_excluded_;  // prefix sums over the catalog
  std::vector<bool> newly_;
};

}  // namespace

std::vector<std::string> Strategy::exclude_unused(const std::vector<ActionPattern>& not_actions,
                                                  const RefineContext& context) const {
  std::vector<std::string> added;
  const ExclusionWalk exclusion(not_actions, context);
  if (exclusion.any_newly_excluded()) {
    std::vector<std::size_t> all(context.catalog.actions().size());
    for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;
    const TokenTrie trie(context.catalog, "", all);
    exclusion.walk(trie, TokenTrie::kRoot, added);
  }

  std::vector<ActionPattern> excluded = not_actions;
  for (const auto& pattern : added) excluded.emplace_back(pattern);
  // Unused actions no catalog knows: by exact name, when still allowed.
  for (const auto& unused : context.findings.unused_actions()) {
    if (context.catalog.find(unused)) continue;
    if (matches_any(excluded, unused)) continue;
    added.push_back(context.findings.spelling(unused));
    excluded.emplace_back(unused);
  }
  // Wholly unused services, with the actions AWS may add to them later.
  exclude_unused_services(context, excluded, added);
  sort_entries(added);
  return added;
}

namespace {

// Does an Allow+NotAction statement that excludes `not_actions` still allow a catalog action?
bool not_action_allows_some(const std::vector<ActionPattern>& not_actions, const model::Catalog& catalog) {
  return std::any_of(catalog.actions().begin(), catalog.actions().end(),
                     [&](const model::CatalogAction& action) { return !matches_any(not_actions, action.lower_full); });
}

StatementOutput refine_not_action_statement(const Strategy& strategy, const model::Statement& statement,
                                            const RefineContext& context) {
  StatementOutput output;
  std::vector<ActionPattern> not_actions;
  for (const auto& pattern : statement.patterns) not_actions.emplace_back(pattern);
  output.added_to_not_action = strategy.exclude_unused(not_actions, context);
  if (!output.added_to_not_action.empty()) {
    for (const auto& pattern : output.added_to_not_action) not_actions.emplace_back(pattern);
    output.removed = !not_action_allows_some(not_actions, context.catalog);
  }
  return output;
}

}  // namespace

StrategyOutput Strategy::refine_statements(const model::PolicyDocument& original, const RefineContext& context) const {
  StrategyOutput output;
  // What a strategy makes of an action list depends on the list alone, so statements with the
  // same list (many statements that differ only in their Resource) are refined once.
  std::map<std::pair<model::ActionKey, std::vector<std::string>>, StatementOutput> refined_lists;
  for (std::size_t index = 0; index < original.statements.size(); ++index) {
    const model::Statement& statement = original.statements[index];
    // Deny statements never change: removing from a Deny would add permissions.
    if (statement.effect != model::Effect::kAllow) continue;
    auto [found, added] = refined_lists.try_emplace({statement.action_key, statement.patterns});
    if (added) {
      if (statement.action_key == model::ActionKey::kAction) {
        found->second.action_list = refine_action_list(statement.patterns, context);
        found->second.removed = !found->second.action_list.changes.empty() && found->second.action_list.actions.empty();
      } else {
        found->second = refine_not_action_statement(*this, statement, context);
      }
    }
    StatementOutput refined = found->second;
    if (statement.action_key == model::ActionKey::kAction) {
      if (refined.action_list.cover) {
        if (!output.cover) output.cover.emplace();
        *output.cover += *refined.action_list.cover;
      }
      for (const auto& warning : refined.action_list.warnings) {
        output.warnings.push_back("statement " + std::to_string(index + 1) + ": " + warning);
      }
    }
    refined.statement_index = index;
    output.statements.push_back(std::move(refined));
  }
  return output;
}

void exclude_unused_services(const RefineContext& context, std::vector<ActionPattern>& excluded,
                             std::vector<std::string>& added) {
  for (const auto& service : context.findings.unused_services()) {
    const std::string prefix = service + ":";
    const bool covered = std::any_of(excluded.begin(), excluded.end(),
                                     [&](const ActionPattern& p) { return p.includes_all_with_prefix(prefix); });
    if (covered) continue;
    added.push_back(prefix + "*");
    excluded.emplace_back(prefix + "*");
  }
}

// The largest `bounded:N` budget (IAM's own limits are thousands of characters).
constexpr std::uint64_t kLargestBudget = 999999999;

std::vector<std::string> strategy_names() { return {"aws", "char", "exact", "fewest", "bounded"}; }

Result<std::unique_ptr<Strategy>> make_strategy(std::string_view name) {
  if (name == "aws") return std::unique_ptr<Strategy>(std::make_unique<AwsStrategy>());
  if (name == "char") return std::unique_ptr<Strategy>(std::make_unique<CharStrategy>());
  if (name == "exact") return std::unique_ptr<Strategy>(std::make_unique<ExactStrategy>());
  if (name == "fewest") return std::unique_ptr<Strategy>(std::make_unique<FewestStrategy>());
  if (name == "bounded") return std::unique_ptr<Strategy>(std::make_unique<BoundedStrategy>());
  // `bounded:N`: a budget of N non-whitespace characters instead of IAM's 6,144.
  if (name.substr(0, 8) == "bounded:") {
    const auto budget = support::parse_whole_number(name.substr(8));
    if (budget && *budget > 0 && *budget <= kLargestBudget) {
      return std::unique_ptr<Strategy>(std::make_unique<BoundedStrategy>(static_cast<std::size_t>(*budget)));
    }
    return Error{ErrorKind::kUsage, "bad budget in strategy `" + std::string(name) +
                                        "` (expected bounded:N, N a whole number from 1 to 999999999)"};
  }
  std::string known;
  for (const auto& known_name : strategy_names()) known += (known.empty() ? "" : ", ") + known_name;
  return Error{ErrorKind::kUsage, "unknown strategy `" + std::string(name) + "` (known: " + known + ")"};
}

}  // namespace leastpriv::engine
