// JSON and text output; see plain_reports.h.
#include "gate/plain_reports.h"

#include <sstream>

namespace leastpriv::gate {

using model::Json;

Json json_report(const GateReport& report, GateOutcome outcome) {
  Json policies = Json::array();
  for (const auto& policy : report.policies) {
    policies.push_back(Json{{"key", policy.key},
                            {"resource", policy.location.resource},
                            {"type", policy.location.resource_type},
                            {"name", policy.location.policy_name},
                            {"file", policy.location.file},
                            {"line", policy.location.line},
                            {"pointer", policy.location.pointer},
                            {"outcome", policy.outcome}});
  }
  Json results = Json::array();
  for (const auto& finding : report.findings) {
    results.push_back(Json{{"ruleId", finding.rule_id},
                           {"rule", rule(finding.rule_id).name},
                           {"level", level_name(finding.level)},
                           {"blocking", finding.blocking},
                           {"message", finding.message},
                           {"policy", finding.policy_key},
                           {"resource", finding.location.resource},
                           {"file", finding.location.file},
                           {"line", finding.line},
                           {"pointer", finding.pointer},
                           {"properties", finding.properties}});
  }
  return Json{{"format", "leastpriv-gate-1"},
              {"outcome", outcome_name(outcome)},
              {"file", report.file},
              {"reference", report.reference_file},
              {"policies", policies},
              {"results", results},
              {"warnings", report.warnings}};
}

std::string text_report(const GateReport& report, GateOutcome outcome) {
  std::ostringstream text;
  std::size_t blocking = 0;
  for (const auto& finding : report.findings) {
    blocking += finding.blocking ? 1 : 0;
    text << finding.location.file << ":" << finding.line << ": " << level_name(finding.level) << " " << finding.rule_id
         << " " << rule(finding.rule_id).name << (finding.blocking ? " [blocking]" : "") << ": " << finding.message << "\n";
  }
  text << "gate: " << outcome_name(outcome) << ": " << report.policies.size() << " "
       << (report.policies.size() == 1 ? "policy" : "policies") << " checked in " << report.file;
  if (!report.reference_file.empty()) text << " against " << report.reference_file;
  text << ", " << report.findings.size() << " " << (report.findings.size() == 1 ? "result" : "results") << ", " << blocking
       << " blocking\n";
  return text.str();
}

}  // namespace leastpriv::gate
