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

std::optional<UnitStatus> unit_status_named(std::string_view name) {
  for (auto status : {UnitStatus::kProved, UnitStatus::kUnverified, UnitStatus::kUnknown, UnitStatus::kCounterexample, UnitStatus::kError}) {
    if (name == unit_status_name(status)) return status;
  }
  return std::nullopt;
}

std::optional<model::Json> RunOutcomes::find(const std::string& key) const {
  const std::lock_guard lock(mutex_);
  const auto found = by_key_.find(key);
  if (found == by_key_.end()) return std::nullopt;
  return found->second;
}

void RunOutcomes::remember(const std::string& key, const model::Json& outcome) {
  if (repeated_keys_.count(key) == 0) return;
  const std::lock_guard lock(mutex_);
  by_key_.emplace(key, outcome);
}

namespace {

UnitStatus unit_status_of(const verifier::VerificationReport& report) {
  switch (verifier::report_verdict(report)) {
    case verifier::Verdict::kProved: return UnitStatus::kProved;
    case verifier::Verdict::kCounterexample: return UnitStatus::kCounterexample;
    case verifier::Verdict::kUnknown: return UnitStatus::kUnknown;
  }
  return UnitStatus::kUnknown;
}

UnitOutcome failed(const std::string& id, const std::string& message) {
  UnitOutcome outcome;
  outcome.status = UnitStatus::kError;
  outcome.line = model::Json{{"id", id}, {"status", "error"}, {"error", message}};
  return outcome;
}

// The output line of a unit from its (possibly cached) outcome: the unit's own id and findings
// warnings, the outcome's status, policy and refine warnings.
UnitOutcome line_of(const Unit& unit, const std::string& key, model::Json outcome,
                    const std::vector<std::string>& findings_warnings, bool cache_hit) {
  UnitOutcome result;
  result.status = unit_status_named(outcome.value("status", std::string())).value_or(UnitStatus::kError);
  result.cache_hit = cache_hit;
  model::Json line = model::Json::object();
  line["id"] = unit.id;
  line["status"] = unit_status_name(result.status);
  line["key"] = key;
  line["strategy"] = outcome.value("strategy", std::string());
  // Only a proved (or, under --no-verify, unverified) result is written as a policy.
  const bool has_result = result.status == UnitStatus::kProved || result.status == UnitStatus::kUnverified;
  for (const char* field : {"policy", "detach", "reason"}) {
    if (std::string_view(field) != "reason" && !has_result) continue;
    if (outcome.contains(field)) line[field] = std::move(outcome[field]);  // the policy: moved, not copied
  }
  std::vector<std::string> warnings = findings_warnings;
  if (outcome.contains("warnings")) {
    for (const auto& warning : outcome["warnings"]) warnings.push_back(warning.get<std::string>());
  }
  line["warnings"] = std::move(warnings);
  if (cache_hit) line["cached"] = true;
  result.line = std::move(line);
  return result;
}

}  // namespace

namespace {

// What a unit's outcome depends on besides the run: its strategy, touching findings and key.
struct KeyedUnit {
  std::unique_ptr<engine::Strategy> strategy;
  model::UnusedFindings touching;
  std::string touching_text;
  std::string key;
};

Result<KeyedUnit> keyed(const Unit& unit, const RunConfig& config) {
  auto strategy = engine::make_strategy(unit.strategy.empty() ? config.strategy : unit.strategy);
  if (!strategy) return strategy.error();
  KeyedUnit keyed;
  keyed.strategy = std::move(strategy).value();
  keyed.touching = touching_findings(unit.policy.document, unit.findings);
  keyed.touching_text = findings_text(keyed.touching);
  keyed.key = unit_key(KeyContext{config.leastpriv_version, config.catalog_sha256, keyed.strategy->configured_name(),
                                  config.verification},
                       unit.policy_text, keyed.touching_text);
  return keyed;
}

}  // namespace

void share_entry_tries(RunConfig& config) {
  if (!config.entry_tries && config.catalog != nullptr) config.entry_tries = std::make_shared<engine::EntryTrieCache>(*config.catalog);
}

std::optional<std::string> current_unit_key(const UnitRead& read, const RunConfig& config) {
  if (!read.unit) return std::nullopt;
  auto unit = keyed(*read.unit, config);
  if (!unit) return std::nullopt;
  return std::move(unit->key);
}

UnitOutcome process_unit(const UnitRead& read, const RunConfig& config) {
  if (!read.unit) return failed(read.id, read.unit.error().message);
  const Unit& unit = *read.unit;
  auto keyed_unit = keyed(unit, config);
  if (!keyed_unit) return failed(unit.id, keyed_unit.error().message);
  const auto& strategy = keyed_unit->strategy;
  const model::UnusedFindings& touching = keyed_unit->touching;
  const std::string& touching_text = keyed_unit->touching_text;
  const std::string& key = keyed_unit->key;

  const model::PolicyDocument& original = unit.policy.document;
  const auto warnings = model::findings_warnings(original, unit.findings, *config.catalog);
  if (config.run_outcomes != nullptr) {
    if (auto earlier = config.run_outcomes->find(key)) {
      UnitOutcome same = line_of(unit, key, std::move(*earlier), warnings, false);
      same.same_as_earlier = true;
      return same;
    }
  }
  if (!config.cache_dir.empty()) {
    if (auto cached = cached_outcome(config.cache_dir, key, config.verify)) return line_of(unit, key, std::move(*cached), warnings, true);
  }

  const engine::Refinement refinement = engine::refine_policy(original, touching, *config.catalog, *strategy, config.entry_tries.get());
  model::Json outcome = model::Json::object();
  outcome["strategy"] = strategy->configured_name();
  outcome["warnings"] = refinement.warnings;
  CacheEntry entry;
  if (!config.verify) {
    outcome["status"] = unit_status_name(UnitStatus::kUnverified);
  } else {
    // What is proved is what is written: the result's bytes read back.
    const std::string result_text = model::policy_to_text(refinement.document) + "\n";
    auto candidate = model::load_policy_text(result_text, unit.id + " (refined)");
    if (!candidate) return failed(unit.id, "the refined policy does not read back: " + candidate.error().message);
    auto report = verifier::verify_refinement(original, touching, candidate->document, *config.catalog, config.verify_options);
    if (!report) return failed(unit.id, report.error().message);
    const UnitStatus status = unit_status_of(*report);
    outcome["status"] = unit_status_name(status);
    if (status != UnitStatus::kProved) {
      outcome["reason"] = verifier::report_to_text(*report);
      if (config.run_outcomes != nullptr) config.run_outcomes->remember(key, outcome);
      return line_of(unit, key, std::move(outcome), warnings, false);  // nothing unproved is written as a policy
    }
    if (!config.cache_dir.empty()) {  // the proof a cache entry keeps for check-certificate
      const model::VerificationFiles files{model::InputFile{"original.json", unit.policy_text},
                                           model::InputFile{"findings.json", touching_text},
                                           model::InputFile{"result.json", result_text}, config.catalog_file};
      entry.certificate = model::dump_json(verifier::build_certificate(*report, *config.catalog,
                                                                       verifier::CertificateInputs{files, strategy->configured_name()})) +
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
  if (config.run_outcomes != nullptr) config.run_outcomes->remember(key, outcome);
  return line_of(unit, key, std::move(outcome), warnings, false);
}

}  // namespace leastpriv::batch
