// `leastpriv verify --original P --findings F --result R [--catalog C] [--certificate OUT]
//  [--timeout SECONDS] [--require-agreement N] [--no-cvc5] [--no-z3] [--no-automaton]
//  [--solvers-for-ground] [--fast] [--strategy NAME]`: proves that R is P minus the unused actions of F
// (DESIGN §4), prints a summary on stdout and exits 0 proved / 1 counterexample / 2 bad input /
// 3 unknown or disagreement. R may be any candidate, also a GetFindingRecommendation response.
//
// Tested by: tests/cli (through the binary), tests/unit/verifier_faults_test.cpp (the library)
#include "cli/arguments.h"
#include "cli/commands/commands.h"
#include "cli/inputs.h"
#include "cli/report.h"
#include "model/findings.h"
#include "model/json_text.h"
#include "model/policy_input.h"
#include "verifier/certificate/certificate.h"
#include "verifier/decide/verify.h"

#include <cstdlib>
#include <iostream>

namespace leastpriv::cli {

namespace {

Result<double> parse_positive(const std::string& flag, const std::string& text) {
  char* end = nullptr;
  const double value = std::strtod(text.c_str(), &end);
  if (end == text.c_str() || *end != '\0' || !(value > 0)) {
    return Error{ErrorKind::kUsage, flag + " needs a positive number, got `" + text + "`"};
  }
  return value;
}

}  // namespace

int run_verify(const Words& words) {
  const ArgumentSpec spec{{"--original", "--findings", "--result", "--catalog", "--certificate", "--timeout",
                           "--require-agreement", "--strategy"},
                          {"--no-z3", "--no-cvc5", "--no-automaton", "--solvers-for-ground", "--fast"},
                          0};
  auto arguments = parse_arguments(words, spec);
  if (!arguments) return report_error(arguments.error());
  auto original_path = arguments->required("--original");
  if (!original_path) return report_error(original_path.error());
  auto findings_path = arguments->required("--findings");
  if (!findings_path) return report_error(findings_path.error());
  auto result_path = arguments->required("--result");
  if (!result_path) return report_error(result_path.error());

  verifier::VerifyOptions options;
  if (auto timeout = arguments->value("--timeout")) {
    auto seconds = parse_positive("--timeout", *timeout);
    if (!seconds) return report_error(seconds.error());
    options.timeout_seconds = *seconds;
  }
  if (auto agreement = arguments->value("--require-agreement")) {
    auto count = parse_positive("--require-agreement", *agreement);
    if (!count || *count != static_cast<int>(*count) || *count > 3) {
      return report_error(Error{ErrorKind::kUsage, "--require-agreement needs 1, 2 or 3, got `" + *agreement + "`"});
    }
    options.require_agreement = static_cast<int>(*count);
  }
  options.use_z3 = !arguments->has("--no-z3");
  options.use_cvc5 = !arguments->has("--no-cvc5");
  options.use_automaton = !arguments->has("--no-automaton");
  options.solvers_for_ground = arguments->has("--solvers-for-ground");
  options.solvers_when_decided = !arguments->has("--fast");

  auto catalog = load_catalog(*arguments);
  if (!catalog) return report_error(catalog.error());
  auto original = model::load_policy_file(*original_path);
  if (!original) return report_error(original.error());
  auto findings = model::UnusedFindings::from_file(*findings_path);
  if (!findings) return report_error(findings.error());
  auto result = model::load_policy_file(*result_path);
  if (!result) return report_error(result.error());
  // A DETACH_POLICY recommendation allows nothing: compare against an empty policy.
  model::PolicyDocument result_document = result->detached ? model::PolicyDocument{} : result->document;

  auto report = verifier::verify_refinement(original->document, *findings, result_document, *catalog, options);
  if (!report) return report_error(report.error());
  for (const auto& warning : report->warnings) report_warning(warning);
  report->warnings.clear();
  std::cout << verifier::report_to_text(*report);
  std::cout.flush();

  if (auto certificate_path = arguments->value("--certificate")) {
    verifier::CertificateInputs inputs{*original_path, *findings_path, *result_path,
                                       arguments->value("--catalog").value_or(""),
                                       arguments->value("--strategy").value_or("")};
    auto certificate = verifier::build_certificate(*report, *catalog, inputs);
    if (!certificate) return report_error(certificate.error());
    auto written = model::write_file_atomically(*certificate_path, model::dump_json(*certificate) + "\n");
    if (!written) return report_error(written.error());
    report_note("certificate written to `" + *certificate_path + "`");
  }
  return verifier::report_exit_code(*report);
}

}  // namespace leastpriv::cli
