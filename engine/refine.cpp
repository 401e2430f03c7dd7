// Refinement; see refine.h.
#include "engine/refine.h"

#include "engine/match/action_pattern.h"
#include "model/findings_warnings.h"

#include <algorithm>

namespace leastpriv::engine {

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
                         const Strategy& strategy, EntryTrieCache* entry_tries) {
  const RefineContext context{catalog, findings, entry_tries};
  StrategyOutput output = strategy.refine_statements(original, context);
  Refinement result;
  result.document.source = original.source;
  result.document.statement_as_object = original.statement_as_object;
  result.warnings = model::findings_warnings(original, findings, catalog);
  result.warnings.insert(result.warnings.end(), output.warnings.begin(), output.warnings.end());
  result.cover_stats = output.cover;
  for_each_refined_statement(original, output.statements,
                             [&](std::size_t index, model::Statement statement, const std::optional<StatementChange>& change) {
                               if (change && is_changed(*change)) result.changes.push_back(*change);
                               if (change && change->removed) return;
                               result.document.statements.push_back(std::move(statement));
                               result.original_index.push_back(index);
                             });
  result.detach = result.document.statements.empty();
  return result;
}

}  // namespace leastpriv::engine
