// `leastpriv account --authorization-details A.json --findings DIR|F.jsonl [FLAG...]` (flags:
// cli/options.cpp): every principal with findings refined (account/account_run.h), the report
// (one GetFindingRecommendation-shaped result per principal, what was set aside, a summary)
// written to -o or stdout, atomically. Exit 0 when every refined policy is proved (or, with
// --no-verify, refined) and within its size limit; else the worst: 2 a policy's refinement
// failed on bad input, 1 a result was refuted, 3 one is unknown, 4 a result is over its IAM
// size limit (written and marked `over`, also on stderr). A bad input file is exit 2 with
// nothing written.
//
// Tested by: tests/cli/account_cli_test.cpp
#include "account/account_findings.h"
#include "account/account_run.h"
#include "account/authorization_details.h"
#include "cli/commands/commands.h"
#include "cli/exit_codes.h"
#include "cli/inputs.h"
#include "cli/output_files.h"
#include "cli/report.h"
#include "cli/run_config.h"
#include "model/json_text.h"

#include <vector>

namespace leastpriv::cli {

namespace {

int exit_code_for(const account::AccountOutcome& outcome) {
  if (outcome.count(batch::UnitStatus::kError) > 0) return kExitBadInput;
  if (outcome.count(batch::UnitStatus::kCounterexample) > 0) return kExitVerificationFailed;
  if (outcome.count(batch::UnitStatus::kUnknown) > 0) return kExitUnknown;
  if (outcome.over_limit > 0) return kExitOverSizeLimit;
  return kExitOk;
}

}  // namespace

int run_account(const Words& words) {
  auto arguments = parse_arguments(words, declared_command("account"));
  if (!arguments) return report_error(arguments.error());
  const std::string output = arguments->value("-o").value_or("");
  if (auto distinct = check_output_flags(*arguments, {"-o"}, {"--authorization-details", "--findings", "--catalog"}); !distinct) {
    return report_error(distinct.error());
  }
  auto details = account::read_authorization_details_file(*arguments->value("--authorization-details"));
  if (!details) return report_error(details.error());
  auto findings = account::read_account_findings(*arguments->value("--findings"));
  if (!findings) return report_error(findings.error());
  auto catalog = load_catalog_input(*arguments);
  if (!catalog) return report_error(catalog.error());

  account::AccountOptions options;
  options.plan.per_principal_copies = arguments->has("--per-principal-copies");
  options.fit = arguments->has("--fit");
  if (auto jobs = arguments->number("--jobs")) options.jobs = static_cast<unsigned>(*jobs);
  auto config = run_config_from(*arguments, *catalog);
  if (!config) return report_error(config.error());
  options.config = std::move(config).value();

  auto outcome = account::run_account(*details, std::move(*findings), options);
  if (!outcome) return report_error(outcome.error());
  for (const auto& warning : outcome->warnings) report_warning(warning);
  // A 10,000-role account's report is a few hundred MB of text: the inputs and the report's
  // tree are let go before and after it is written out, and the text is built in place.
  *details = account::AccountDetails{};
  const model::Json summary = outcome->report["summary"];
  std::vector<OutputFile> files(1);
  files[0].flag = "-o";
  files[0].path = output;
  files[0].text = model::dump_json(outcome->report);
  files[0].text += '\n';
  outcome->report = model::Json();
  if (auto written = write_outputs(files); !written) return report_error(written.error());
  report_note("account: " + std::to_string(summary["principalsWithFindings"].get<std::size_t>()) + " principals with findings, " +
              std::to_string(summary["steps"].get<std::size_t>()) + " steps; " +
              std::to_string(summary["policiesRefined"].get<std::size_t>()) + " policies refined: " +
              std::to_string(outcome->count(batch::UnitStatus::kProved)) + " proved, " +
              std::to_string(outcome->count(batch::UnitStatus::kUnverified)) + " unverified, " +
              std::to_string(outcome->count(batch::UnitStatus::kCounterexample)) + " refuted, " +
              std::to_string(outcome->count(batch::UnitStatus::kUnknown)) + " unknown, " +
              std::to_string(outcome->count(batch::UnitStatus::kError)) + " bad; " + std::to_string(outcome->cache_hits) +
              " from the cache, " + std::to_string(outcome->same_as_earlier) + " the same as an earlier policy" +
              verdict_memo_note(options.config) + "; " + std::to_string(summary["skippedPolicies"].get<std::size_t>()) + " skipped, " +
              std::to_string(summary["setAside"].get<std::size_t>()) + " findings set aside; size limits: " +
              summary["sizeLimits"].get<std::string>());
  return exit_code_for(*outcome);
}

}  // namespace leastpriv::cli
