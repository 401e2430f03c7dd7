// `leastpriv compare --policy P --findings F [--catalog C] [--newer-catalog C2]
//  [--format table|json|csv] [--strategies a,b,…]… [--no-verify] [--no-z3] [--no-cvc5]
//  [--full-portfolio] [--timeout SECONDS] [-o OUT]` (flags: cli/options.cpp):
// refines the same inputs with every strategy and prints, per strategy, the entries,
// characters (IAM counting: whitespace excluded), wildcards, refine time, verification
// verdict and time, and the future exposure against the newer catalog: how many actions the
// newer catalog knows and the refining catalog does not that the result would allow.
// Exit code: 0 when every result is proved (or --no-verify), 1 when one has a counterexample,
// 3 when one is unknown.
//
// Tested by: tests/cli/compare_explain_test.cpp
#include "cli/arguments.h"
#include "cli/commands/commands.h"
#include "cli/inputs.h"
#include "cli/output_files.h"
#include "cli/report.h"
#include "model/findings.h"
#include "model/json_text.h"
#include "model/policy_input.h"
#include "engine/render/policy_metrics.h"
#include "engine/refine.h"
#include "verifier/decide/verify.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <optional>

namespace leastpriv::cli {

namespace {

struct Row {
  std::string strategy;
  engine::PolicyMetrics metrics;
  double refine_seconds = 0;
  std::optional<verifier::Verdict> verdict;  // none: not verified
  double verify_seconds = 0;
  std::optional<std::size_t> exposure;       // none: no newer catalog
  bool detach = false;
  std::vector<std::string> warnings;
};

std::string fixed(double value, int decimals) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  return buffer;
}

std::string verdict_text(const Row& row) { return row.verdict ? verifier::verdict_name(*row.verdict) : "-"; }

std::vector<std::vector<std::string>> cells(const std::vector<Row>& rows) {
  std::vector<std::vector<std::string>> out;
  for (const auto& row : rows) {
    out.push_back({row.strategy, std::to_string(row.metrics.entries), std::to_string(row.metrics.characters),
                   std::to_string(row.metrics.wildcards), fixed(row.refine_seconds * 1000, 1), verdict_text(row),
                   row.verdict ? fixed(row.verify_seconds * 1000, 0) : "-",
                   row.exposure ? std::to_string(*row.exposure) : "-"});
  }
  return out;
}

const std::vector<std::string> kHeader = {"strategy", "entries", "characters", "wildcards", "refine ms",
                                          "verification", "verify ms", "future exposure"};

std::string to_table(const std::vector<Row>& rows, const std::string& catalog, const std::string& newer) {
  const auto body = cells(rows);
  std::vector<std::size_t> width(kHeader.size());
  for (std::size_t c = 0; c < kHeader.size(); ++c) {
    width[c] = kHeader[c].size();
    for (const auto& line : body) width[c] = std::max(width[c], line[c].size());
  }
  auto render = [&](const std::vector<std::string>& line) {
    std::string text;
    for (std::size_t c = 0; c < line.size(); ++c) {
      const std::string pad(width[c] - line[c].size(), ' ');
      text += (c == 0 ? line[c] + pad : pad + line[c]) + (c + 1 < line.size() ? "  " : "\n");
    }
    return text;
  };
  std::string text = render(kHeader);
  for (const auto& line : body) text += render(line);
  text += "characters: non-whitespace characters of the minified policy (IAM's limit for a managed policy: " +
          std::to_string(engine::kManagedPolicyCharacterLimit) + ")\n";
  text += "catalog: " + catalog + "\n";
  text += newer.empty() ? "future exposure: give --newer-catalog to measure it\n"
                        : "future exposure: actions in " + newer + " but not in the catalog that each result allows\n";
  return text;
}

std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\n") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string to_csv(const std::vector<Row>& rows) {
  std::string text = "strategy,entries,characters,wildcards,refine_ms,verification,verify_ms,future_exposure\n";
  for (const auto& line : cells(rows)) {
    for (std::size_t c = 0; c < line.size(); ++c) text += csv_field(line[c] == "-" ? "" : line[c]) + (c + 1 < line.size() ? "," : "\n");
  }
  return text;
}

