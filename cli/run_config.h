// The configuration `batch` and `account` share (batch::RunConfig) from their common flags:
// --catalog, --strategy, --no-verify, --fast, --timeout, --cache. Both commands run their
// policies through batch::process_unit, so they must read these flags alike; this is the one
// place that does, and the one that says the warnings --no-verify and --fast owe the user.
//
// Tested by: tests/cli/batch_cli_test.cpp, tests/cli/account_cli_test.cpp
#pragma once

#include "batch/process_unit.h"
#include "cli/arguments.h"
#include "cli/inputs.h"
#include "model/result.h"

#include <string>

namespace leastpriv::cli {

// `catalog` must outlive the config (it points into it).
Result<batch::RunConfig> run_config_from(const Arguments& arguments, const CatalogInput& catalog);

// What the run's verdict memo saved, for the run's summary line: `, N of M queries from the
// run's verdict memo` (empty when nothing was verified).
std::string verdict_memo_note(const batch::RunConfig& config);

}  // namespace leastpriv::cli
