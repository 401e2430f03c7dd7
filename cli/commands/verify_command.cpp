// `leastpriv verify --original P --findings F --result R [FLAG...]` (flags: cli/options.cpp):
// proves that R is P minus the unused actions of F (DESIGN §4), prints a summary on stdout and
// (`--format json`: the report as JSON, verifier/certificate/certificate.h report_to_json) and
// exits 0 proved / 1 counterexample / 2 bad input / 3 unknown or disagreement. R may be any
// candidate, also a GetFindingRecommendation response.
//
// Tested by: tests/cli/verify_cli_test.cpp (through the binary), tests/unit/verifier_obligations_test.cpp
// and proofs/faults/faults_test.cpp (the library)
#include "cli/arguments.h"
#include "cli/output_files.h"
#include "cli/commands/commands.h"
#include "cli/inputs.h"
#include "cli/refine_verification.h"
#include "cli/report.h"
#include "model/findings.h"
#include "model/json_text.h"
#include "model/policy_input.h"
#include "verifier/certificate/certificate.h"
#include "verifier/decide/verify.h"

#include <iostream>

namespace leastpriv::cli {

namespace {

// The inputs, each file read once: the verifier gets what was parsed from the bytes the
// certificate hashes.
struct VerifyInputs {
  verifier::CertificateInputs files;
  model::VerificationInputs parsed;
};

Result<VerifyInputs> load_verify_inputs(const Arguments& arguments) {
  auto files = read_verification_files(arguments);
  if (!files) return files.error();
  auto parsed = model::parse_verification_files(*files);
  if (!parsed) return parsed.error();
  return VerifyInputs{verifier::CertificateInputs{std::move(files).value(), arguments.value("--strategy").value_or("")},
                      std::move(parsed).value()};
}

}  // namespace

int run_verify(const Words& words) {
  // INVARIANT: --original, --findings and --result are given: the table marks them required.
  auto arguments = parse_arguments(words, declared_command("verify"));
  if (!arguments) return report_error(arguments.error());
  if (auto distinct =
          check_output_flags(*arguments, {"--certificate"}, {"--original", "--findings", "--result", "--catalog"});
      !distinct) {
    return report_error(distinct.error());
  }
  auto inputs = load_verify_inputs(*arguments);
  if (!inputs) return report_error(inputs.error());

  auto report = verifier::verify_refinement(inputs->parsed.original, inputs->parsed.findings, inputs->parsed.result, inputs->parsed.catalog,
                                            portfolio_options(*arguments));
  if (!report) return report_error(report.error());
  for (const auto& warning : report->warnings) report_warning(warning);
  if (arguments->choice("--format") == "json") {
    std::cout << model::dump_json(verifier::report_to_json(*report)) << "\n";
  } else {
    report->warnings.clear();
    std::cout << verifier::report_to_text(*report);
  }
  std::cout.flush();
  if (arguments->has("--fast")) report_fast_note(*report);

  const int verdict = exit_code_for(*report);
  if (auto certificate_path = arguments->value("--certificate")) {
    // A certificate is evidence of a proof: a run that proved nothing writes none.
    if (verdict != kExitOk) {
      report_warning("not proved: no certificate written to `" + *certificate_path + "`");
      return verdict;
    }
    const OutputFile certificate{"--certificate", *certificate_path,
                                 certificate_text(*report, inputs->parsed.catalog, inputs->files)};
    if (auto fits = check_readable_back(certificate, "certificate"); !fits) return report_error(fits.error());
    if (auto written = write_outputs({certificate}); !written) return report_error(written.error());
    report_note("certificate written to `" + *certificate_path + "`");
  }
  return verdict;
}

}  // namespace leastpriv::cli
