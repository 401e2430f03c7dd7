// One gate run: every policy of the current version checked.
// - a value not known until apply, or an intrinsic where actions are decided: reported (LP003,
//   LP002), never guessed;
// - with a version before (a `--before` file, or a plan's own resource_changes): matched by key;
//   a policy with none is new (LP004); otherwise verifier::check_no_new_access proves it allows
//   nothing its version before does not, or reports each new request (LP001) on the line of the
//   Action entry (or NotAction) of the statement that grants it; an undecided check is LP006;
//   a policy whose document text is unchanged is not sent to the solvers; then each principal's
//   policies together (principal_check.h: a Deny removed from one policy can widen another);
// - with findings for the policy (all policies, or those of a principal): refined as `refine`
//   does, the result proved as `refine` proves it (verify_refinement), and the proved policy
//   reported (LP005); a refinement not proved is LP006.
//
// Tested by: tests/unit/gate_test.cpp, tests/cli/gate_cli_test.cpp, tests/golden/ci_example_golden_test.cpp
#pragma once

#include "gate/gate_report.h"
#include "iac/found_policy.h"
#include "model/catalog.h"
#include "model/findings.h"
#include "model/result.h"
#include "verifier/decide/verify.h"

#include <optional>
#include <string>
#include <vector>

namespace leastpriv::gate {

// Findings and whom they are about: `principal` empty applies them to every policy; else to the
// policies of that resource or principal (a logical id, address, role name or policy key).
struct FindingsBinding {
  std::string principal;
  std::string file;
  model::UnusedFindings findings;
};

struct GateOptions {
  verifier::VerifyOptions verify;
  std::string strategy = "aws";
};

Result<GateReport> run_gate(const iac::PolicySet& current, const std::optional<iac::PolicySet>& before,
                            const std::vector<FindingsBinding>& findings, const model::Catalog& catalog,
                            const GateOptions& options);

}  // namespace leastpriv::gate
