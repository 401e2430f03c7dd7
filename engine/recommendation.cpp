// GetFindingRecommendation shape; see recommendation.h.
#include "engine/recommendation.h"

#include "engine/json_text.h"

namespace leastpriv::engine {

Json recommendation_json(const Refinement& refinement, const std::string& existing_policy_id,
                         const std::string& resource_arn) {
  Json out = Json::object();
  if (!resource_arn.empty()) out["resourceArn"] = resource_arn;
  out["recommendationType"] = "UnusedPermissionRecommendation";
  out["status"] = "SUCCEEDED";
  Json steps = Json::array();
  if (refinement.changed()) {
    if (!refinement.detach) {
      Json create = Json::object();
      create["recommendedAction"] = "CREATE_POLICY";
      create["recommendedPolicy"] = dump_json(policy_to_json(refinement.document), -1);
      create["existingPolicyId"] = existing_policy_id;
      steps.push_back(Json::object({{"unusedPermissionsRecommendedStep", create}}));
    }
    Json detach = Json::object();
    detach["recommendedAction"] = "DETACH_POLICY";
    detach["existingPolicyId"] = existing_policy_id;
    steps.push_back(Json::object({{"unusedPermissionsRecommendedStep", detach}}));
  }
  out["recommendedSteps"] = std::move(steps);
  return out;
}

}  // namespace leastpriv::engine
