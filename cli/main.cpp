// leastpriv: removes unused permissions from AWS IAM policies and proves it removed exactly
// those. This file dispatches to the commands, answers --help from the command table
// (cli/options.cpp) and is the boundary where any exception a library let slip is caught and
// reported (exit 2), never shown as a crash.
//
// Tested by: tests/cli/usage_cli_test.cpp, tests/cli/refine_cli_test.cpp (HelpCli, VersionCli)
#include "cli/commands/commands.h"
#include "cli/options.h"
#include "cli/report.h"
#include "cli/usage.h"
#include "support/interrupt_cleanup.h"

#include <algorithm>
#include <exception>
#include <iostream>
#include <string>

namespace {

// `leastpriv COMMAND --help` (or -h anywhere after the command): that command's usage alone.
bool asks_for_help(const leastpriv::cli::Words& words) {
  return std::any_of(words.begin(), words.end(), [](const std::string& word) { return word == "--help" || word == "-h"; });
}

int dispatch(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << leastpriv::cli::full_usage();
    return leastpriv::cli::kExitBadInput;
  }
  const std::string command = argv[1];
  const leastpriv::cli::Words words(argv + 2, argv + argc);
  if (asks_for_help(words)) {
    if (const auto* declared = leastpriv::cli::find_command(command)) {
      std::cout << leastpriv::cli::command_usage(*declared);
      return leastpriv::cli::kExitOk;
    }
  }
  if (command == "refine") return leastpriv::cli::run_refine(words);
  if (command == "verify") return leastpriv::cli::run_verify(words);
  if (command == "check-certificate") return leastpriv::cli::run_check_certificate(words);
  if (command == "compare") return leastpriv::cli::run_compare(words);
  if (command == "explain") return leastpriv::cli::run_explain(words);
  if (command == "catalog") return leastpriv::cli::run_catalog(words);
  if (command == "--version" || command == "version") return leastpriv::cli::run_version();
  if (command == "--help" || command == "-h" || command == "help") {
    std::cout << leastpriv::cli::full_usage();
    return leastpriv::cli::kExitOk;
  }
  std::cerr << "leastpriv: error: unknown command `" << command << "`\n" << leastpriv::cli::full_usage();
  return leastpriv::cli::kExitBadInput;
}

}  // namespace

int main(int argc, char** argv) {
  leastpriv::support::install_interrupt_cleanup();
  try {
    return dispatch(argc, argv);
  } catch (const std::exception& e) {
    return leastpriv::cli::report_error(leastpriv::Error{leastpriv::ErrorKind::kInternal, std::string("internal error: ") + e.what()});
  }
}