std::string to_json(const std::vector<Row>& rows, const std::string& policy, const std::string& catalog,
                    const std::string& newer) {
  model::Json root = model::Json::object();
  root["policy"] = policy;
  root["catalog"] = catalog;
  root["newer_catalog"] = newer.empty() ? model::Json(nullptr) : model::Json(newer);
  root["character_limit"] = engine::kManagedPolicyCharacterLimit;
  model::Json list = model::Json::array();
  for (const auto& row : rows) {
    model::Json item = model::Json::object();
    item["strategy"] = row.strategy;
    item["statements"] = row.metrics.statements;
    item["entries"] = row.metrics.entries;
    item["characters"] = row.metrics.characters;
    item["wildcards"] = row.metrics.wildcards;
    item["refine_seconds"] = row.refine_seconds;
    item["verification"] = row.verdict ? model::Json(verifier::verdict_name(*row.verdict)) : model::Json(nullptr);
    item["verify_seconds"] = row.verdict ? model::Json(row.verify_seconds) : model::Json(nullptr);
    item["future_exposure"] = row.exposure ? model::Json(*row.exposure) : model::Json(nullptr);
    item["detach"] = row.detach;
    item["warnings"] = row.warnings;
    list.push_back(std::move(item));
  }
  root["strategies"] = std::move(list);
  return model::dump_json(root) + "\n";
}

std::vector<std::string> split_names(const std::string& text) {
  std::vector<std::string> names;
  std::string current;
  for (char c : text + ",") {
    if (c == ',') {
      if (!current.empty()) names.push_back(current);
      current.clear();
    } else {
      current += c;
    }
  }
  return names;
}

verifier::VerifyOptions compare_verify_options(const Arguments& arguments) {
  verifier::VerifyOptions options;
  // As in refine: Z3, cvc5 and the automaton decide every query; --fast leaves it to the automaton.
  if (arguments.has("--fast")) options = verifier::fast_options(options);
  options.use_z3 = !arguments.has("--no-z3");
  options.use_cvc5 = !arguments.has("--no-cvc5");
  options.keep_smtlib = false;  // compare writes no certificate
  if (auto timeout = arguments.number("--timeout")) options.timeout_seconds = options.budget_seconds = *timeout;
  return options;
}

// The strategies of every --strategies (each a comma-separated list), or all of them.
Result<std::vector<std::unique_ptr<engine::Strategy>>> chosen_strategies(const Arguments& arguments) {
  std::vector<std::unique_ptr<engine::Strategy>> strategies;
  for (const auto& list : arguments.values("--strategies")) {
    for (const auto& name : split_names(list)) {
      auto strategy = engine::make_strategy(name);
      if (!strategy) return strategy.error();
      strategies.push_back(std::move(strategy).value());
    }
  }
  if (strategies.empty()) {
    for (const auto& name : engine::strategy_names()) strategies.push_back(std::move(engine::make_strategy(name)).value());
  }
  return strategies;
}

Result<std::optional<model::Catalog>> load_newer_catalog(const Arguments& arguments) {
  if (!arguments.value("--newer-catalog")) return std::optional<model::Catalog>();
  auto loaded = load_catalog(arguments, "--newer-catalog");
  if (!loaded) return loaded.error();
  return std::optional<model::Catalog>(std::move(loaded).value());
}

