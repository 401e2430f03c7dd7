// leastpriv: removes unused permissions from AWS IAM policies and proves it removed exactly
// those. This file dispatches to the commands and is the boundary where any exception a
// library let slip is caught and reported (exit 2), never shown as a crash.
#include "cli/commands/commands.h"
#include "cli/report.h"

#include <algorithm>
#include <exception>
#include <iostream>
#include <sstream>
#include <string>

namespace {

constexpr const char* kUsage = R"(usage:
  leastpriv refine  --policy P.json --findings F.json [--catalog C] [--strategy aws] [--format policy|diff|recommendation] [--no-verify | --full-portfolio] [--certificate CERT.json] [--timeout SECONDS] [-o OUT]
  leastpriv verify  --original P.json --findings F.json --result R.json [--catalog C] [--certificate CERT.json] [--timeout SECONDS] [--require-agreement N]
  leastpriv check-certificate CERT.json [--original P.json --findings F.json --result R.json]
  leastpriv compare --policy P.json --findings F.json [--catalog C] [--newer-catalog C2] [--format table|json|csv]
  leastpriv explain --policy P.json --findings F.json [--catalog C] [--entry PATTERN] [--format text|dot|svg]
  leastpriv catalog [PATTERN] [--catalog C]
  leastpriv --version
exit codes: 0 done/proved, 1 verification failed, 2 bad input or usage, 3 solver unknown or timeout
)";

// `leastpriv COMMAND --help`: that command's usage line and the exit codes, on stdout.
bool asks_for_help(const leastpriv::cli::Words& words) {
  return std::any_of(words.begin(), words.end(), [](const std::string& word) { return word == "--help" || word == "-h"; });
}

// Empty when `command` is not one of ours.
std::string usage_of(const std::string& command) {
  std::istringstream lines(kUsage);
  std::string usage;
  std::string exit_codes;
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("  leastpriv " + command + " ", 0) == 0) usage += line + "\n";
    if (line.rfind("exit codes:", 0) == 0) exit_codes = line + "\n";
  }
  return usage.empty() ? std::string() : "usage:\n" + usage + exit_codes;
}

int dispatch(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << kUsage;
    return leastpriv::cli::kExitBadInput;
  }
  const std::string command = argv[1];
  const leastpriv::cli::Words words(argv + 2, argv + argc);
  if (asks_for_help(words)) {
    const std::string usage = usage_of(command);
    if (!usage.empty()) {
      std::cout << usage;
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
    std::cout << kUsage;
    return leastpriv::cli::kExitOk;
  }
  std::cerr << "leastpriv: error: unknown command `" << command << "`\n" << kUsage;
  return leastpriv::cli::kExitBadInput;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return dispatch(argc, argv);
  } catch (const std::exception& e) {
    return leastpriv::cli::report_error(leastpriv::Error{leastpriv::ErrorKind::kInternal, std::string("internal error: ") + e.what()});
  }
}
