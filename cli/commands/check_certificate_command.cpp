// `leastpriv check-certificate CERT [--original P --findings F --result R] [FLAG...]` (flags:
// cli/options.cpp): re-runs every SMT-LIB2 text of a certificate with the `z3` and `cvc5`
// command-line solvers, expecting unsat, and checks the input files' SHA-256 when given.
// Exit 0 all unsat, 1 any sat or hash mismatch, 2 bad input (also a given file that cannot be
// read), 3 unknown or timeout.
//
// Tested by: tests/cli/verify_cli_test.cpp (the binary), tests/unit/verifier_certificate_test.cpp (the library)
#include "cli/arguments.h"
#include "cli/commands/commands.h"
#include "cli/inputs.h"
#include "cli/report.h"
#include "model/json_text.h"
#include "verifier/certificate/certificate.h"

#include <iostream>

namespace leastpriv::cli {

int run_check_certificate(const Words& words) {
  auto arguments = parse_arguments(words, declared_command("check-certificate"));
  if (!arguments) return report_error(arguments.error());
  const std::string path = arguments->positional().front();
  verifier::RecheckOptions options;
  if (auto timeout = arguments->number("--timeout")) options.timeout_seconds = *timeout;
  options.z3_binary = arguments->value("--z3").value_or("z3");
  options.cvc5_binary = arguments->value("--cvc5").value_or("cvc5");
  options.original_path = arguments->value("--original").value_or("");
  options.findings_path = arguments->value("--findings").value_or("");
  options.result_path = arguments->value("--result").value_or("");
  // The re-check would count an unreadable file as a failed hash check (exit 1, after
  // minutes of solving); it is a bad input (exit 2).
  auto readable = check_readable(*arguments, {"--original", "--findings", "--result"});
  if (!readable) return report_error(readable.error());

  auto text = model::read_text_file(path);
  if (!text) return report_error(text.error());
  auto certificate = model::parse_json_text(*text, path);
  if (!certificate) return report_error(certificate.error());
  auto report = verifier::recheck_certificate(*certificate, path, options);
  if (!report) return report_error(report.error());
  std::cout << verifier::recheck_to_text(*report);
  std::cout.flush();
  return exit_code_for(*report);
}

}  // namespace leastpriv::cli
