// One batch unit; see process_unit.h.
#include "batch/process_unit.h"

#include "batch/cache.h"
#include "engine/refine.h"
#include "engine/strategies/strategy.h"
#include "model/findings_warnings.h"
#include "model/json_text.h"
#include "model/policy_input.h"
#include "model/verification_files.h"
#include "verifier/certificate/certificate.h"

namespace leastpriv::batch {

const char* unit_status_name(UnitStatus status) {
  switch (status) {
    case UnitStatus::kProved: return "proved";
    case UnitStatus::kUnverified: return "unverified";
    case UnitStatus::kUnknown: return "unknown";
    case UnitStatus::kCounterexample: return "counterexample";
    case UnitStatus::kError: return "error";
  }
  return "error";
}

namespace {

UnitStatus status_named(const std::string& name) {
  for (auto status : {UnitStatus::kProved, UnitStatus::kUnverified, UnitStatus::kUnknown, UnitStatus::kCounterexample}) {
    if (name == unit_status_name(status)) return status;
  }
  return UnitStatus::kError;
}

UnitOutcome failed(const std::string& id, const std::string& message) {
  UnitOutcome outcome;
  outcome.status = UnitStatus::kError;
  outcome.line = model::Json{{"id", id}, {"status", "error"}, {"error", message}};
  return outcome;
}

model::Json string_array(const std::vector<std::string>& items) {
  model::Json array = model::Json::array();
  for (const auto& item : items) array.push_back(item);
  return array;
}

// The output line of a unit from its (possibly cached) outcome: the unit's own id and findings
// warnings, the outcome's status, policy and refine warnings.
UnitOutcome line_of(const Unit& unit, const std::string& key, model::Json outcome,
                    const std::vector<std::string>& findings_warnings, bool cache_hit) {
  UnitOutcome result;
  result.status = status_named(outcome.value("status", std::string()));
  result.cache_hit = cache_hit;
  model::Json line = model::Json::object();
  line["id"] = unit.id;
  line["status"] = unit_status_name(result.status);
  line["key"] = key;
  line["strategy"] = outcome.value("strategy", std::string());
  for (const char* field : {"policy", "detach", "reason"}) {
    if (outcome.contains(field)) line[field] = std::move(outcome[field]);  // the policy: moved, not copied
  }
  std::vector<std::string> warnings = findings_warnings;
  if (outcome.contains("warnings")) {
    for (const auto& warning : outcome["warnings"]) warnings.push_back(warning.get<std::string>());
  }
  line["warnings"] = string_array(warnings);
  if (cache_hit) line["cached"] = true;
  result.line = std::move(line);
  return result;
}

}  // namespace

UnitOutcome process_unit(const UnitRead& read, const RunConfig& config) {
  if (!read.unit) return failed(read.id, read.unit.error().message);
  const Unit& unit = *read.unit;
  const std::string strategy_name = unit.strategy.empty() ? config.strategy : unit.strategy;
  auto strategy = engine::make_strategy(strategy_name);
  if (!strategy) return failed(unit.id, strategy.error().message);

  const model::PolicyDocument& original = unit.policy.document;
  const model::UnusedFindings touching = touching_findings(original, unit.findings);
  const std::string touching_text = findings_text(touching);
  const std::string key = unit_key(KeyContext{config.leastpriv_version, config.catalog_sha256,
                                              (*strategy)->configured_name(), config.verification},
                                   unit.policy_text, touching_text);
  const auto warnings = model::findings_warnings(original, unit.findings, *config.catalog);
  if (!config.cache_dir.empty()) {
    if (auto cached = cached_outcome(config.cache_dir, key)) return line_of(unit, key, std::move(*cached), warnings, true);
  }

  const engine::Refinement refinement = engine::refine_policy(original, touching, *config.catalog, **strategy);
  const std::string result_text = model::policy_to_text(refinement.document) + "\n";
  model::Json outcome = model::Json::object();
  outcome["strategy"] = (*strategy)->configured_name();
  outcome["warnings"] = string_array(refinement.warnings);
  CacheEntry entry;
  if (!config.verify) {
    outcome["status"] = unit_status_name(UnitStatus::kUnverified);
  } else {
    // What is proved is what is written: the result's bytes read back.
    auto candidate = model::load_policy_text(result_text, unit.id + " (refined)");
    if (!candidate) return failed(unit.id, "the refined policy does not read back: " + candidate.error().message);
    auto report = verifier::verify_refinement(original, touching, candidate->document, *config.catalog, config.verify_options);
    if (!report) return failed(unit.id, report.error().message);
    const UnitStatus status = report->disagreement                                    ? UnitStatus::kUnknown
                              : report->verdict == verifier::Verdict::kProved         ? UnitStatus::kProved
                              : report->verdict == verifier::Verdict::kCounterexample ? UnitStatus::kCounterexample
                                                                                      : UnitStatus::kUnknown;
    outcome["status"] = unit_status_name(status);
    if (status != UnitStatus::kProved) {
      outcome["reason"] = verifier::report_to_text(*report);
      return line_of(unit, key, std::move(outcome), warnings, false);  // nothing unproved is written as a policy
    }
    if (!config.cache_dir.empty()) {  // the proof a cache entry keeps for check-certificate
      const model::VerificationFiles files{model::InputFile{"original.json", unit.policy_text},
                                           model::InputFile{"findings.json", touching_text},
                                           model::InputFile{"result.json", result_text}, config.catalog_file};
      entry.certificate = model::dump_json(verifier::build_certificate(*report, *config.catalog,
                                                                       verifier::CertificateInputs{files, (*strategy)->configured_name()})) +
                          "\n";
      entry.original = unit.policy_text;
      entry.findings = touching_text;
      entry.result = result_text;
    }
  }
  if (refinement.detach) {
    outcome["detach"] = true;
  } else {
    outcome["policy"] = model::policy_to_json(refinement.document);
  }
  if (!config.cache_dir.empty()) {
    entry.outcome = outcome;
    if (auto stored = store_outcome(config.cache_dir, key, entry); !stored) return failed(unit.id, stored.error().message);
  }
  return line_of(unit, key, std::move(outcome), warnings, false);
}

}  // namespace leastpriv::batch
