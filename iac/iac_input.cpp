// Reading the policies of any supported file; see iac_input.h.
#include "iac/iac_input.h"

#include "iac/cloudformation_reader.h"
#include "iac/source_document.h"
#include "iac/terraform_plan_reader.h"
#include "model/json_text.h"
#include "model/policy_input.h"

#include <filesystem>

namespace leastpriv::iac {

namespace {

bool is_plan(const Json& root) {
  return root.contains("format_version") && (root.contains("planned_values") || root.contains("resource_changes"));
}

// Where the document is in a policy file: the root, or inside an AWS CLI wrapper.
std::string policy_file_pointer(const Json& root) {
  if (root.contains("PolicyDocument")) return "/PolicyDocument";
  if (root.contains("PolicyVersion")) return "/PolicyVersion/Document";
  return "";
}

Result<PolicySet> read_policy_file(const SourceDocument& source, const model::InputFile& input) {
  auto loaded = model::load_policy_text(input.bytes, input.path);
  if (!loaded) return loaded.error();
  if (loaded->detached) return model::error_at(input.path, "", "a recommendation that only detaches the policy is no policy to check");
  FoundPolicy found;
  // One policy a file: before and after versions match whatever the files are called.
  found.key = "policy";
  found.location = PolicyLocation{input.path, std::filesystem::path(input.path).filename().string(), "policy",
                                  loaded->policy_id, policy_file_pointer(source.root), 0};
  found.lines = std::make_shared<LineIndex>(source.lines);
  found.location.line = found.lines->line_of(found.location.pointer);
  found.document = loaded->document.source;
  // A wrapper's document may be a (URL-encoded) JSON string, a recommendation's always is:
  // lines inside it are the line of that string.
  const std::string& pointer = found.location.pointer;
  found.document_was_text = source.root.contains("recommendedSteps") ||
                            (!pointer.empty() && source.root.at(Json::json_pointer(pointer)).is_string());
  found.policy = std::move(loaded->document);
  PolicySet set{input.path, "policy", {}};
  set.policies.push_back(std::move(found));
  return set;
}

}  // namespace

Result<IacVersions> read_policies(const model::InputFile& input) {
  auto source = read_source_document(input);
  if (!source) return source.error();
  const Json& root = source->root;
  if (!root.is_object()) {
    return model::error_at(input.path, "", "expected a CloudFormation template, a Terraform plan or a policy (an object), got " +
                                               model::quoted_value(root));
  }
  if (root.contains("Resources")) {
    auto set = read_cloudformation_policies(*source);
    if (!set) return set.error();
    return IacVersions{std::move(set).value(), std::nullopt};
  }
  if (is_plan(root)) return read_terraform_plan_policies(*source);
  if (source->syntax == SourceSyntax::kJson &&
      (root.contains("Statement") || root.contains("PolicyDocument") || root.contains("PolicyVersion") || root.contains("recommendedSteps"))) {
    auto set = read_policy_file(*source, input);
    if (!set) return set.error();
    return IacVersions{std::move(set).value(), std::nullopt};
  }
  return model::error_at(input.path, "",
                         "not a CloudFormation template (no `Resources`), a Terraform plan (`terraform show -json`: "
                         "`format_version` with `planned_values` or `resource_changes`) or an IAM policy");
}

}  // namespace leastpriv::iac
