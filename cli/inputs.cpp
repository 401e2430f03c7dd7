// Loading the inputs; see inputs.h.
#include "cli/inputs.h"

#include "model/json_text.h"

namespace leastpriv::cli {

Result<model::Catalog> load_catalog(const Arguments& arguments, const std::string& flag) {
  const auto path = arguments.value(flag);
  if (path) return model::Catalog::from_file(*path);
  return model::Catalog::embedded();
}

Result<RefineInputs> load_refine_inputs(const Arguments& arguments) {
  auto policy_path = arguments.required("--policy");
  if (!policy_path) return policy_path.error();
  auto findings_path = arguments.required("--findings");
  if (!findings_path) return findings_path.error();
  auto catalog = load_catalog(arguments);
  if (!catalog) return catalog.error();
  auto original = model::load_policy_file(*policy_path);
  if (!original) return original.error();
  if (original->detached) {
    return bad_input(*policy_path + ": a recommendation without CREATE_POLICY step is not a policy to refine");
  }
  auto findings = model::UnusedFindings::from_file(*findings_path);
  if (!findings) return findings.error();
  return RefineInputs{*policy_path, *findings_path, std::move(catalog).value(), std::move(original).value(),
                      std::move(findings).value()};
}

Status check_readable(const Arguments& arguments, const std::vector<std::string>& file_flags) {
  for (const auto& flag : file_flags) {
    const auto path = arguments.value(flag);
    if (!path) continue;
    auto text = model::read_text_file(*path);
    if (!text) return text.error();
  }
  return Ok{};
}

}  // namespace leastpriv::cli
