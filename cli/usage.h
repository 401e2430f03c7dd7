// The help texts, generated from the command table (options.h): `leastpriv --help` (every
// command; also, verbatim, the README's "Command line" block) and `leastpriv COMMAND --help`
// (that command alone). Each shows the synopsis, the purpose, a line per flag and the exit codes.
//
// Tested by: tests/cli/usage_cli_test.cpp (README block = `leastpriv --help`; every flag shown),
// tests/cli/refine_cli_test.cpp (HelpCli)
#pragma once

#include "cli/options.h"

#include <string>

namespace leastpriv::cli {

std::string full_usage();
std::string command_usage(const Command& command);

}  // namespace leastpriv::cli
