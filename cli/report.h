// The one place that prints errors and turns them into exit codes (STYLE.md: library code
// returns Result<T>; only cli/ prints).
#pragma once

#include "model/result.h"

#include <string>

namespace leastpriv::cli {

constexpr int kExitOk = 0;
constexpr int kExitVerificationFailed = 1;
constexpr int kExitBadInput = 2;
constexpr int kExitUnknown = 3;

// Prints `leastpriv: error: MESSAGE` on stderr and returns the exit code for its kind.
int report_error(const Error& error);
// Prints `leastpriv: warning: MESSAGE` on stderr.
void report_warning(const std::string& message);
// Prints `leastpriv: MESSAGE` on stderr.
void report_note(const std::string& message);

// Writes `text` to `-o PATH` atomically, or to stdout when no path is given.
Status write_output(const std::string& output_path, const std::string& text);

}  // namespace leastpriv::cli
