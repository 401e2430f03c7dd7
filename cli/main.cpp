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

#include <exception>
#include <iostream>
#include <string>

namespace {

// `leastpriv COMMAND --help` (or -h anywhere after the command, except as a flag's value, as in
// `explain --entry -h`): that command's usage alone.
bool asks_for_help(const leastpriv::cli::Command& command, const leastpriv::cli::Words& words) {
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (words[i] == "--help" || words[i] == "-h") return true;
    const auto* flag = leastpriv::cli::find_flag(command, words[i]);
    if (flag != nullptr && flag->kind != leastpriv::cli::FlagKind::kSwitch) ++i;  // its value
  }
  return false;
}

int dispatch(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << leastpriv::cli::full_usage();
    return leastpriv::cli::kExitBadInput;
  }
  const std::string name = argv[1];
  const leastpriv::cli::Words words(argv + 2, argv + argc);
  if (const auto* command = leastpriv::cli::find_command(name)) {
    if (asks_for_help(*command, words)) {
      std::cout << leastpriv::cli::command_usage(*command);
      return leastpriv::cli::kExitOk;
    }
    return command->run(words);
  }
  if (name == "--version" || name == "version") return leastpriv::cli::run_version();
  if (name == "--help" || name == "-h" || name == "help") {
    std::cout << leastpriv::cli::full_usage();
    return leastpriv::cli::kExitOk;
  }
  std::cerr << "leastpriv: error: unknown command `" << name << "`\n" << leastpriv::cli::full_usage();
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
