// Refined policies as template edits; see write_back.h.
#include "gate/write_back.h"

#include "model/json_text.h"

namespace leastpriv::gate {

namespace {

Status edits_for(const GateFinding& finding, const iac::FoundPolicy& policy, std::vector<iac::ListReplacement>& edits) {
  const std::string& file = policy.location.file;
  if (policy.location.resource_type.rfind("AWS::", 0) != 0) {
    return model::error_at(file, policy.location.pointer, "--write-back rewrites CloudFormation templates only");
  }
  if (policy.document_was_text || !policy.policy.has_value()) {
    return model::error_at(file, policy.location.pointer, "a policy document written as a JSON string is not rewritten in place");
  }
  if (finding.properties.value("detach", false) || !finding.properties.contains("refinedPolicy")) {
    return model::error_at(file, policy.location.pointer, "the refinement detaches the policy: remove it by hand");
  }
  const model::Json& refined = finding.properties["refinedPolicy"]["Statement"];
  const auto& statements = policy.policy->statements;
  const bool as_object = policy.policy->statement_as_object;
  const std::size_t refined_count = as_object ? (refined.is_object() ? 1 : 0) : refined.size();
  if (refined_count != statements.size()) {
    return model::error_at(file, policy.location.pointer, "the refinement removes a statement: not rewritten in place");
  }
  for (std::size_t i = 0; i < statements.size(); ++i) {
    const char* key = statements[i].action_key == model::ActionKey::kAction ? "Action" : "NotAction";
    const model::Json& old_value = statements[i].source[key];
    const model::Json& new_value = as_object ? refined[key] : refined[i][key];
    if (old_value == new_value) continue;
    std::vector<std::string> entries;
    if (new_value.is_string()) {
      entries.push_back(new_value.get<std::string>());
    } else {
      for (const auto& entry : new_value) entries.push_back(entry.get<std::string>());
    }
    const std::string statement_pointer = as_object ? "/Statement" : "/Statement/" + std::to_string(i);
    edits.push_back({policy.location.pointer + statement_pointer + "/" + key, std::move(entries)});
  }
  return Ok{};
}

}  // namespace

Result<std::vector<iac::ListReplacement>> write_back_edits(const GateReport& report, const iac::PolicySet& policies) {
  std::vector<iac::ListReplacement> edits;
  for (const auto& finding : report.findings) {
    if (finding.rule_id != kUnusedAccess) continue;
    for (const auto& policy : policies.policies) {
      if (policy.key != finding.policy_key) continue;
      if (auto status = edits_for(finding, policy, edits); !status) return status.error();
    }
  }
  return edits;
}

}  // namespace leastpriv::gate
