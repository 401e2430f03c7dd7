// Helpers the tests share: where the sources are, reading test data, running the leastpriv
// binary, and building catalogs and policies from short texts.
#pragma once

#include "model/catalog.h"
#include "model/findings.h"
#include "model/input_file.h"
#include "model/verification_files.h"
#include "model/policy.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace leastpriv::testing {

// An absolute path under the source tree (`examples/seed/policy.json`).
std::string source_path(const std::string& relative);
std::string read_file(const std::string& path);
bool write_file(const std::string& path, const std::string& text);
// A file of the source tree as read once (model::read_input_file); fails the test if unreadable.
model::InputFile source_input(const std::string& relative);
// The files of proofs/faults/FAULT/ (original, findings, result) with tests/data/catalog-small.json.
model::VerificationFiles fault_files(const std::string& fault);

struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};
// Runs `build/leastpriv ARGS…` in the source tree (no shell; arguments passed as they are).
CommandResult run_leastpriv(const std::vector<std::string>& arguments);

// A fresh empty directory under the system's temp directory.
std::string make_temp_dir();

// A test with its own fresh directory (`dir_`), removed afterwards; `file` writes a file there.
class TempDirTest : public ::testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override;
  // Writes `text` to dir_/name and returns that path.
  std::string file(const std::string& name, const std::string& text) const;

  std::string dir_;
};

// Waits up to three seconds for process `pid` to be gone (no longer signalable, or a zombie:
// ended, waiting only for its new parent to reap it); true if it is.
bool process_gone(int pid);

// Every word over `alphabet` of length 0 to max_length, shortest first (exhaustive testers).
std::vector<std::string> all_words(const std::string& alphabet, std::size_t max_length);

// A catalog from `service:Name` strings.
model::Catalog catalog_of(const std::vector<std::string>& full_names);
// The 15-action catalog the strategy tests check by hand (s3 Get/List/Put, s3express, ec2).
const model::Catalog& small_hand_catalog();
// Every strategy of engine::strategy_names(), plus `bounded` with budgets small enough that
// test-sized policies go through both of its coarsening phases (its default of 6,144
// characters never coarsens them).
std::vector<std::string> strategies_under_test();
// A policy from its JSON text; fails the test on bad input.
model::PolicyDocument policy_of(const std::string& json_text);
// Findings from their JSON text; fails the test on bad input.
model::UnusedFindings findings_of(const std::string& json_text);

}  // namespace leastpriv::testing
