// The policies of a CloudFormation template; see cloudformation_reader.h.
#include "iac/cloudformation_reader.h"

#include "model/json_text.h"

#include <set>

namespace leastpriv::iac {

namespace {

// Types whose Properties.PolicyDocument is the policy, with the property naming it.
struct DocumentType {
  const char* type;
  const char* name_property;
};
constexpr DocumentType kDocumentTypes[] = {
    {"AWS::IAM::Policy", "PolicyName"},         {"AWS::IAM::ManagedPolicy", "ManagedPolicyName"},
    {"AWS::IAM::RolePolicy", "PolicyName"},     {"AWS::IAM::UserPolicy", "PolicyName"},
    {"AWS::IAM::GroupPolicy", "PolicyName"},
};
// Types with inline Policies[].
const std::set<std::string> kInlineTypes = {"AWS::IAM::Role", "AWS::IAM::User", "AWS::IAM::Group"};


// A principal as the template names it: `{"Ref": "AppRole"}` -> `AppRole`, a literal name as is.
std::string principal_name(const Json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (is_intrinsic(value) && value.begin().key() == "Ref" && value.begin()->is_string()) return value.begin()->get<std::string>();
  return "";
}

// The principals of a policy resource: Roles, Users, Groups (lists) and RoleName, UserName, GroupName.
std::vector<std::string> attached_principals(const Json& properties) {
  std::vector<std::string> principals;
  for (const char* key : {"Roles", "Users", "Groups"}) {
    const auto list = properties.find(key);
    if (list == properties.end() || !list->is_array()) continue;
    for (const auto& item : *list) {
      if (auto name = principal_name(item); !name.empty()) principals.push_back(name);
    }
  }
  for (const char* key : {"RoleName", "UserName", "GroupName"}) {
    const auto value = properties.find(key);
    if (value == properties.end()) continue;
    if (auto name = principal_name(*value); !name.empty()) principals.push_back(name);
  }
  return principals;
}

class TemplateReader {
 public:
  explicit TemplateReader(const SourceDocument& source)
      : source_(source), lines_(std::make_shared<LineIndex>(source.lines)) {}

  Result<PolicySet> read() {
    PolicySet set{source_.file, "cloudformation", {}};
    const Json& resources = source_.root["Resources"];
    if (!resources.is_object()) {
      return model::error_at(source_.file, "/Resources", "`Resources` must be an object, got " + model::quoted_value(resources));
    }
    for (const auto& [logical_id, resource] : resources.items()) {
      const std::string pointer = "/Resources/" + model::json_pointer_token(logical_id);
      if (auto status = read_resource(logical_id, resource, pointer, set); !status) return status.error();
    }
    return set;
  }

 private:
  Status read_resource(const std::string& logical_id, const Json& resource, const std::string& pointer, PolicySet& set) {
    if (!resource.is_object()) {
      return model::error_at(source_.file, pointer, "a resource must be an object, got " + model::quoted_value(resource));
    }
    const auto type_value = resource.find("Type");
    if (type_value == resource.end() || !type_value->is_string()) {
      return model::error_at(source_.file, pointer + "/Type", "a resource needs a `Type` string");
    }
    const std::string type = type_value->get<std::string>();
    const DocumentType* document_type = nullptr;
    for (const auto& candidate : kDocumentTypes) {
      if (type == candidate.type) document_type = &candidate;
    }
    if (document_type == nullptr && kInlineTypes.count(type) == 0) return Ok{};

    const auto properties = resource.find("Properties");
    const std::string properties_pointer = pointer + "/Properties";
    if (properties == resource.end()) {
      if (document_type != nullptr) return model::error_at(source_.file, pointer, type + " has no `Properties`");
      return Ok{};
    }
    if (!properties->is_object()) {
      return model::error_at(source_.file, properties_pointer,
                             "`Properties` must be an object, got " + model::quoted_value(*properties));
    }
    if (document_type != nullptr) {
      const auto document = properties->find("PolicyDocument");
      if (document == properties->end()) {
        return model::error_at(source_.file, properties_pointer, type + " has no `PolicyDocument`");
      }
      FoundPolicy found = start(logical_id, type, properties_pointer + "/PolicyDocument", *document);
      found.key = logical_id;
      found.location.policy_name = string_member(*properties, document_type->name_property);
      found.principals = attached_principals(*properties);
      return add_found_policy(std::move(found), set);
    }
    const auto policies = properties->find("Policies");
    if (policies == properties->end()) return Ok{};
    const std::string policies_pointer = properties_pointer + "/Policies";
    if (!policies->is_array()) {
      return model::error_at(source_.file, policies_pointer, "`Policies` must be an array, got " + model::quoted_value(*policies));
    }
    for (std::size_t i = 0; i < policies->size(); ++i) {
      const Json& item = (*policies)[i];
      const std::string item_pointer = policies_pointer + "/" + std::to_string(i);
      if (!item.is_object() || !item.contains("PolicyDocument")) {
        return model::error_at(source_.file, item_pointer, "an inline policy must be an object with `PolicyDocument`");
      }
      FoundPolicy found = start(logical_id, type, item_pointer + "/PolicyDocument", item["PolicyDocument"]);
      found.location.policy_name = string_member(item, "PolicyName");
      // Keyed by name so that reordering Policies[] is no change; by position when unnamed.
      found.key = logical_id + "/Policies/" + (found.location.policy_name.empty() ? std::to_string(i) : found.location.policy_name);
      found.principals = {logical_id};
      if (auto status = add_found_policy(std::move(found), set); !status) return status;
    }
    return Ok{};
  }

  FoundPolicy start(const std::string& logical_id, const std::string& type, const std::string& pointer, const Json& document) {
    FoundPolicy found;
    found.location = PolicyLocation{source_.file, logical_id, type, "", pointer, 0};
    found.document = document;
    found.lines = lines_;
    return found;
  }

  const SourceDocument& source_;
  std::shared_ptr<const LineIndex> lines_;
};

}  // namespace

Result<PolicySet> read_cloudformation_policies(const SourceDocument& source) { return TemplateReader(source).read(); }

}  // namespace leastpriv::iac
