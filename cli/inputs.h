// Loading what the commands read: the catalog (embedded or --catalog), the policy and the
// findings, with the errors that name the file and the JSON pointer; and the options several
// commands share (--format, --timeout).
#pragma once

#include "cli/arguments.h"
#include "model/catalog.h"
#include "model/findings.h"
#include "model/policy_input.h"

#include <optional>
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

// The --format value: one of `allowed`, the first being the default.
Result<std::string> format_choice(const Arguments& arguments, const std::vector<std::string>& allowed);

// The --timeout value in seconds, when given: a positive number.
Result<std::optional<double>> timeout_choice(const Arguments& arguments);

}  // namespace leastpriv::cli
