// Reading the policies of a file whatever it is: a CloudFormation template (JSON or YAML, with
// `Resources`), a `terraform show -json` plan (`format_version` with `planned_values` or
// `resource_changes`) or one IAM policy file (a document or an AWS CLI wrapper, as `refine`
// reads). A plan carries two versions: the planned one and, from resource_changes, the one
// before the change (what a pull request's diff is checked against).
//
// Tested by: tests/unit/iac_readers_test.cpp, tests/cli/gate_cli_test.cpp, tests/fuzz/iac_reader_fuzz.cpp
#pragma once

#include "iac/found_policy.h"
#include "model/input_file.h"
#include "model/result.h"

#include <optional>

namespace leastpriv::iac {

struct IacVersions {
  PolicySet current;
  // A plan's state before the change; none for a template or a policy file.
  std::optional<PolicySet> previous;
};

// Every supported policy of the file; errors (exit 2) name the file and the JSON pointer.
Result<IacVersions> read_policies(const model::InputFile& input);

}  // namespace leastpriv::iac
