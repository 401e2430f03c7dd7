// `refine --format recommendation`: the refinement in the shape of AWS IAM Access Analyzer's
// GetFindingRecommendation response, so tools that consume AWS's recommendations can
// consume ours: CREATE_POLICY with the refined policy as a JSON string, then DETACH_POLICY
// of the existing one; DETACH_POLICY alone when no Allow statement is left; no steps when
// nothing changes.
//
// Tested by: tests/cli/verify_cli_test.cpp (refine --format recommendation, verified)
#pragma once

#include "model/policy.h"
#include "engine/refine.h"

#include <string>

namespace leastpriv::engine {

model::Json recommendation_json(const Refinement& refinement, const std::string& existing_policy_id,
                         const std::string& resource_arn);

}  // namespace leastpriv::engine
