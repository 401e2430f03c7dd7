// Which results block a change, as a CI gate decides it (the validators' shape: a level
// threshold or named rules, and exceptions): `--fail-on error|warning|note|none|RULE` (default
// `error`; a level blocks results of that level and above, a rule id or name blocks that rule at
// any level) and `--ignore RULE|RESOURCE` (drops the results of a rule, or about a resource:
// its logical id, address or policy key). The outcome maps to the exit codes: pass 0, blocked 1,
// undecided 3 (an `undecided` result that is not ignored, when nothing blocks; never a pass).
//
// Tested by: tests/unit/gate_test.cpp
#pragma once

#include "gate/gate_report.h"
#include "model/result.h"

#include <string>
#include <vector>

namespace leastpriv::gate {

struct GatePolicy {
  std::vector<std::string> fail_on;  // empty: {"error"}
  std::vector<std::string> ignore;
};

enum class GateOutcome { kPass, kBlocked, kNotDecided };
const char* outcome_name(GateOutcome outcome);  // `pass`, `blocked`, `undecided`

// A usage error for a --fail-on value that is no level, `none` or rule.
Status check_gate_policy(const GatePolicy& policy);

// Drops ignored results and marks the blocking ones; returns the outcome.
GateOutcome apply_gate_policy(GateReport& report, const GatePolicy& policy);

}  // namespace leastpriv::gate
