// A gate report as SARIF 2.1.0 (OASIS), the format GitHub code scanning reads: one run, the
// rules table (tool.driver.rules), one result per finding with its level, a physical location
// (the file as given, relative to the repository root, and the line) that code scanning shows
// on that line, the policy as a logical location, and partialFingerprints that stay the same
// when lines move (so an alert is tracked across commits, not re-opened).
//
// Tested by: tests/cli/gate_cli_test.cpp (validated against spec/sarif-schema-2.1.0.json),
// tests/golden/ci_example_golden_test.cpp
#pragma once

#include "gate/gate_policy.h"
#include "gate/gate_report.h"
#include "model/policy.h"

#include <string>

namespace leastpriv::gate {

model::Json sarif_report(const GateReport& report, GateOutcome outcome, const std::string& tool_version);

// The file as a SARIF artifact URI: a relative path with `/` separators and no leading `./`
// (resolved against %SRCROOT%, the checkout), or `file://` + an absolute path.
std::string artifact_uri(const std::string& path);

}  // namespace leastpriv::gate
