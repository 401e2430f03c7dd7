// Printing errors and picking exit codes; see report.h.
#include "cli/report.h"

#include "model/json_text.h"

#include <iostream>

namespace leastpriv::cli {

int report_error(const Error& error) {
  std::cerr << "leastpriv: error: " << error.message << "\n";
  switch (error.kind) {
    case ErrorKind::kBadInput:
    case ErrorKind::kUsage:
    case ErrorKind::kInternal:
      return kExitBadInput;
    case ErrorKind::kSolverUnknown:
      return kExitUnknown;
  }
  return kExitBadInput;
}

void report_warning(const std::string& message) { std::cerr << "leastpriv: warning: " << message << "\n"; }

void report_note(const std::string& message) { std::cerr << "leastpriv: " << message << "\n"; }

Status write_output(const std::string& output_path, const std::string& text) {
  if (output_path.empty() || output_path == "-") {
    std::cout << text;
    std::cout.flush();
    if (!std::cout) return Error{ErrorKind::kInternal, "cannot write to standard output"};
    return Ok{};
  }
  return model::write_file_atomically(output_path, text);
}

}  // namespace leastpriv::cli
