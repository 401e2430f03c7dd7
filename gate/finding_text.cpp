// Naming what a gate result is about; see finding_text.h.
#include "gate/finding_text.h"

#include "spec/reference_matcher.h"

#include <algorithm>

namespace leastpriv::gate {

std::string statement_label(const model::Statement& statement, std::size_t index) {
  const auto sid = statement.source.find("Sid");
  if (sid != statement.source.end() && sid->is_string() && !sid->get<std::string>().empty()) {
    return "Sid `" + sid->get<std::string>() + "`";
  }
  return "statement " + std::to_string(index);
}

std::string policy_label(const iac::FoundPolicy& policy) {
  std::string label = "`" + policy.location.resource + "`";
  if (!policy.location.policy_name.empty()) label += " policy `" + policy.location.policy_name + "`";
  return label;
}

GateFinding finding_for(const std::string& rule_id, const iac::FoundPolicy& policy, const std::string& document_pointer,
                        std::string message, const std::string& fingerprint_detail) {
  GateFinding finding;
  finding.rule_id = rule_id;
  finding.level = rule(rule_id).level;
  finding.message = std::move(message);
  finding.policy_key = policy.key;
  finding.location = policy.location;
  finding.pointer = policy.location.pointer + document_pointer;
  finding.line = std::max(1, policy.line_of(document_pointer));
  finding.fingerprint = rule_id + "|" + policy.key + "|" + fingerprint_detail;
  return finding;
}

// The pointer (inside the document) of what grants `action` in the statement: the first Action
// entry that matches it, or the NotAction list.
std::string granting_pointer(const model::Statement& statement, const std::string& statement_pointer,
                             const std::string& action, std::string& entry) {
  if (statement.action_key == model::ActionKey::kNotAction) {
    entry = "NotAction";
    return statement_pointer + "/NotAction";
  }
  for (std::size_t i = 0; i < statement.patterns.size(); ++i) {
    if (spec::reference_matches(statement.patterns[i], action)) {
      entry = statement.patterns[i];
      return statement_pointer + "/Action" + (statement.patterns_as_string ? "" : "/" + std::to_string(i));
    }
  }
  entry = "Action";
  return statement_pointer + "/Action";
}

}  // namespace leastpriv::gate
