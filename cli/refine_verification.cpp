// Verification of refine's own result; see refine_verification.h.
#include "cli/refine_verification.h"

#include "cli/report.h"

#include <iostream>

namespace leastpriv::cli {

int verify_refined_policy(const model::PolicyDocument& original, const model::UnusedFindings& findings,
                          const model::PolicyDocument& refined, const model::Catalog& catalog,
                          const Arguments& arguments, verifier::VerificationReport& report) {
  verifier::VerifyOptions options;
  // refine decides each query with the verifier's exact automaton first and consults Z3 and
  // cvc5 only where it cannot decide, unless --full-portfolio asks them to confirm every query
  // (minutes instead of seconds on large policies: verifier/decide/verify.h has the measurements).
  // Either way every query's SMT-LIB text goes into the certificate for `check-certificate`;
  // without one, the texts are not made at all.
  options.solvers_when_decided = arguments.has("--full-portfolio");
  options.keep_smtlib = arguments.value("--certificate").has_value();
  if (auto timeout = arguments.number("--timeout")) options.timeout_seconds = options.budget_seconds = *timeout;
  auto verified = verifier::verify_refinement(original, findings, refined, catalog, options);
  if (!verified) return report_error(verified.error());
  report = std::move(verified).value();
  const int code = exit_code_for(report);
  if (code == kExitOk) {
    report_note("verified: the result allows exactly the original minus the unused actions (" +
                std::to_string(report.obligations.size()) + " obligations proved" +
                (options.solvers_when_decided ? ", every one confirmed by Z3 and cvc5 where they answered"
                                              : "; add --full-portfolio to have Z3 and cvc5 confirm each") +
                ")");
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
  const verifier::CertificateInputs files{inputs.policy_file, inputs.findings_file,
                                          model::InputFile{*arguments.value("-o"), result_text}, inputs.catalog_file,
                                          strategy};
  return OutputFile{"--certificate", *arguments.value("--certificate"), certificate_text(report, inputs.catalog, files)};
}

}  // namespace leastpriv::cli
