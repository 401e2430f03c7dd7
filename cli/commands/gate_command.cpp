// `leastpriv gate [FILE] [--before OLD] [--after NEW] [--findings [P=]F.json]… [--format …]
// [--fail-on …]… [--ignore …]… [--write-back] [-o OUT]` (flags: cli/options.cpp): reads the policies of a
// CloudFormation template, a Terraform plan or a policy file (iac/), checks each (gate/), and
// writes one report. The report is written whatever the outcome (a CI job uploads the SARIF of
// a failing change too); the exit code is 0 pass, 1 blocking results, 2 bad input, 3 a check
// not decided and nothing blocking. --write-back also rewrites the template in place with the
// proved refinements (iac/template_edit.h), written together with the report: both or neither.
//
// Tested by: tests/cli/gate_cli_test.cpp, tests/golden/ci_example_golden_test.cpp
#include "cli/arguments.h"
#include "cli/commands/commands.h"
#include "cli/inputs.h"
#include "cli/output_files.h"
#include "cli/report.h"
#include "gate/gate_policy.h"
#include "gate/gate_run.h"
#include "gate/junit_report.h"
#include "gate/plain_reports.h"
#include "gate/sarif_report.h"
#include "gate/write_back.h"
#include "iac/iac_input.h"
#include "iac/template_edit.h"
#include "model/json_text.h"

namespace leastpriv::cli {

namespace {

Result<iac::IacVersions> read_versions(const std::string& path) {
  auto input = model::read_input_file(path);
  if (!input) return input.error();
  return iac::read_policies(*input);
}

// `PRINCIPAL=F.json` binds findings to a principal; a value whose part before `=` holds a `/`
// is a path that happens to contain `=`.
Result<gate::FindingsBinding> read_findings(const std::string& value) {
  gate::FindingsBinding binding;
  binding.file = value;
  if (const auto equals = value.find('='); equals != std::string::npos && equals > 0 &&
                                           value.substr(0, equals).find('/') == std::string::npos) {
    binding.principal = value.substr(0, equals);
    binding.file = value.substr(equals + 1);
  }
  auto findings = model::UnusedFindings::from_file(binding.file);
  if (!findings) return findings.error();
  binding.findings = std::move(findings).value();
  return binding;
}

verifier::VerifyOptions gate_verify_options(const Arguments& arguments) {
  verifier::VerifyOptions options;
  options.keep_smtlib = false;  // a gate writes no certificate
  if (arguments.has("--fast")) options = verifier::fast_options(options);
  if (auto timeout = arguments.number("--timeout")) options.timeout_seconds = options.budget_seconds = *timeout;
  return options;
}

std::string render(const std::string& format, const gate::GateReport& report, gate::GateOutcome outcome) {
  if (format == "sarif") return model::dump_json(gate::sarif_report(report, outcome, LEASTPRIV_VERSION)) + "\n";
  if (format == "junit") return gate::junit_report(report, outcome);
  if (format == "json") return model::dump_json(gate::json_report(report, outcome)) + "\n";
  return gate::text_report(report, outcome);
}

int exit_code_for(gate::GateOutcome outcome) {
  switch (outcome) {
    case gate::GateOutcome::kPass: return kExitOk;
    case gate::GateOutcome::kBlocked: return kExitVerificationFailed;
    case gate::GateOutcome::kNotDecided: return kExitUnknown;
  }
  return kExitUnknown;
}

// The template with its proved refined policies written in, when there are any.
Result<std::optional<OutputFile>> write_back(const std::string& path, const gate::GateReport& report,
                                             const iac::PolicySet& policies) {
  auto edits = gate::write_back_edits(report, policies);
  if (!edits) return edits.error();
  if (edits->empty()) return std::optional<OutputFile>();
  auto input = model::read_input_file(path);
  if (!input) return input.error();
  auto edited = iac::replace_lists(*input, *edits);
  if (!edited) return edited.error();
  return std::optional<OutputFile>(OutputFile{"--write-back", path, std::move(edited).value()});
}

}  // namespace

int run_gate(const Words& words) {
  auto arguments = parse_arguments(words, declared_command("gate"));
  if (!arguments) return report_error(arguments.error());
  const auto& positional = arguments->positional();
  const auto after_flag = arguments->value("--after");
  if (positional.empty() == !after_flag.has_value()) {
    return report_error(Error{ErrorKind::kUsage, "give the file to check once: as FILE or as --after NEW"});
  }
  if (arguments->value("-o") && arguments->value("--output")) {
    return report_error(Error{ErrorKind::kUsage, "-o and --output are the same flag: give one"});
  }
  const std::string output_flag = arguments->value("--output") ? "--output" : "-o";
  if (auto distinct = check_output_flags(*arguments, {output_flag}, {"--before", "--after", "--catalog"}); !distinct) {
    return report_error(distinct.error());
  }
  const std::string after_path = after_flag.value_or(positional.empty() ? "" : positional.front());
  if (arguments->value(output_flag) == after_path) {
    return report_error(Error{ErrorKind::kUsage, output_flag + " names the file to check"});
  }
  const gate::GatePolicy policy{arguments->values("--fail-on"), arguments->values("--ignore")};
  if (auto valid = gate::check_gate_policy(policy); !valid) return report_error(valid.error());

  auto after = read_versions(after_path);
  if (!after) return report_error(after.error());
  std::optional<iac::PolicySet> before = after->previous;
  if (auto before_path = arguments->value("--before")) {
    auto read = read_versions(*before_path);
    if (!read) return report_error(read.error());
    before = std::move(read->current);
  }
  std::vector<gate::FindingsBinding> findings;
  for (const auto& value : arguments->values("--findings")) {
    auto binding = read_findings(value);
    if (!binding) return report_error(binding.error());
    findings.push_back(std::move(binding).value());
  }
  auto catalog = load_catalog(*arguments);
  if (!catalog) return report_error(catalog.error());

  gate::GateOptions options;
  options.verify = gate_verify_options(*arguments);
  auto report = gate::run_gate(after->current, before, findings, *catalog, options);
  if (!report) return report_error(report.error());
  if (!arguments->value("--before") && after->previous.has_value()) report->reference_file = "its resource_changes before";
  for (const auto& warning : report->warnings) report_warning(warning);
  const gate::GateOutcome outcome = gate::apply_gate_policy(*report, policy);

  std::vector<OutputFile> outputs = {
      {output_flag, arguments->value(output_flag).value_or(""), render(arguments->choice("--format"), *report, outcome)}};
  if (arguments->has("--write-back")) {
    auto edited = write_back(after_path, *report, after->current);
    if (!edited) return report_error(edited.error());
    if (edited->has_value()) outputs.push_back(std::move(**edited));
  }
  // The report and the rewritten template together: both or neither.
  if (auto written = write_outputs(outputs); !written) return report_error(written.error());
  if (outputs.size() > 1) report_note("refined policies written back into `" + after_path + "`");
  const OutputFile& output = outputs.front();
  if (!output.path.empty() && output.path != "-") {
    report_note(std::string("gate: ") + gate::outcome_name(outcome) + ", report written to `" + output.path + "`");
  }
  return exit_code_for(outcome);
}

}  // namespace leastpriv::cli
