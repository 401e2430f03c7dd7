// Verification of refine's own result; see refine_verification.h.
#include "cli/refine_verification.h"

#include "cli/report.h"

#include <iostream>

namespace leastpriv::cli {

verifier::VerifyOptions portfolio_options(const Arguments& arguments) {
  verifier::VerifyOptions options;
  if (auto timeout = arguments.number("--timeout")) options.timeout_seconds = options.budget_seconds = *timeout;
  if (auto agreement = arguments.number("--require-agreement")) options.require_agreement = static_cast<int>(*agreement);
  options.use_z3 = !arguments.has("--no-z3");
  options.use_cvc5 = !arguments.has("--no-cvc5");
  options.use_automaton = !arguments.has("--no-automaton");
  // Z3, cvc5 and the automaton decide every query (--solvers-for-ground is that default).
  if (arguments.has("--fast")) options = verifier::fast_options(options);
  options.keep_smtlib = arguments.value("--certificate").has_value();  // the texts only a certificate records
  return options;
}

std::string solver_summary(const verifier::VerificationReport& report) {
  const verifier::SolverCoverage coverage = verifier::solver_coverage(report);
  if (coverage.z3_unsat == coverage.queries && coverage.cvc5_unsat == coverage.queries) {
    return "every one of the " + std::to_string(coverage.queries) + " queries unsat in z3, cvc5 and the automaton";
  }
  return "z3 said unsat to " + std::to_string(coverage.z3_unsat) + " and cvc5 to " + std::to_string(coverage.cvc5_unsat) +
         " of the " + std::to_string(coverage.queries) + " queries";
}

void report_fast_note(const verifier::VerificationReport& report) {
  const verifier::SolverCoverage coverage = verifier::solver_coverage(report);
  report_note("--fast: only the verifier's automaton decided " +
              std::to_string(coverage.queries - coverage.solvers_run) + " of the " + std::to_string(coverage.queries) +
              " queries; Z3 and cvc5 did not confirm them (without --fast they decide every query)");
}

int verify_refined_policy(const model::PolicyDocument& original, const model::UnusedFindings& findings,
                          const model::PolicyDocument& refined, const model::Catalog& catalog,
                          const Arguments& arguments, verifier::VerificationReport& report) {
  verifier::VerifyOptions options;
  // Z3, cvc5 and the verifier's exact automaton decide every query (issue 13); --fast leaves
  // it to the automaton. Every query's SMT-LIB text goes into the certificate for
  // `check-certificate`; without one, texts are made only for the queries Z3 runs.
  const bool fast = arguments.has("--fast");
  if (fast) options = verifier::fast_options(options);
  options.keep_smtlib = arguments.value("--certificate").has_value();
  if (auto timeout = arguments.number("--timeout")) options.timeout_seconds = options.budget_seconds = *timeout;
  auto verified = verifier::verify_refinement(original, findings, refined, catalog, options);
  if (!verified) return report_error(verified.error());
  report = std::move(verified).value();
  const int code = exit_code_for(report);
  if (code == kExitOk) {
    report_note("verified: the result allows exactly the original minus the unused actions (" +
                std::to_string(report.obligations.size()) + " obligations proved" +
                (fast ? std::string(")") : "; " + solver_summary(report) + ")"));
    if (fast) report_fast_note(report);
    return kExitOk;
  }
  std::cerr << verifier::report_to_text(report);
  report_error(Error{code == kExitUnknown ? ErrorKind::kSolverUnknown : ErrorKind::kBadInput,
                     std::string("the refined policy was NOT proved (") + verifier::verdict_name(report.verdict) +
                         "); nothing was written"});
  return code;
}

OutputFile refine_certificate(const verifier::VerificationReport& report, const RefineInputs& inputs,
                              const Arguments& arguments, const std::string& strategy, const std::string& result_text) {
  const verifier::CertificateInputs files{
      model::VerificationFiles{inputs.policy_file, inputs.findings_file, model::InputFile{*arguments.value("-o"), result_text},
                               inputs.catalog_file},
      strategy};
  return OutputFile{"--certificate", *arguments.value("--certificate"), certificate_text(report, inputs.catalog, files)};
}

}  // namespace leastpriv::cli
