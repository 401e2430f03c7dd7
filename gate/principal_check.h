// The policies of one principal taken together. A principal's access is the union of its
// policies' Allow statements minus the union of their Deny statements, so a Deny removed from
// one policy can widen what another policy allows, which no policy-by-policy comparison sees.
// For every principal (a role, user or group as the file names it: FoundPolicy::principals)
// whose policies before the change include a Deny, the gate compares the concatenation of all
// its policies before with the concatenation after (verifier::check_no_new_access) and reports a
// new request as LP001 on the line of the entry that grants it, unless that policy already has an
// LP001 result or is new (LP004). Without any Deny before, the per-policy comparisons already cover the union
// (whatever a policy allows after is allowed by its version before, or it is a new policy,
// reported as such), so nothing more is checked. Opaque and unknown policies are left out (they
// are reported on their own).
//
// Tested by: tests/unit/gate_test.cpp (GatePrincipals.*)
#pragma once

#include "gate/gate_report.h"
#include "iac/found_policy.h"
#include "model/catalog.h"
#include "model/result.h"
#include "verifier/decide/verify.h"

namespace leastpriv::gate {

Status check_principals(const iac::PolicySet& current, const iac::PolicySet& before, const model::Catalog& catalog,
                        const verifier::VerifyOptions& options, GateReport& report);

}  // namespace leastpriv::gate
