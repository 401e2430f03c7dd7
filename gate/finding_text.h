// How a gate result names what it is about: the policy (`AppRole` policy `app`), a statement
// (its Sid, else its index), the Action entry that grants a request, and the finding itself with
// its file pointer, line and fingerprint. Shared by the per-policy and per-principal checks.
//
// Tested by: tests/unit/gate_test.cpp, tests/cli/gate_cli_test.cpp
#pragma once

#include "gate/gate_report.h"
#include "iac/found_policy.h"
#include "model/policy.h"

#include <string>

namespace leastpriv::gate {

std::string policy_label(const iac::FoundPolicy& policy);
std::string statement_label(const model::Statement& statement, std::size_t index);

// A result of `rule_id` about `policy`, at `document_pointer` inside its document;
// `fingerprint_detail` (with the rule and the policy key) identifies it across runs.
GateFinding finding_for(const std::string& rule_id, const iac::FoundPolicy& policy, const std::string& document_pointer,
                        std::string message, const std::string& fingerprint_detail);

// The pointer (inside the document) of what grants `lower_action` in the statement at
// `statement_pointer`: the first Action entry that matches it, or the NotAction list; `entry`
// gets that entry's text (or `NotAction`).
std::string granting_pointer(const model::Statement& statement, const std::string& statement_pointer,
                             const std::string& lower_action, std::string& entry);

}  // namespace leastpriv::gate
