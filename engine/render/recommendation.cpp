// GetFindingRecommendation shape; see recommendation.h.
#include "engine/render/recommendation.h"

#include "model/json_text.h"

namespace leastpriv::engine {

model::Json recommendation_json(const Refinement& refinement, const std::string& existing_policy_id,
                         const std::string& resource_arn) {
  model::Json out = model::Json::object();
  if (!resource_arn.empty()) out["resourceArn"] = resource_arn;
  out["recommendationType"] = "UnusedPermissionRecommendation";
  out["status"] = "SUCCEEDED";
  model::Json steps = model::Json::array();
  if (refinement.changed()) {
    if (!refinement.detach) {
      model::Json create = model::Json::object();
      create["recommendedAction"] = "CREATE_POLICY";
      create["recommendedPolicy"] = model::dump_json(model::policy_to_json(refinement.document), -1);
      create["existingPolicyId"] = existing_policy_id;
      steps.push_back(model::Json::object({{"unusedPermissionsRecommendedStep", create}}));
    }
    model::Json detach = model::Json::object();
    detach["recommendedAction"] = "DETACH_POLICY";
    detach["existingPolicyId"] = existing_policy_id;
    steps.push_back(model::Json::object({{"unusedPermissionsRecommendedStep", detach}}));
  }
  out["recommendedSteps"] = std::move(steps);
  return out;
}

}  // namespace leastpriv::engine
