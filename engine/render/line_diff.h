// A unified line diff, for `refine --format diff`: the pretty-printed original against the
// refined policy, `-` for removed lines and `+` for new ones, with three lines of context.
//
// Tested by: tests/unit/line_diff_test.cpp
//
// IMPLEMENTATION: Myers' O((N+M)·D) shortest edit script (E. Myers, "An O(ND) Difference
// Algorithm and Its Variations", 1986), then hunks grouped as GNU diff -u prints them.
// Policies differ in few lines, so D is small even for 10,000-line documents.
#pragma once

#include <string>
#include <string_view>

namespace leastpriv::engine {

std::string unified_diff(std::string_view before, std::string_view after, const std::string& before_name,
                         const std::string& after_name);

}  // namespace leastpriv::engine
