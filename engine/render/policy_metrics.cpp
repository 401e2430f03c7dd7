// Policy metrics; see policy_metrics.h.
#include "engine/render/policy_metrics.h"

#include "engine/match/action_pattern.h"
#include "model/json_text.h"

namespace leastpriv::engine {

std::size_t policy_character_count(const model::PolicyDocument& document) {
  const std::string text = model::dump_json(model::policy_to_json(document), -1);
  std::size_t count = 0;
  for (char c : text) {
    if (c != ' ' && c != '\n' && c != '\t' && c != '\r') ++count;
  }
  return count;
}

PolicyMetrics measure_policy(const model::PolicyDocument& document) {
  PolicyMetrics metrics;
  metrics.statements = document.statements.size();
  for (const auto& statement : document.statements) {
    metrics.entries += statement.patterns.size();
    for (const auto& pattern : statement.patterns) metrics.wildcards += model::has_wildcard(pattern) ? 1 : 0;
  }
  metrics.characters = policy_character_count(document);
  return metrics;
}

std::size_t future_exposure(const model::PolicyDocument& document, const model::Catalog& older, const model::Catalog& newer) {
  struct Compiled {
    bool not_action = false;
    std::vector<ActionPattern> patterns;
  };
  std::vector<Compiled> allows;
  for (const auto& statement : document.statements) {
    if (statement.effect != model::Effect::kAllow) continue;
    Compiled compiled{statement.action_key == model::ActionKey::kNotAction, {}};
    for (const auto& pattern : statement.patterns) compiled.patterns.emplace_back(pattern);
    allows.push_back(std::move(compiled));
  }
  std::size_t exposed = 0;
  for (const auto& action : newer.actions()) {
    if (older.find(action.lower_full)) continue;
    for (const auto& statement : allows) {
      if (matches_any(statement.patterns, action.lower_full) != statement.not_action) {
        ++exposed;
        break;
      }
    }
  }
  return exposed;
}

}  // namespace leastpriv::engine
