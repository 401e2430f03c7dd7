// The verification `refine` runs on its own result before writing it: proves O1–O3 with the
// verifier (which shares only the data model with the engine), prints a one-line verdict on
// stderr, writes the certificate when asked, and returns the exit code (0 only when proved).
#pragma once

#include "cli/arguments.h"
#include "engine/catalog.h"
#include "engine/findings.h"
#include "engine/policy_input.h"
#include "engine/refine.h"
#include "engine/strategy.h"

#include <string>

namespace leastpriv::cli {

int verify_refinement_for_cli(const engine::LoadedPolicy& original, const engine::UnusedFindings& findings,
                              const engine::Refinement& refinement, const engine::Catalog& catalog,
                              const engine::Strategy& strategy, const Arguments& arguments,
                              const std::string& policy_path, const std::string& findings_path);

}  // namespace leastpriv::cli
