// Refinement; see refine.h.
#include "engine/refine.h"

#include "engine/match/action_pattern.h"

#include <algorithm>

namespace leastpriv::engine {

namespace {

bool allows_some_catalog_action(const model::Statement& statement, const model::Catalog& catalog) {
  const CompiledStatement compiled(statement);
  return std::any_of(catalog.actions().begin(), catalog.actions().end(),
                     [&](const model::CatalogAction& a) { return compiled.allows(a.lower_full); });
}

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

Refinement refine_policy(const model::PolicyDocument& original, const model::UnusedFindings& findings, const model::Catalog& catalog,
                         const Strategy& strategy) {
  const RefineContext context{catalog, findings};
  Refinement result;
  result.document.source = original.source;
  result.document.statement_as_object = original.statement_as_object;
  result.warnings = findings_warnings(original, findings, catalog);

  for (std::size_t index = 0; index < original.statements.size(); ++index) {
    model::Statement statement = original.statements[index];
    StatementChange change;
    change.statement_index = index;
    if (statement.effect == model::Effect::kAllow && statement.action_key == model::ActionKey::kAction) {
      auto refined = strategy.refine_action_list(statement.patterns, context, change.entries);
      if (!change.entries.empty()) {
        statement.patterns = std::move(refined);
        change.removed = statement.patterns.empty();
      }
    } else if (statement.effect == model::Effect::kAllow) {
      std::vector<ActionPattern> not_actions;
      for (const auto& pattern : statement.patterns) not_actions.emplace_back(pattern);
      change.added_to_not_action = strategy.exclude_unused(not_actions, context);
      if (!change.added_to_not_action.empty()) {
        statement.patterns.insert(statement.patterns.end(), change.added_to_not_action.begin(),
                                  change.added_to_not_action.end());
        change.removed = !allows_some_catalog_action(statement, catalog);
      }
    }
    const bool changed = !change.entries.empty() || !change.added_to_not_action.empty();
    if (changed) result.changes.push_back(change);
    if (change.removed) continue;
    result.document.statements.push_back(std::move(statement));
    result.original_index.push_back(index);
  }
  strategy.adjust_refinement(original, result, context);
  result.detach = std::none_of(result.document.statements.begin(), result.document.statements.end(),
                               [](const model::Statement& s) { return s.effect == model::Effect::kAllow; });
  return result;
}

}  // namespace leastpriv::engine
