// Refinement; see refine.h.
#include "engine/refine.h"

#include "engine/match/action_pattern.h"

#include <algorithm>

namespace leastpriv::engine {

namespace {

std::vector<std::string> findings_warnings(const model::PolicyDocument& original, const model::UnusedFindings& findings,
                                           const model::Catalog& catalog) {
  std::vector<std::string> unknown;
  std::vector<std::string> not_allowed;
  // Which unused actions the policy allows, pattern by pattern: an Allow+Action pattern can
  // only match the unused actions that start with its literal prefix (thousands of unused
  // actions times hundreds of patterns, asked action by action, was most of refine's time).
  const auto& unused = findings.unused_actions();
  std::vector<char> allowed(unused.size(), 0);
  std::vector<CompiledStatement> not_action_statements;
  for (const auto& statement : original.statements) {
    if (statement.effect != model::Effect::kAllow) continue;
    if (statement.action_key == model::ActionKey::kNotAction) {
      not_action_statements.emplace_back(statement);
      continue;
    }
    for (const auto& text : statement.patterns) {
      const ActionPattern pattern(text);
      const auto candidates = findings.actions_with_prefix(pattern.literal_prefix());
      const auto offset = static_cast<std::size_t>(candidates.data() - unused.data());
      for (std::size_t i = 0; i < candidates.size(); ++i) {
        if (allowed[offset + i] == 0 && pattern.matches(candidates[i])) allowed[offset + i] = 1;
      }
    }
  }
  for (std::size_t i = 0; i < unused.size(); ++i) {
    const std::string& action = unused[i];
    if (!catalog.find(action)) unknown.push_back("`" + findings.spelling(action) + "`");
    const bool allows = allowed[i] != 0 || std::any_of(not_action_statements.begin(), not_action_statements.end(),
                                                       [&](const CompiledStatement& s) { return s.allows(action); });
    if (!allows) not_allowed.push_back("`" + findings.spelling(action) + "`");
  }
  auto listing = [](const std::vector<std::string>& names) {
    std::string text;
    for (std::size_t i = 0; i < names.size() && i < 10; ++i) text += (i ? ", " : "") + names[i];
    if (names.size() > 10) text += ", and " + std::to_string(names.size() - 10) + " more";
    return text;
  };
  std::vector<std::string> warnings;
  if (!unknown.empty()) {
    warnings.push_back(std::to_string(unknown.size()) + " unused action(s) not in the catalog (" +
                       catalog.identity().source + "): " + listing(unknown) +
                       "; they are removed all the same");
  }
  if (!not_allowed.empty()) {
    warnings.push_back(std::to_string(not_allowed.size()) + " unused action(s) that the policy does not allow: " +
                       listing(not_allowed) + " (findings for another policy, or an older policy version?)");
  }
  for (const auto& service : findings.unused_services()) {
    if (!catalog.has_service(service)) warnings.push_back("unused service `" + service + "` is not in the catalog");
  }
  return warnings;
}

}  // namespace

CompiledStatement::CompiledStatement(const model::Statement& statement)
    : allow_(statement.effect == model::Effect::kAllow), not_action_(statement.action_key == model::ActionKey::kNotAction) {
  for (const auto& pattern : statement.patterns) patterns_.emplace_back(pattern);
}

bool CompiledStatement::allows(const std::string& lower_action) const {
  if (!allow_) return false;
  const bool listed = matches_any(patterns_, lower_action);
  return not_action_ ? !listed : listed;
}

bool statement_allows(const model::Statement& statement, const std::string& lower_action) {
  return CompiledStatement(statement).allows(lower_action);
}

namespace {

// The refined statement `refined` makes of `statement`, and what changed in it.
StatementChange apply_statement_output(const StatementOutput& refined, model::Statement& statement) {
  StatementChange change;
  change.statement_index = refined.statement_index;
  change.entries = refined.action_list.changes;
  change.added_to_not_action = refined.added_to_not_action;
  change.removed = refined.removed;
  // An unchanged list stays as written, duplicates and all.
  if (!refined.action_list.changes.empty()) statement.patterns = refined.action_list.actions;
  statement.patterns.insert(statement.patterns.end(), refined.added_to_not_action.begin(),
                            refined.added_to_not_action.end());
  return change;
}

// Walks the original's statements with the strategy's outputs (both in the original's
// order); `on_statement` gets each statement as refined and its change, if any.
template <typename OnStatement>
void for_each_refined_statement(const model::PolicyDocument& original, const std::vector<StatementOutput>& outputs,
                                OnStatement on_statement) {
  std::size_t next_output = 0;
  for (std::size_t index = 0; index < original.statements.size(); ++index) {
    model::Statement statement = original.statements[index];
    std::optional<StatementChange> change;
    if (next_output < outputs.size() && outputs[next_output].statement_index == index) {
      change = apply_statement_output(outputs[next_output++], statement);
    }
    on_statement(index, std::move(statement), change);
  }
}

bool is_changed(const StatementChange& change) { return !change.entries.empty() || !change.added_to_not_action.empty(); }

}  // namespace

model::PolicyDocument refined_document(const model::PolicyDocument& original, const std::vector<StatementOutput>& statements) {
  model::PolicyDocument document;
  document.source = original.source;
  document.statement_as_object = original.statement_as_object;
  for_each_refined_statement(original, statements,
                             [&](std::size_t, model::Statement statement, const std::optional<StatementChange>& change) {
                               if (change && change->removed) return;
                               document.statements.push_back(std::move(statement));
                             });
  return document;
}

Refinement refine_policy(const model::PolicyDocument& original, const model::UnusedFindings& findings, const model::Catalog& catalog,
                         const Strategy& strategy) {
  const RefineContext context{catalog, findings};
  StrategyOutput output = strategy.refine_statements(original, context);
  Refinement result;
  result.document.source = original.source;
  result.document.statement_as_object = original.statement_as_object;
  result.warnings = findings_warnings(original, findings, catalog);
  result.warnings.insert(result.warnings.end(), output.warnings.begin(), output.warnings.end());
  result.cover_stats = output.cover;
  for_each_refined_statement(original, output.statements,
                             [&](std::size_t index, model::Statement statement, const std::optional<StatementChange>& change) {
                               if (change && is_changed(*change)) result.changes.push_back(*change);
                               if (change && change->removed) return;
                               result.document.statements.push_back(std::move(statement));
                               result.original_index.push_back(index);
                             });
  result.detach = std::none_of(result.document.statements.begin(), result.document.statements.end(),
                               [](const model::Statement& s) { return s.effect == model::Effect::kAllow; });
  return result;
}

}  // namespace leastpriv::engine
