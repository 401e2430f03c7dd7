// Numbers as users write them on the command line and in strategy names: the one strict
// reading the project has. The whole text must be the number (no blanks, sign, exponent, hex,
// `inf` or `nan`), so `--timeout 5s` or `bounded:1e3` is refused instead of half read.
//
// Tested by: tests/unit/number_text_test.cpp, tests/cli/usage_cli_test.cpp (through the flags)
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace leastpriv::support {

// `60`, `0.5`, `1.25`: digits with at most one `.` between digits.
std::optional<double> parse_decimal(std::string_view text);

// `12`: digits only, at most 18 of them (so it always fits).
std::optional<std::uint64_t> parse_whole_number(std::string_view text);

}  // namespace leastpriv::support
