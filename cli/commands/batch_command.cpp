// `leastpriv batch IN.jsonl -o OUT.jsonl [FLAG...]` (flags: cli/options.cpp): every unit of a
// JSON Lines file refined and verified (batch/run.h). Exit 0 when every unit is proved (or, with
// --no-verify, refined); otherwise the code of the worst unit: 2 a unit's input is bad, 1 a
// result was refuted, 3 one is unknown. A bad input file or an unwritable OUT is exit 2 for the
// run; OUT is written only when every unit is done (OUT.partial meanwhile, for --resume).
//
// Tested by: tests/cli/batch_cli_test.cpp
#include "batch/run.h"
#include "cli/commands/commands.h"
#include "cli/exit_codes.h"
#include "cli/inputs.h"
#include "cli/output_files.h"
#include "cli/report.h"
#include "cli/run_config.h"
#include "support/number_text.h"

#include <unistd.h>

#include <iostream>

namespace leastpriv::cli {

namespace {

// `--shard i/n`: 0 <= i < n.
Result<std::pair<std::size_t, std::size_t>> parse_shard(const std::string& text) {
  const auto slash = text.find('/');
  const auto index = support::parse_whole_number(std::string_view(text).substr(0, std::min(slash, text.size())));
  const auto count = slash == std::string::npos ? std::nullopt : support::parse_whole_number(std::string_view(text).substr(slash + 1));
  if (!index || !count || *count == 0 || *index >= *count) {
    return Error{ErrorKind::kUsage, "--shard: expected i/n with 0 <= i < n (e.g. 0/4), got `" + text + "`"};
  }
  return std::pair<std::size_t, std::size_t>{*index, *count};
}

int exit_code_for(const batch::BatchSummary& summary) {
  if (summary.count(batch::UnitStatus::kError) > 0) return kExitBadInput;
  if (summary.count(batch::UnitStatus::kCounterexample) > 0) return kExitVerificationFailed;
  if (summary.count(batch::UnitStatus::kUnknown) > 0) return kExitUnknown;
  return kExitOk;
}

}  // namespace

int run_batch(const Words& words) {
  auto arguments = parse_arguments(words, declared_command("batch"));
  if (!arguments) return report_error(arguments.error());
  const std::string input = arguments->positional().front();
  if (auto distinct = check_output_paths({{"-o", *arguments->value("-o")}}, {{"IN.jsonl", input}, {"--catalog", arguments->value("--catalog").value_or("")}});
      !distinct) {
    return report_error(distinct.error());
  }
  batch::BatchOptions options;
  options.input_path = input;
  options.output_path = *arguments->value("-o");
  options.resume = arguments->has("--resume");
  if (auto jobs = arguments->number("--jobs")) options.jobs = static_cast<unsigned>(*jobs);
  if (auto shard = arguments->value("--shard")) {
    auto parsed = parse_shard(*shard);
    if (!parsed) return report_error(parsed.error());
    std::tie(options.shard_index, options.shard_count) = *parsed;
  }
  auto catalog = load_catalog_input(*arguments);
  if (!catalog) return report_error(catalog.error());
  auto config = run_config_from(*arguments, *catalog);
  if (!config) return report_error(config.error());
  options.config = std::move(config).value();

  options.progress = &std::cerr;
  options.progress_terminal = ::isatty(2) != 0;
  auto summary = batch::run_batch(options);
  if (!summary) return report_error(summary.error());
  report_note("batch: " + std::to_string(summary->shard_units) + " units" +
              (options.shard_count > 1 ? " in shard " + std::to_string(options.shard_index) + "/" +
                                             std::to_string(options.shard_count) + " (of " +
                                             std::to_string(summary->input_units) + ")"
                                       : "") +
              ": " + std::to_string(summary->count(batch::UnitStatus::kProved)) + " proved, " +
              std::to_string(summary->count(batch::UnitStatus::kUnverified)) + " unverified, " +
              std::to_string(summary->count(batch::UnitStatus::kCounterexample)) + " refuted, " +
              std::to_string(summary->count(batch::UnitStatus::kUnknown)) + " unknown, " +
              std::to_string(summary->count(batch::UnitStatus::kError)) + " bad; " +
              std::to_string(summary->resumed) + " resumed, " + std::to_string(summary->cache_hits) + " from the cache, " +
              std::to_string(summary->same_as_earlier) + " the same as an earlier unit" +
              verdict_memo_note(options.config));
  return exit_code_for(*summary);
}

}  // namespace leastpriv::cli
