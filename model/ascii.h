// The two text facts every side needs about action names and patterns: ASCII lower-casing
// (IAM matches case-insensitively; non-ASCII patterns are rejected by the readers, so ASCII
// folding is exact), whether a pattern has a wildcard at all, and which characters an action
// pattern may have.
//
// Tested by: tests/unit/ascii_test.cpp
#pragma once

#include <string>
#include <string_view>

namespace leastpriv::model {

std::string to_lower_ascii(std::string_view text);
bool has_wildcard(std::string_view pattern);
// Only printable ASCII (space to `~`): IAM action names have nothing else, and a control
// character or a non-ASCII letter (the Kelvin sign folds to `k` in some tools) is rejected,
// never guessed.
bool is_printable_ascii(std::string_view text);

}  // namespace leastpriv::model
