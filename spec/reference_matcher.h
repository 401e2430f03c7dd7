// The reference matcher: the semantics of spec/SEMANTICS.md written as plainly as possible,
// for tests to compare the engine's matcher, the generalizer and the verifier against.
//
// TEST-ONLY. Never use this in production code: it backtracks, so it is exponential on
// patterns like `*a*a*a*a*b`. Its value is that it is obviously right.
//
// Tested by: tests/unit/reference_matcher_test.cpp (hand-written cases from the AWS docs)
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
