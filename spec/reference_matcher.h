// The reference matcher: the semantics of spec/SEMANTICS.md written as plainly as possible,
// for tests to compare the engine's matcher, the generalizer and the verifier against, and for
// the verifier to replay every counterexample through before it believes it. Never used to
// produce a result. Its value is that it is obviously right.
//
// Tested by: tests/unit/reference_matcher_test.cpp (hand-written cases from the AWS docs, and
// the 16-star pattern that made the backtracking version never finish)
//
// IMPLEMENTATION: the definition read as a table: "pattern from i matches action from j" is
// true at the two ends, and a `*` either matches nothing more or takes one more character.
// Filled from the ends, one row of the table at a time: O(|pattern| * |action|) time and
// O(|action|) memory, whatever the stars (backtracking over every way a `*` can end was
// exponential: `*a*a…*a*b` with 16 stars never returned). The literal text before the first
// and after the last `*` is compared directly first, the table built for the middle only.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace leastpriv::spec {

// Does the IAM action pattern match the action? Case-insensitive (ASCII); `*` matches any
// sequence, also empty; `?` matches exactly one character; everything else matches itself.
bool reference_matches(std::string_view pattern, std::string_view action);

// Does a list of patterns match the action (any of them)?
bool reference_matches_any(const std::vector<std::string>& patterns, std::string_view action);

// Is the action allowed by one statement? `Allow` + `Action`: some pattern matches;
// `Allow` + `NotAction`: no pattern matches. (Deny statements allow nothing.)
bool reference_statement_allows(bool is_allow, bool is_not_action, const std::vector<std::string>& patterns,
                                std::string_view action);

}  // namespace leastpriv::spec
