// Blocking rules and exceptions; see gate_policy.h.
#include "gate/gate_policy.h"

#include <algorithm>

namespace leastpriv::gate {

const char* outcome_name(GateOutcome outcome) {
  switch (outcome) {
    case GateOutcome::kPass: return "pass";
    case GateOutcome::kBlocked: return "blocked";
    case GateOutcome::kNotDecided: return "undecided";
  }
  return "undecided";
}

namespace {

int severity(Level level) { return level == Level::kError ? 3 : level == Level::kWarning ? 2 : 1; }

// The level a --fail-on value names, as a threshold (0: `none`), or -1 when it names none.
int threshold(const std::string& value) {
  if (value == "error") return 3;
  if (value == "warning") return 2;
  if (value == "note") return 1;
  if (value == "none") return 0;
  return -1;
}

bool ignored(const GateFinding& finding, const std::vector<std::string>& ignore) {
  const Rule& finding_rule = rule(finding.rule_id);
  return std::any_of(ignore.begin(), ignore.end(), [&](const std::string& entry) {
    const Rule* named = find_rule(entry);
    if (named != nullptr) return named->id == finding_rule.id;
    return entry == finding.location.resource || entry == finding.policy_key;
  });
}

}  // namespace

Status check_gate_policy(const GatePolicy& policy) {
  for (const auto& value : policy.fail_on) {
    if (threshold(value) < 0 && find_rule(value) == nullptr) {
      return Error{ErrorKind::kUsage, "--fail-on `" + value + "`: expected error, warning, note, none or a rule (LP001..LP006 "
                                      "or its name)"};
    }
  }
  return Ok{};
}

GateOutcome apply_gate_policy(GateReport& report, const GatePolicy& policy) {
  const std::vector<std::string> fail_on = policy.fail_on.empty() ? std::vector<std::string>{"error"} : policy.fail_on;
  int level_threshold = 4;  // nothing blocks by level until a level is named
  for (const auto& value : fail_on) {
    if (const int named = threshold(value); named >= 0) level_threshold = std::min(level_threshold, named == 0 ? 4 : named);
  }
  auto& findings = report.findings;
  findings.erase(std::remove_if(findings.begin(), findings.end(),
                                [&](const GateFinding& finding) { return ignored(finding, policy.ignore); }),
                 findings.end());
  bool blocked = false;
  bool undecided = false;
  for (auto& finding : findings) {
    if (finding.rule_id == kUndecided) {
      undecided = true;
      continue;  // never blocking, never a pass
    }
    const bool by_rule = std::any_of(fail_on.begin(), fail_on.end(), [&](const std::string& value) {
      const Rule* named = find_rule(value);
      return named != nullptr && named->id == finding.rule_id;
    });
    finding.blocking = by_rule || severity(finding.level) >= level_threshold;
    blocked = blocked || finding.blocking;
  }
  if (blocked) return GateOutcome::kBlocked;
  return undecided ? GateOutcome::kNotDecided : GateOutcome::kPass;
}

}  // namespace leastpriv::gate
