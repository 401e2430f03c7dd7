// `leastpriv check-certificate CERT [--original P --findings F --result R] [--timeout SECONDS]
//  [--z3 PATH] [--cvc5 PATH]`: re-runs every SMT-LIB2 text of a certificate with the `z3` and
// `cvc5` command-line solvers, expecting unsat, and checks the input files' SHA-256 when given.
// Exit 0 all unsat, 1 any sat or hash mismatch, 2 bad input, 3 unknown or timeout.
//
// Tested by: tests/unit/verifier_certificate_test.cpp (the library), tests/cli (the binary)
#include "cli/arguments.h"
#include "cli/commands/commands.h"
#include "cli/report.h"
#include "model/json_text.h"
#include "verifier/certificate/certificate.h"

#include <cstdlib>
#include <iostream>

namespace leastpriv::cli {

int run_check_certificate(const Words& words) {
  const ArgumentSpec spec{{"--original", "--findings", "--result", "--timeout", "--z3", "--cvc5"}, {}, 1};
  auto arguments = parse_arguments(words, spec);
  if (!arguments) return report_error(arguments.error());
  if (arguments->positional.size() != 1) {
    return report_error(Error{ErrorKind::kUsage, "check-certificate needs the certificate file"});
  }
  const std::string path = arguments->positional.front();
  verifier::RecheckOptions options;
  if (auto timeout = arguments->value("--timeout")) {
    char* end = nullptr;
    options.timeout_seconds = std::strtod(timeout->c_str(), &end);
    if (end == timeout->c_str() || *end != '\0' || !(options.timeout_seconds > 0)) {
      return report_error(Error{ErrorKind::kUsage, "--timeout needs a positive number, got `" + *timeout + "`"});
    }
  }
  options.z3_binary = arguments->value("--z3").value_or("z3");
  options.cvc5_binary = arguments->value("--cvc5").value_or("cvc5");
  options.original_path = arguments->value("--original").value_or("");
  options.findings_path = arguments->value("--findings").value_or("");
  options.result_path = arguments->value("--result").value_or("");

  auto text = model::read_text_file(path);
  if (!text) return report_error(text.error());
  auto certificate = model::parse_json_text(*text, path);
  if (!certificate) return report_error(certificate.error());
  auto report = verifier::recheck_certificate(*certificate, path, options);
  if (!report) return report_error(report.error());
  std::cout << verifier::recheck_to_text(*report);
  std::cout.flush();
  return verifier::recheck_exit_code(*report);
}

}  // namespace leastpriv::cli
