// What is odd about a set of findings for a given policy: unused actions the catalog does not
// know, unused actions the original does not allow at all (findings for another policy, or an
// older version of it?) and unused services the catalog does not know. Warnings only: none of
// them changes what is removed or what is proved. `refine` and `verify` both print these.
//
// Tested by: tests/unit/findings_warnings_test.cpp, tests/unit/aws_strategy_test.cpp (through refine)
//
// IMPLEMENTATION: "allows" is the reference matcher's (spec/), so the engine and the verifier
// warn about the same things; an Allow+Action pattern is tried only on the unused actions that
// start with its literal prefix (findings × patterns asked pair by pair was most of refine's
// time on large policies).
#pragma once

#include "model/catalog.h"
#include "model/findings.h"
#include "model/policy.h"

#include <string>
#include <vector>

namespace leastpriv::model {

// At most one warning of each kind, naming up to ten actions and counting the rest.
std::vector<std::string> findings_warnings(const PolicyDocument& original, const UnusedFindings& findings,
                                           const Catalog& catalog);

}  // namespace leastpriv::model
