// One batch unit from its input line to its output line: refined against the findings that
// touch its policy (batch/unit.h), verified unless the run says --no-verify, the proved result
// and its certificate stored in the cache by the unit's key, and a cache hit reused without
// refining or verifying again. A unit that fails says so in its own line; it never stops the
// rest, and a result that is not proved is never written as a policy.
//
// Tested by: tests/unit/batch_unit_test.cpp, tests/cli/batch_cli_test.cpp
#pragma once

#include "batch/unit.h"
#include "engine/match/entry_trie_cache.h"
#include "model/catalog.h"
#include "model/input_file.h"
#include "model/policy.h"
#include "verifier/decide/verdict_memo.h"
#include "verifier/decide/verify.h"

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>

namespace leastpriv::batch {

// The outcomes of the units already done in this run, by unit key: a unit with the same key as
// one done before it (the same policy, touching findings, strategy, catalog and verification)
// takes that outcome under its own id instead of being refined and verified again. Thread-safe.
// Only the keys named at construction (those of more than one unit) are kept.
class RunOutcomes {
 public:
  explicit RunOutcomes(std::set<std::string> repeated_keys) : repeated_keys_(std::move(repeated_keys)) {}

  std::optional<model::Json> find(const std::string& key) const;
  void remember(const std::string& key, const model::Json& outcome);  // the first one stays

 private:
  const std::set<std::string> repeated_keys_;
  mutable std::mutex mutex_;
  std::map<std::string, model::Json> by_key_;
};

// What every unit of a run shares.
struct RunConfig {
  const model::Catalog* catalog = nullptr;
  std::optional<model::InputFile> catalog_file;  // the --catalog file, for the certificates
  std::string catalog_sha256;
  std::string leastpriv_version;
  std::string strategy = "aws";  // a unit's own "strategy" wins
  bool verify = true;            // false: --no-verify
  std::string verification;      // `none`, `fast` or `full`: part of the key
  verifier::VerifyOptions verify_options;  // its `memo` is `verdict_memo` when there is one
  // The run's verdict memo, shared by every unit (and every copy of this config): a query asked
  // again by another unit is decided once per run (verifier/decide/verdict_memo.h).
  std::shared_ptr<verifier::VerdictMemo> verdict_memo;
  std::string cache_dir;  // empty: no cache
  // Not owned; null: units with the same key are each done (run_batch sets it).
  RunOutcomes* run_outcomes = nullptr;
  // The run's entry tries over `catalog`, shared by every unit (run_batch and run_account set
  // it: share_entry_tries); null: each unit builds its own.
  std::shared_ptr<engine::EntryTrieCache> entry_tries;
};

// Gives `config` a run-wide EntryTrieCache over its catalog when it has none (and a catalog):
// what run_batch and account::run_account do before their units start.
void share_entry_tries(RunConfig& config);

// How a unit ended, worst last (the run's exit code is that of its worst unit).
enum class UnitStatus { kProved, kUnverified, kUnknown, kCounterexample, kError };
const char* unit_status_name(UnitStatus status);
std::optional<UnitStatus> unit_status_named(std::string_view name);  // the inverse; nullopt for another name

struct UnitOutcome {
  UnitStatus status = UnitStatus::kError;
  model::Json line;  // the output line's object
  bool cache_hit = false;
  bool same_as_earlier = false;  // taken from RunOutcomes: a unit of this run with the same key
};

UnitOutcome process_unit(const UnitRead& read, const RunConfig& config);

// The key process_unit would give the unit under `config` (batch/unit.h), or nullopt for a unit
// that would fail (a bad line, an unknown strategy): what `--resume` compares a kept line with.
std::optional<std::string> current_unit_key(const UnitRead& read, const RunConfig& config);

}  // namespace leastpriv::batch
