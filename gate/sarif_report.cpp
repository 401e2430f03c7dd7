// SARIF 2.1.0 output; see sarif_report.h.
#include "gate/sarif_report.h"

#include "verifier/certificate/sha256.h"

namespace leastpriv::gate {

namespace {

using model::Json;

const char* security_severity(Level level) {
  switch (level) {
    case Level::kError: return "8.0";
    case Level::kWarning: return "5.0";
    case Level::kNote: return "2.0";
  }
  return "8.0";
}

Json rules_table() {
  Json rules = Json::array();
  for (const auto& rule : gate_rules()) {
    rules.push_back(Json{{"id", rule.id},
                         {"name", rule.name},
                         {"shortDescription", {{"text", rule.short_description}}},
                         {"fullDescription", {{"text", rule.help}}},
                         {"help", {{"text", rule.help}}},
                         {"defaultConfiguration", {{"level", level_name(rule.level)}}},
                         {"properties", {{"tags", {"security", "iam", "least-privilege"}},
                                         {"security-severity", security_severity(rule.level)}}}});
  }
  return rules;
}

std::size_t rule_index(const std::string& id) {
  const auto& rules = gate_rules();
  for (std::size_t i = 0; i < rules.size(); ++i) {
    if (rules[i].id == id) return i;
  }
  return 0;
}

Json location(const GateFinding& finding) {
  Json artifact{{"uri", artifact_uri(finding.location.file)}};
  if (finding.location.file.empty() || finding.location.file.front() != '/') artifact["uriBaseId"] = "%SRCROOT%";
  return Json{{"physicalLocation", {{"artifactLocation", artifact}, {"region", {{"startLine", finding.line}}}}},
              {"logicalLocations", Json::array({Json{{"name", finding.location.resource},
                                                     {"fullyQualifiedName", finding.policy_key},
                                                     {"kind", "resource"}}})}};
}

}  // namespace

std::string artifact_uri(const std::string& path) {
  std::string uri = path;
  while (uri.rfind("./", 0) == 0) uri.erase(0, 2);
  if (!uri.empty() && uri.front() == '/') return "file://" + uri;
  return uri;
}

Json sarif_report(const GateReport& report, GateOutcome outcome, const std::string& tool_version) {
  Json results = Json::array();
  for (const auto& finding : report.findings) {
    Json properties = finding.properties;
    properties["blocking"] = finding.blocking;
    properties["policy"] = finding.policy_key;
    properties["pointer"] = finding.pointer;
    results.push_back(Json{{"ruleId", finding.rule_id},
                           {"ruleIndex", rule_index(finding.rule_id)},
                           {"level", level_name(finding.level)},
                           {"message", {{"text", finding.message}}},
                           {"locations", Json::array({location(finding)})},
                           {"partialFingerprints", {{"leastprivFingerprint/v1", verifier::sha256_hex(finding.fingerprint)}}},
                           {"properties", properties}});
  }
  Json run{{"tool", {{"driver", {{"name", "leastpriv"},
                                 {"version", tool_version},
                                 {"rules", rules_table()}}}}},
           {"originalUriBaseIds", {{"%SRCROOT%", {{"description", {{"text", "the repository checkout"}}}}}}},
           {"results", results},
           {"columnKind", "utf16CodeUnits"},
           {"properties", {{"outcome", outcome_name(outcome)}, {"file", report.file}, {"reference", report.reference_file}}}};
  return Json{{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"}, {"version", "2.1.0"}, {"runs", Json::array({run})}};
}

}  // namespace leastpriv::gate