// One strategy's row: refined, measured and (unless `options` is empty) verified.
Result<Row> measure_strategy(const engine::Strategy& strategy, const RefineInputs& inputs,
                             const std::optional<model::Catalog>& newer,
                             const std::optional<verifier::VerifyOptions>& options,
                             std::optional<verifier::VerificationReport>& report) {
  const model::Catalog& catalog = inputs.catalog;
  const model::PolicyDocument& original = inputs.original.document;
  Row row;
  row.strategy = strategy.configured_name();
  const auto start = std::chrono::steady_clock::now();
  const engine::Refinement refinement = engine::refine_policy(original, inputs.findings, catalog, strategy);
  row.refine_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  row.metrics = engine::measure_policy(refinement.document);
  row.detach = refinement.detach;
  row.warnings = refinement.warnings;
  if (newer) row.exposure = engine::future_exposure(refinement.document, catalog, *newer);
  if (options) {
    auto verified = verifier::verify_refinement(original, inputs.findings, refinement.document, catalog, *options);
    if (!verified) return verified.error();
    row.verdict = verified->verdict;
    row.verify_seconds = verified->seconds;
    report = std::move(verified).value();
  }
  return row;
}

// A refuted result is a bug in a strategy (exit 1); an unknown one is exit 3 unless a
// refutation already decided the exit code.
int report_verdict(const Row& row, const verifier::VerificationReport& report, int exit_code) {
  if (report.verdict == verifier::Verdict::kCounterexample) {
    report_error(Error{ErrorKind::kInternal, "strategy `" + row.strategy + "` gave a result the verifier refutes:\n" +
                                                 verifier::report_to_text(report)});
    return kExitVerificationFailed;
  }
  if (report.verdict == verifier::Verdict::kUnknown && exit_code == kExitOk) {
    report_warning("strategy `" + row.strategy + "`: verification unknown:\n" + verifier::report_to_text(report));
    return kExitUnknown;
  }
  return exit_code;
}

// Warnings about the findings are the same for every strategy: printed once.
void report_row_warnings(const std::vector<Row>& rows) {
  for (std::size_t r = 0; r < rows.size(); ++r) {
    for (const auto& warning : rows[r].warnings) {
      if (r == 0 || warning.rfind("strategy `", 0) == 0) report_warning(warning);
    }
  }
}

}  // namespace

int run_compare(const Words& words) {
  auto arguments = parse_arguments(words, declared_command("compare"));
  if (!arguments) return report_error(arguments.error());
  if (auto distinct = check_output_flags(*arguments, {"-o"}, {"--policy", "--findings", "--catalog", "--newer-catalog"}); !distinct) {
    return report_error(distinct.error());
  }
  const std::string format = arguments->choice("--format");
  std::optional<verifier::VerifyOptions> options;
  if (!arguments->has("--no-verify")) options = compare_verify_options(*arguments);
  auto strategies = chosen_strategies(*arguments);
  if (!strategies) return report_error(strategies.error());
  auto inputs = load_refine_inputs(*arguments);
  if (!inputs) return report_error(inputs.error());
  auto newer = load_newer_catalog(*arguments);
  if (!newer) return report_error(newer.error());

  std::vector<Row> rows;
  int exit_code = kExitOk;
  for (const auto& strategy : *strategies) {
    std::optional<verifier::VerificationReport> report;
    auto row = measure_strategy(*strategy, *inputs, *newer, options, report);
    if (!row) return report_error(row.error());
    if (report) exit_code = report_verdict(*row, *report, exit_code);
    rows.push_back(std::move(row).value());
  }
  report_row_warnings(rows);
  const std::string catalog_name = inputs->catalog.identity().source;
  const std::string newer_name = *newer ? (*newer)->identity().source : "";
  std::string text = format == "json"  ? to_json(rows, inputs->policy_file.path, catalog_name, newer_name)
                     : format == "csv" ? to_csv(rows)
                                       : to_table(rows, catalog_name, newer_name);
  if (!options) report_warning("--no-verify: the results are NOT verified");
  if (options && arguments->has("--fast")) {
    report_note("--fast: only the verifier's automaton decided (Z3 and cvc5 ran only where it could not)");
  }
  if (auto written = write_outputs({{"-o", arguments->value("-o").value_or(""), text}}); !written) {
    return report_error(written.error());
  }
  return exit_code;
}

}  // namespace leastpriv::cli
