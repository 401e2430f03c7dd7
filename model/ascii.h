// The two text facts every side needs about action names and patterns: ASCII lower-casing
// (IAM matches case-insensitively; non-ASCII patterns are rejected by the readers, so ASCII
// folding is exact) and whether a pattern has a wildcard at all.
//
// Tested by: tests/unit/ascii_test.cpp
#pragma once

#include <string>
#include <string_view>

namespace leastpriv::model {

std::string to_lower_ascii(std::string_view text);
bool has_wildcard(std::string_view pattern);

}  // namespace leastpriv::model
