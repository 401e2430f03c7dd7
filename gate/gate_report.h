// What a gate run found: every policy it checked (for JUnit's test cases and the summary) and
// every result, each tied to a rule, a file, a line and the policy it is about. The formats
// (sarif_report.h, junit_report.h, plain_reports.h) only render this.
//
// Tested by: tests/unit/gate_test.cpp, tests/cli/gate_cli_test.cpp
#pragma once

#include "gate/rules.h"
#include "iac/found_policy.h"
#include "model/policy.h"

#include <string>
#include <vector>

namespace leastpriv::gate {

struct GateFinding {
  std::string rule_id;
  Level level = Level::kError;
  std::string message;
  std::string policy_key;
  iac::PolicyLocation location;  // the policy's; `pointer` and `line` below are the value at fault
  std::string pointer;           // JSON pointer in the file (into the document even when it was text)
  int line = 1;
  // What identifies the result across runs, lines aside (SARIF partialFingerprints): the rule,
  // the policy, the statement (Sid, else index) and the entry at fault.
  std::string fingerprint;
  model::Json properties = model::Json::object();
  bool blocking = false;  // set by apply_gate_policy
};

// One policy as the gate saw it.
struct CheckedPolicy {
  std::string key;
  iac::PolicyLocation location;
  // `no-new-access`, `new-access`, `new-policy`, `opaque`, `unknown-value`, `undecided`, `read`
  // (nothing to compare with), plus `; refined` when findings made a proved refinement.
  std::string outcome;
};

struct GateReport {
  std::string file;            // the template, plan or policy checked
  std::string reference_file;  // what it was compared with: `--before`, or a plan's own before versions; empty when nothing
  std::vector<CheckedPolicy> policies;
  std::vector<GateFinding> findings;
  std::vector<std::string> warnings;  // about the inputs (findings naming actions no catalog knows, ...)
};

}  // namespace leastpriv::gate
