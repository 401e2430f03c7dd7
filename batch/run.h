// `leastpriv batch IN.jsonl -o OUT.jsonl`: every unit of the input (one JSON object a line,
// batch/unit.h) refined and verified on all cores, one output line per unit in input order, a
// failing unit reported in its own line without stopping the rest; resumable and shardable.
//
// Tested by: tests/cli/batch_cli_test.cpp, tests/unit/batch_unit_test.cpp
//
// IMPLEMENTATION: the input is read and parsed whole (10,000 units are a few hundred MB at most),
// then the units are processed largest line (policy and findings) first (the costliest verifications start first,
// so no core idles at the end while one large unit runs alone), each thread taking the next
// unit when it finishes one (support::parallel_for, no barrier between units); when verifying or
// caching (batch/same_key_rounds.h),
// units whose key another unit has are left to a second round that takes that unit's outcome. A finished
// unit's line is appended to OUT.partial and flushed at once, in the order units finish; when
// every unit is done, OUT is written whole in input order (through OUT.ordered, renamed) and
// OUT.partial removed — so OUT is never half written, and an interrupted run leaves
// OUT.partial for `--resume`, which keeps a whole line (one cut by the interruption is dropped)
// only when its key is the unit's key now and it is no error, and does the other units again (an
// OUT.partial that exists but cannot be read is an error: going on would write units twice). `--shard i/n` keeps the units whose id hashes (SHA-256) to i
// modulo n: a unit lands in the same shard on every run whatever its contents, and the shards'
// outputs together hold every unit exactly once. Ids must be unique within the input.
#pragma once

#include "batch/process_unit.h"
#include "batch/progress.h"
#include "model/result.h"

#include <array>
#include <cstddef>
#include <memory>
#include <ostream>
#include <string>

namespace leastpriv::batch {

struct BatchOptions {
  std::string input_path;
  std::string output_path;
  bool resume = false;
  std::size_t shard_index = 0;
  std::size_t shard_count = 1;
  unsigned jobs = 0;  // 0: one per hardware thread
  RunConfig config;
  std::ostream* progress = nullptr;  // where progress goes (stderr), or nowhere
  bool progress_terminal = false;    // redraw one line (a terminal) or print plain lines (a log)
};

struct BatchSummary {
  std::size_t input_units = 0;  // lines with a unit in the input
  std::size_t shard_units = 0;  // of those, the ones in this shard
  std::size_t resumed = 0;      // already in OUT.partial (--resume)
  std::size_t cache_hits = 0;
  std::size_t same_as_earlier = 0;  // units that took the outcome of a unit of this run with the same key
  std::array<std::size_t, 5> by_status{};  // indexed by UnitStatus, resumed lines included
  double seconds = 0;

  std::size_t count(UnitStatus status) const { return by_status[static_cast<std::size_t>(status)]; }
};

// The shard (0-based) a unit id belongs to among `count`.
std::size_t shard_of(const std::string& id, std::size_t count);

// Runs the batch, showing progress after every chunk. An Error is for the run as a whole (the
// input cannot be read, OUT cannot be written); units fail in their own lines.
Result<BatchSummary> run_batch(const BatchOptions& options);

}  // namespace leastpriv::batch
