// `leastpriv check-certificate CERT --original P --findings F --result R [FLAG...]` (flags:
// cli/options.cpp): checks a certificate against its inputs (verifier/certificate/recheck.h):
// the files' SHA-256, the catalog's, every obligation rebuilt from those bytes and compared
// with the certificate's text, then every text re-run with the solvers of --solvers (default the
// `z3` and `cvc5` command-line solvers; opt-in z3-wasm, Node.js and npm z3-solver), expecting
// exactly `unsat` from each; a solver that is missing answers `error: …` for every text, so the
// certificate is not re-checked (exit 3). Exit 0 all hold, 1 the certificate does not belong to
// the files or a solver says sat, 2 bad input (also a missing input file, or none of the three
// without --queries-only), 3 unknown or timeout.
//
// Tested by: tests/unit/certificate_tamper_test.cpp, tests/cli/verify_cli_test.cpp (the binary),
// tests/unit/verifier_certificate_test.cpp (the library)
#include "cli/arguments.h"
#include "cli/commands/commands.h"
#include "cli/inputs.h"
#include "cli/report.h"
#include "model/json_text.h"
#include "verifier/certificate/access_certificate.h"
#include "verifier/certificate/recheck.h"

#include <algorithm>
#include <iostream>

namespace leastpriv::cli {

namespace {

// The three input files (and the catalog when given), each read once: the recheck hashes and
// parses these very bytes. None of them with --queries-only.
Result<std::optional<model::VerificationFiles>> read_subject(const Arguments& arguments) {
  const int given = (arguments.value("--original") ? 1 : 0) + (arguments.value("--findings") ? 1 : 0) +
                    (arguments.value("--result") ? 1 : 0);
  if (arguments.has("--queries-only")) {
    if (given > 0 || arguments.value("--catalog")) {
      return Error{ErrorKind::kUsage, "--queries-only re-runs the texts alone: it takes no --original, --findings, "
                                      "--result or --catalog"};
    }
    return std::optional<model::VerificationFiles>{};
  }
  if (given < 3) {
    return Error{ErrorKind::kUsage,
                 "a certificate can only be checked against its inputs: give --original, --findings and --result "
                 "(and --catalog when it was made with one); --queries-only re-runs the texts alone, bound to no policy"};
  }
  auto files = read_verification_files(arguments);
  if (!files) return files.error();
  return std::optional<model::VerificationFiles>{std::move(files).value()};
}

// --solvers: z3, cvc5, z3-wasm, comma-separated, each at most once.
Result<std::vector<verifier::RecheckSolver>> solvers_named(const std::string& value) {
  auto names = comma_separated("--solvers", value);
  if (!names) return names.error();
  std::vector<verifier::RecheckSolver> solvers;
  for (const auto& name : *names) {
    const auto solver = verifier::recheck_solver_named(name);
    if (!solver) return Error{ErrorKind::kUsage, "--solvers: `" + name + "` is not a solver (z3, cvc5, z3-wasm, comma-separated)"};
    if (std::find(solvers.begin(), solvers.end(), *solver) != solvers.end()) {
      return Error{ErrorKind::kUsage, "--solvers: `" + name + "` is named twice"};
    }
    solvers.push_back(*solver);
  }
  return solvers;
}

// A comparison's certificate (check-no-new-access): against --candidate, --reference and
// --access-not-granted as it was made with, or nothing with --queries-only.
Result<verifier::RecheckReport> recheck_comparison(const Arguments& arguments, const model::Json& certificate,
                                                   const std::string& path, const verifier::RecheckOptions& options) {
  if (arguments.value("--original") || arguments.value("--findings") || arguments.value("--result")) {
    return Error{ErrorKind::kUsage, "`" + path + "` is a check-no-new-access certificate: give --candidate (and "
                                    "--reference / --access-not-granted as it was made), not --original, --findings, --result"};
  }
  if (arguments.has("--queries-only")) {
    if (arguments.value("--candidate") || arguments.value("--reference") || arguments.value("--catalog")) {
      return Error{ErrorKind::kUsage, "--queries-only re-runs the texts alone: it takes no input files"};
    }
    return verifier::recheck_access_certificate(certificate, path, std::nullopt, options);
  }
  if (!arguments.value("--candidate")) {
    return Error{ErrorKind::kUsage, "a certificate can only be checked against its inputs: give --candidate, and "
                                    "--reference and --access-not-granted as it was made"};
  }
  auto files = read_access_check_files(arguments);
  if (!files) return files.error();
  return verifier::recheck_access_certificate(certificate, path, std::move(files).value(), options);
}

}  // namespace

int run_check_certificate(const Words& words) {
  auto arguments = parse_arguments(words, declared_command("check-certificate"));
  if (!arguments) return report_error(arguments.error());
  const std::string path = arguments->positional().front();
  verifier::RecheckOptions options;
  if (auto solvers = arguments->value("--solvers")) {
    auto parsed = solvers_named(*solvers);
    if (!parsed) return report_error(parsed.error());
    options.solvers = std::move(parsed).value();
  }
  const bool wasm = std::find(options.solvers.begin(), options.solvers.end(), verifier::RecheckSolver::kZ3Wasm) !=
                    options.solvers.end();
  if (!wasm && (arguments->value("--node") || arguments->value("--z3-wasm"))) {
    return report_error(Error{ErrorKind::kUsage, "--node and --z3-wasm say how to run z3-wasm: name it in --solvers "
                                                 "(for example --solvers z3,cvc5,z3-wasm)"});
  }
  if (auto timeout = arguments->number("--timeout")) options.timeout_seconds = *timeout;
  options.z3_binary = arguments->value("--z3").value_or("z3");
  options.cvc5_binary = arguments->value("--cvc5").value_or("cvc5");
  if (auto node = arguments->value("--node")) options.z3_wasm_command.front() = *node;
  if (auto script = arguments->value("--z3-wasm")) options.z3_wasm_command.back() = *script;
  if (auto threads = arguments->number("--threads")) options.threads = static_cast<unsigned>(*threads);
  auto text = model::read_text_file(path);
  if (!text) return report_error(text.error());
  auto certificate = model::parse_json_text(*text, path);
  if (!certificate) return report_error(certificate.error());
  if (verifier::is_access_certificate(*certificate)) {
    if (arguments->has("--queries-only")) report_warning("--queries-only: nothing ties the certificate's texts to any policy");
    auto report = recheck_comparison(*arguments, *certificate, path, options);
    if (!report) return report_error(report.error());
    std::cout << verifier::recheck_to_text(*report);
    std::cout.flush();
    return exit_code_for(*report);
  }
  if (arguments->value("--candidate") || arguments->value("--reference") || !arguments->values("--access-not-granted").empty()) {
    return report_error(Error{ErrorKind::kUsage, "`" + path + "` is a refinement's certificate: give --original, "
                                                 "--findings and --result, not --candidate, --reference, --access-not-granted"});
  }
  auto subject = read_subject(*arguments);
  if (!subject) return report_error(subject.error());
  if (!*subject) report_warning("--queries-only: nothing ties the certificate's texts to any policy");
  auto report = verifier::recheck_certificate(*certificate, path, *subject, options);
  if (!report) return report_error(report.error());
  std::cout << verifier::recheck_to_text(*report);
  std::cout.flush();
  return exit_code_for(*report);
}

}  // namespace leastpriv::cli
