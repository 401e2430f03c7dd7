// When one statement's scope implies another's: every request the first applies to, the second
// applies to as well. Scopes are otherwise opaque atoms (model/scope.h); this is the one relation
// between atoms the policy comparison uses, so that narrowing a Resource is no new access.
//
// Tested by: tests/unit/no_new_access_test.cpp (ScopeImplication.*)
//
// IMPLEMENTATION (TRUSTED: an implication that does not hold would let a candidate statement
// borrow a reference statement's permission for requests it does not cover):
// s implies t when everything but Resource / NotResource is the same (equal canonical scope
// texts of the statements without those two keys) and
//   - both have Resource and each glob of s's is included in some glob of t's, or
//   - both have NotResource and each glob of t's is included in some glob of s's
//     (r ∉ NR_s ⇒ r ∉ NR_t when NR_t ⊆ NR_s).
// Glob inclusion here is the symbolic test "t's glob matches s's glob read as text where t's
// `*` may take any run of s's symbols (also `*` and `?`) and t's `?` one character or `?`";
// literal characters must be equal as written (case-sensitive). It is sound under both
// case-sensitive and case-insensitive matching and under `*` crossing `:`, and incomplete
// (`?*` ⊆ `*?` holds but is not found): unsure means no implication, which only makes the
// check stricter. A glob with a policy variable (`$`) is included only in an identical glob
// or in `*`. Resource and NotResource against each other: never (conservative).
#pragma once

#include "model/policy.h"

#include <string>

namespace leastpriv::verifier {

// Whether every string matching glob `narrow` matches glob `wide` (the symbolic test above).
bool resource_glob_included(const std::string& narrow, const std::string& wide);

// Everything that limits a statement but its Resource and NotResource: the canonical scope
// text (model/scope.h) of the statement without those two keys.
std::string scope_without_resources(const model::Json& statement);

// Whether statement `narrow`'s scope implies statement `wide`'s (see above). Statements with
// equal scope texts imply each other; this is for different ones.
bool scope_implies(const model::Json& narrow, const model::Json& wide);

}  // namespace leastpriv::verifier
