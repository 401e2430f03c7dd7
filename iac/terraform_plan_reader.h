// The IAM identity policies of a `terraform show -json` plan (Terraform's JSON output format):
// aws_iam_policy.policy, aws_iam_role_policy.policy, aws_iam_user_policy.policy,
// aws_iam_group_policy.policy, aws_iam_role.inline_policy[].policy and
// aws_ssoadmin_permission_set_inline_policy.inline_policy, each a JSON string in the plan.
// The planned version comes from planned_values (root_module and its child_modules, at any
// depth); a value unknown until apply (resource_changes[].change.after_unknown) is marked
// unknown, never guessed. The version before comes from resource_changes[].change.before (a
// created resource has none; a resource with no change entry is the same before and after).
// Data sources (mode `data`) are not policies of the account and are skipped.
//
// Tested by: tests/unit/iac_readers_test.cpp
#pragma once

#include "iac/iac_input.h"
#include "iac/source_document.h"
#include "model/result.h"

namespace leastpriv::iac {

Result<IacVersions> read_terraform_plan_policies(const SourceDocument& source);

}  // namespace leastpriv::iac
