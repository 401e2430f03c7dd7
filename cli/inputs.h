// Loading what the commands read: the catalog (embedded or --catalog), the policy and the
// findings, with the errors that name the file and the JSON pointer (exit 2, as for any input
// file that cannot be read).
//
// Tested by: tests/cli/refine_cli_test.cpp, tests/cli/verify_cli_test.cpp
#pragma once

#include "cli/arguments.h"
#include "model/catalog.h"
#include "model/findings.h"
#include "model/policy_input.h"

#include <string>
#include <vector>

namespace leastpriv::cli {

// `--catalog FILE` (or another flag) when given, else the embedded snapshot.
Result<model::Catalog> load_catalog(const Arguments& arguments, const std::string& flag = "--catalog");

// What refine, compare and explain start from.
struct RefineInputs {
  std::string policy_path;
  std::string findings_path;
  model::Catalog catalog;
  model::LoadedPolicy original;
  model::UnusedFindings findings;
};

// --policy, --findings and the catalog. A recommendation with no CREATE_POLICY step is refused:
// it is no policy to refine.
Result<RefineInputs> load_refine_inputs(const Arguments& arguments);

// Each of these flags' files, when the flag is given, can be read: a bad input (exit 2) up
// front, before a command spends solver time and then reports the file as a failed check.
Status check_readable(const Arguments& arguments, const std::vector<std::string>& file_flags);

}  // namespace leastpriv::cli
