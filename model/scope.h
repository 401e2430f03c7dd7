// A statement's scope: the canonical text of everything that limits which requests it applies
// to (Principal, NotPrincipal, Resource, NotResource, Condition and any field we do not know).
// The verifier gives each distinct scope text one Boolean atom (verifier/encode/obligations.h),
// so two texts must be equal only when the two statements apply to exactly the same requests:
// canonical in meaning where AWS documents the meaning, never coarser (spec/SEMANTICS.md §5,
// rules K1-K5 with the AWS pages they come from).
//
// Tested by: tests/unit/scope_test.cpp
//
// IMPLEMENTATION (TRUSTED: two scopes of different meaning given one text would let a result
// move an action from a restricted statement into a wider one unseen):
// - K1 Resource, NotResource: a string or an array of strings is a set (OR): sorted, no
//   duplicates; `"*"` equals `["*"]`.
// - K2 Principal, NotPrincipal: `"*"` stays `"*"`; an object maps each principal type to a set
//   of values (a string is a set of one). `"*"` and `{"AWS": "*"}` stay apart (finer is sound).
// - K3 Condition: an AND of (operator, context key, value set) triples: operator names as
//   written, context key names lower-cased (AWS: not case-sensitive), each value list a set
//   (OR; a single value is a set of one) of values compared as JSON text (so `"10"` ≠ `10`, and
//   numbers as written: `100000000000000000001` ≠ `100000000000000000000`). Two keys of one
//   operator that differ only in case stay two triples (both must hold).
// - K4 anything else, and any value of an unexpected shape, as its canonical JSON (keys sorted,
//   numbers as written): equal only when equal as JSON.
// - K5 Sid, Effect, Action and NotAction are not part of the scope.
// Object key order never matters (keys sorted). Each field's value is tagged with the rule that
// made it (`["set", …]`, `["principals", …]`, `["conditions", …]`, `["json", …]`), so a value
// written in one shape can never share a text with another canonicalised by another rule.
#pragma once

#include "model/policy.h"

#include <string>

namespace leastpriv::model {

// The scope text of a statement object (as read).
std::string canonical_scope(const Json& statement);

}  // namespace leastpriv::model
