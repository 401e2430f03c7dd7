// Serializing the policy model back to JSON; see policy.h.
#include "model/policy.h"

#include "model/json_text.h"

namespace leastpriv::model {

bool is_allow_with_actions(const Statement& statement) {
  return statement.effect == Effect::kAllow && statement.action_key == ActionKey::kAction;
}

Json statement_to_json(const Statement& statement) {
  Json out = statement.source;
  const char* key = statement.action_key == ActionKey::kAction ? "Action" : "NotAction";
  Json value;
  if (statement.patterns_as_string && statement.patterns.size() == 1) {
    value = statement.patterns.front();
  } else {
    value = Json::array();
    for (const auto& pattern : statement.patterns) value.push_back(pattern);
  }
  // INVARIANT: the key exists in source (the parser requires it), so assigning keeps its position.
  out[key] = std::move(value);
  return out;
}

Json policy_to_json(const PolicyDocument& document) {
  Json out = document.source;
  if (document.statement_as_object && document.statements.size() == 1) {
    out["Statement"] = statement_to_json(document.statements.front());
  } else {
    Json statements = Json::array();
    for (const auto& statement : document.statements) statements.push_back(statement_to_json(statement));
    out["Statement"] = std::move(statements);
  }
  return out;
}

std::string policy_to_text(const PolicyDocument& document) { return dump_json(policy_to_json(document)) + "\n"; }

}  // namespace leastpriv::model
