// The batch cache (`--cache DIR`): a unit's outcome stored under its content key (batch/unit.h),
// so a second run over an unchanged account refines and verifies nothing again, and principals
// that share a policy and agree on its findings share one proof.
//
// Tested by: tests/unit/batch_unit_test.cpp, tests/cli/batch_cli_test.cpp
//
// IMPLEMENTATION: DIR/<first two hex digits>/<key>/ holds outcome.json (status, refined policy,
// refine warnings, strategy) and, for a proved unit, the four files of its proof: original.json,
// findings.json (the touching findings), result.json and certificate.json, so that
// `leastpriv check-certificate DIR/…/certificate.json --original DIR/…/original.json …` re-checks
// it. An entry is written into a fresh folder beside its place and renamed into it, so a reader
// sees a whole entry or none; two runs that make the same entry keep the first. Only proved and
// unverified (--no-verify) outcomes are stored: an `unknown` may be a timeout that another run
// would not hit, and a counterexample costs little to find again.
#pragma once

#include "model/policy.h"
#include "model/result.h"

#include <optional>
#include <string>

namespace leastpriv::batch {

// The files of one entry; certificate files are empty for an unverified outcome.
struct CacheEntry {
  model::Json outcome;
  std::string original;
  std::string findings;
  std::string result;
  std::string certificate;
};

// Is `outcome` an outcome.json this run may reuse: status `proved` (or `unverified` when
// `verify` is false), a string `strategy`, `warnings` an array of strings, and exactly one of a
// `policy` the policy reader accepts or `detach: true`? A cache is a folder anyone may write in:
// an entry that is not so is refined and verified again, never trusted.
bool is_whole_outcome(const model::Json& outcome, bool verify);

// The entry stored under `key`, if there is a whole one (is_whole_outcome).
std::optional<model::Json> cached_outcome(const std::string& dir, const std::string& key, bool verify);

// Writes `text` to `path` and makes it durable (fsync) before returning: every error of the
// write, the sync or the close is reported, so an entry is renamed into place only when whole.
Status write_file_durably(const std::string& path, const std::string& text);

// Stores `entry` under `key` (kept as it is when another run stored it first).
Status store_outcome(const std::string& dir, const std::string& key, const CacheEntry& entry);

// The folder of `key`'s entry.
std::string entry_dir(const std::string& dir, const std::string& key);

}  // namespace leastpriv::batch
