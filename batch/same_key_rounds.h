// Units with the same key done once per run: the first unit of each key goes in a first round,
// the others in a second round that takes its outcome (RunOutcomes, batch/process_unit.h), so
// two units of one key never run side by side, the second is neither refined nor verified, and
// which of them reports a cache hit does not depend on timing. `batch` and `account` (its jobs
// and --fit's refits) both run their units this way: in an account, identical inline policies
// of several principals, or per-principal copies of one policy, with the same touching findings
// are one key.
//
// Tested by: tests/unit/batch_unit_test.cpp, tests/unit/account_plan_test.cpp
#pragma once

#include "batch/process_unit.h"

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace leastpriv::batch {

struct SameKeyRounds {
  std::vector<std::size_t> first;  // the first unit of each key and every unit without one, in order
  std::vector<std::size_t> later;  // every other unit, in order
  std::unique_ptr<RunOutcomes> outcomes;  // keeps the outcomes of the keys `later` needs
};

// `order`: the units in the order they are to run; `keys[k]`: the key of unit order[k]
// (current_unit_key; nullopt for a unit that will fail, which is never deferred).
SameKeyRounds same_key_rounds(const std::vector<std::size_t>& order, const std::vector<std::optional<std::string>>& keys);

// Runs run(unit, config) for every unit of `order` on `threads` threads. When `config` verifies
// or caches (where a repeat costs a verification, or races its twin to the cache), units are
// keyed by key_of(unit, config) and run in the two rounds above, with a copy of `config` whose
// run_outcomes holds the first round's outcomes; otherwise all in one round, with `config`.
void run_in_key_rounds(const std::vector<std::size_t>& order, unsigned threads, const RunConfig& config,
                       const std::function<std::optional<std::string>(std::size_t, const RunConfig&)>& key_of,
                       const std::function<void(std::size_t, const RunConfig&)>& run);

}  // namespace leastpriv::batch
