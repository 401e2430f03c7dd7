// A refined managed policy that is over IAM's 6,144 characters even as `bounded` (entries no
// unused action touches are kept as written, so no strategy can shorten them) split into
// several managed policies, each within the limit (issue 14 item 3): attached together they
// grant exactly what the one policy grants, and account_run.cpp verifies the set as one
// document — the parts' statements in order — before any part is written.
//
// Tested by: tests/unit/account_plan_test.cpp (AccountRun.*Split*)
//
// IMPLEMENTATION: a statement over the limit on its own is split by its Action list into
// statements with the same Effect, Resource, Condition (an Allow or a Deny of a list is the
// union of its parts'; a NotAction statement cannot be split so, and then there is no split);
// the statements are then packed in order, a new part when the next does not fit (next fit), so
// the parts' statements in order are the document's, which is what the verifier is given. A
// split statement's parts get `Sid`s with a number appended (Sids are unique within a policy).
#pragma once

#include "model/policy.h"

#include <cstddef>
#include <optional>
#include <vector>

namespace leastpriv::account {

// The parts, each within `limit` non-whitespace characters; nullopt when some statement cannot
// be brought within it.
std::optional<std::vector<model::PolicyDocument>> split_to_fit(const model::PolicyDocument& document, std::size_t limit);

// The parts' statements in order, as one document (what the verifier proves).
model::PolicyDocument joined(const std::vector<model::PolicyDocument>& parts);

}  // namespace leastpriv::account
