// Loading what every command reads: the catalog (embedded or --catalog), the policy and the
// findings, with the errors that name the file and the JSON pointer.
#pragma once

#include "cli/arguments.h"
#include "engine/catalog.h"

namespace leastpriv::cli {

// `--catalog FILE` when given, else the embedded snapshot.
Result<engine::Catalog> load_catalog(const Arguments& arguments, const std::string& flag = "--catalog");

}  // namespace leastpriv::cli
