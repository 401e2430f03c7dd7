// A gate report as JSON (for scripts: every policy and result with its rule, level, blocking,
// file, line, pointer and properties) and as text (one `FILE:LINE: LEVEL RULE name: message`
// line per result, then a summary line), the two formats that are not a CI standard.
//
// Tested by: tests/cli/gate_cli_test.cpp, tests/golden/ci_example_golden_test.cpp
#pragma once

#include "gate/gate_policy.h"
#include "gate/gate_report.h"
#include "model/policy.h"

#include <string>

namespace leastpriv::gate {

model::Json json_report(const GateReport& report, GateOutcome outcome);
std::string text_report(const GateReport& report, GateOutcome outcome);

}  // namespace leastpriv::gate
