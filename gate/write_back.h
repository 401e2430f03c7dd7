// The refined policies of a gate run as edits of the template they came from (`gate
// --write-back`, issue 15 item 5): for each unused-access result (LP005) about a policy written
// out in a CloudFormation template, the Action or NotAction lists the refinement changed, to be
// replaced in place by iac::replace_lists. A refinement that removes a statement or detaches the
// policy, a policy that is a JSON string, or a plan is not written back (an error saying why:
// the caller reports it and writes nothing).
//
// Tested by: tests/unit/iac_template_edit_test.cpp, tests/cli/gate_cli_test.cpp
#pragma once

#include "gate/gate_report.h"
#include "iac/found_policy.h"
#include "iac/template_edit.h"
#include "model/result.h"

#include <vector>

namespace leastpriv::gate {

Result<std::vector<iac::ListReplacement>> write_back_edits(const GateReport& report, const iac::PolicySet& policies);

}  // namespace leastpriv::gate
