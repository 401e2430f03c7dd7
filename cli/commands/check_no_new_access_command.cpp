// `leastpriv check-no-new-access --candidate NEW (--reference OLD | --access-not-granted A,B | both)
// [FLAG...]` (flags: cli/options.cpp): proves that NEW allows no request OLD does not, and/or
// none of the listed actions (verifier/access/no_new_access.h), prints each new access (the
// action, the NEW statement's index, Sid and JSON pointer, its scope) or a JSON report
// (`--format json`), and exits 0 no new access / 1 new access / 2 bad input / 3 unknown.
// `--certificate FILE` writes the certificate (only when proved), which `check-certificate`
// re-checks against the same files.
//
// Tested by: tests/cli/check_no_new_access_cli_test.cpp
#include "cli/arguments.h"
#include "cli/commands/commands.h"
#include "cli/inputs.h"
#include "cli/output_files.h"
#include "cli/refine_verification.h"
#include "cli/report.h"
#include "model/json_text.h"
#include "model/policy_input.h"
#include "verifier/access/no_new_access.h"
#include "verifier/certificate/access_certificate.h"

#include <iostream>

namespace leastpriv::cli {

namespace {

struct ParsedComparison {
  model::Catalog catalog;
  std::optional<model::PolicyDocument> reference;
  model::PolicyDocument candidate;
};

Result<model::PolicyDocument> parse_policy(const model::InputFile& file) {
  auto loaded = model::load_policy_text(file.bytes, file.path);
  if (!loaded) return loaded.error();
  return model::candidate_document(*loaded);
}

Result<ParsedComparison> parse_comparison(const verifier::AccessCheckFiles& files) {
  auto catalog = files.catalog_file ? model::Catalog::from_file_text(files.catalog_file->bytes, files.catalog_file->path)
                                    : model::Catalog::embedded();
  if (!catalog) return catalog.error();
  auto candidate = parse_policy(files.candidate);
  if (!candidate) return candidate.error();
  ParsedComparison parsed{std::move(catalog).value(), std::nullopt, std::move(candidate).value()};
  if (files.reference) {
    auto reference = parse_policy(*files.reference);
    if (!reference) return reference.error();
    parsed.reference = std::move(reference).value();
  }
  return parsed;
}

int severity(verifier::Verdict verdict) {
  return verdict == verifier::Verdict::kCounterexample ? 2 : verdict == verifier::Verdict::kUnknown ? 1 : 0;
}
int severity(verifier::AccessVerdict verdict) {
  return verdict == verifier::AccessVerdict::kNewAccess ? 2 : verdict == verifier::AccessVerdict::kUnknown ? 1 : 0;
}

// Both checks' results as one: every query and every new access, the worse verdict.
void append(verifier::AccessCheckResult& into, verifier::AccessCheckResult more) {
  for (auto& obligation : more.report.obligations) into.report.obligations.push_back(std::move(obligation));
  for (auto& access : more.new_access) into.new_access.push_back(std::move(access));
  if (into.reason.empty()) into.reason = more.reason;
  into.report.disagreement = into.report.disagreement || more.report.disagreement;
  into.report.seconds += more.report.seconds;
  if (severity(more.verdict) > severity(into.verdict)) into.verdict = more.verdict;
  if (severity(more.report.verdict) > severity(into.report.verdict)) into.report.verdict = more.report.verdict;
}

Result<verifier::AccessCheckResult> run_checks(const ParsedComparison& parsed, const verifier::AccessCheckFiles& files,
                                               const verifier::AccessCheckOptions& options) {
  std::optional<verifier::AccessCheckResult> result;
  if (parsed.reference) {
    auto checked = verifier::check_no_new_access(*parsed.reference, parsed.candidate, parsed.catalog, options);
    if (!checked) return checked.error();
    result = std::move(checked).value();
  }
  if (!files.access_not_granted.empty()) {
    auto checked = verifier::check_access_not_granted(parsed.candidate, files.access_not_granted, parsed.catalog, options);
    if (!checked) return checked.error();
    if (result) {
      append(*result, std::move(checked).value());
    } else {
      result = std::move(checked).value();
    }
  }
  // INVARIANT: read_access_check_files refuses a run with neither check.
  return std::move(*result);
}

int exit_code_of(verifier::AccessVerdict verdict) {
  switch (verdict) {
    case verifier::AccessVerdict::kNoNewAccess: return kExitOk;
    case verifier::AccessVerdict::kNewAccess: return kExitVerificationFailed;
    case verifier::AccessVerdict::kUnknown: return kExitUnknown;
  }
  return kExitUnknown;
}

}  // namespace

int run_check_no_new_access(const Words& words) {
  auto arguments = parse_arguments(words, declared_command("check-no-new-access"));
  if (!arguments) return report_error(arguments.error());
  if (auto distinct = check_output_flags(*arguments, {"--certificate"}, {"--reference", "--candidate", "--catalog"});
      !distinct) {
    return report_error(distinct.error());
  }
  auto files = read_access_check_files(*arguments);
  if (!files) return report_error(files.error());
  auto parsed = parse_comparison(*files);
  if (!parsed) return report_error(parsed.error());
  verifier::AccessCheckOptions options;
  options.verify = portfolio_options(*arguments);
  auto result = run_checks(*parsed, *files, options);
  if (!result) return report_error(result.error());

  if (arguments->choice("--format") == "json") {
    std::cout << model::dump_json(verifier::access_result_to_json(*result)) << "\n";
  } else {
    std::cout << verifier::access_result_to_text(*result);
  }
  std::cout.flush();
  const int verdict = exit_code_of(result->verdict);
  if (auto certificate_path = arguments->value("--certificate")) {
    // A certificate is evidence of a proof: a run that proved nothing writes none.
    if (verdict != kExitOk) {
      report_warning("not proved: no certificate written to `" + *certificate_path + "`");
      return verdict;
    }
    const OutputFile certificate{
        "--certificate", *certificate_path,
        model::dump_json(verifier::build_access_certificate(*result, parsed->catalog, *files)) + "\n"};
    if (auto fits = check_readable_back(certificate, "certificate"); !fits) return report_error(fits.error());
    if (auto written = write_outputs({certificate}); !written) return report_error(written.error());
    report_note("certificate written to `" + *certificate_path + "`");
  }
  return verdict;
}

}  // namespace leastpriv::cli
