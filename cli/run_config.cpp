// The shared run configuration; see run_config.h.
#include "cli/run_config.h"

#include "cli/report.h"
#include "engine/strategies/strategy.h"
#include "verifier/certificate/certificate.h"

namespace leastpriv::cli {

Result<batch::RunConfig> run_config_from(const Arguments& arguments, const CatalogInput& catalog) {
  batch::RunConfig config;
  config.catalog = &catalog.catalog;
  config.catalog_file = catalog.file;
  config.catalog_sha256 = verifier::catalog_hash(catalog.catalog);
  config.leastpriv_version = LEASTPRIV_VERSION;
  config.strategy = arguments.value("--strategy").value_or("aws");
  if (auto strategy = engine::make_strategy(config.strategy); !strategy) return strategy.error();
  config.verify = !arguments.has("--no-verify");
  config.cache_dir = arguments.value("--cache").value_or("");
  const bool fast = arguments.has("--fast");
  // Units run side by side, one thread each; each is verified as `refine` verifies: Z3, cvc5 and
  // the automaton on every query, or the automaton alone with --fast.
  if (fast) config.verify_options = verifier::fast_options(config.verify_options);
  config.verify_options.threads = 1;
  // One verdict memo for the whole run: the same question from another unit is decided once.
  config.verdict_memo = std::make_shared<verifier::VerdictMemo>();
  config.verify_options.memo = config.verdict_memo.get();
  // Certificates (and so the queries' texts) are kept only in the cache.
  config.verify_options.keep_smtlib = !config.cache_dir.empty();
  if (auto timeout = arguments.number("--timeout")) config.verify_options.timeout_seconds = config.verify_options.budget_seconds = *timeout;
  config.verification = !config.verify ? "none" : fast ? "fast" : "full";
  if (!config.verify) report_warning("--no-verify: the results are NOT verified");
  if (config.verify && fast) report_note("--fast: the verifier's automaton decides alone; Z3 and cvc5 confirm nothing it decided");
  return config;
}

std::string verdict_memo_note(const batch::RunConfig& config) {
  if (!config.verdict_memo) return "";
  const std::size_t hits = config.verdict_memo->hits();
  const std::size_t asked = hits + config.verdict_memo->misses();
  if (asked == 0) return "";
  return ", " + std::to_string(hits) + " of " + std::to_string(asked) + " queries from the run's verdict memo";
}

}  // namespace leastpriv::cli
