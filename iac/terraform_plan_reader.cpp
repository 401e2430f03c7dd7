// The policies of a Terraform plan; see terraform_plan_reader.h.
#include "iac/terraform_plan_reader.h"

#include "model/json_text.h"

#include <map>
#include <set>

namespace leastpriv::iac {

namespace {

// Resource types whose one attribute is a policy document string, with that attribute and
// the attribute that names the principal it applies to ("" when none).
struct PolicyAttribute {
  const char* type;
  const char* attribute;
  const char* principal;
};
constexpr PolicyAttribute kPolicyAttributes[] = {
    {"aws_iam_policy", "policy", ""},
    {"aws_iam_role_policy", "policy", "role"},
    {"aws_iam_user_policy", "policy", "user"},
    {"aws_iam_group_policy", "policy", "group"},
    {"aws_ssoadmin_permission_set_inline_policy", "inline_policy", "permission_set_arn"},
};
constexpr const char* kRoleType = "aws_iam_role";  // inline_policy: a set of {name, policy} blocks


bool is_true(const Json& value) { return value.is_boolean() && value.get<bool>(); }

const Json& member(const Json& object, const char* key) {
  static const Json kNull;
  if (!object.is_object()) return kNull;
  const auto found = object.find(key);
  return found == object.end() ? kNull : *found;
}

class PlanReader {
 public:
  explicit PlanReader(const SourceDocument& source)
      : source_(source), lines_(std::make_shared<LineIndex>(source.lines)) {}

  Result<IacVersions> read() {
    IacVersions versions{PolicySet{source_.file, "terraform-plan", {}}, PolicySet{source_.file, "terraform-plan", {}}};
    const Json& changes = member(source_.root, "resource_changes");
    if (!changes.is_null() && !changes.is_array()) {
      return model::error_at(source_.file, "/resource_changes", "expected an array, got " + model::quoted_value(changes));
    }
    std::map<std::string, const Json*> after_unknown;
    std::set<std::string> changed;
    for (std::size_t i = 0; changes.is_array() && i < changes.size(); ++i) {
      const Json& change = changes[i];
      const std::string pointer = "/resource_changes/" + std::to_string(i);
      if (!change.is_object() || !change.contains("address") || !change["address"].is_string()) {
        return model::error_at(source_.file, pointer, "a resource change needs an `address` string");
      }
      const std::string address = change["address"].get<std::string>();
      if (string_member(change, "mode") == "data") continue;
      changed.insert(address);
      const Json& body = member(change, "change");
      after_unknown[address] = &member(body, "after_unknown");
      const Json& before = member(body, "before");
      if (before.is_null()) continue;  // created by this plan: no version before
      if (auto status = read_resource(string_member(change, "type"), address, before, pointer + "/change/before",
                                      Json(), *versions.previous);
          !status) {
        return status.error();
      }
    }

    const Json& planned = member(source_.root, "planned_values");
    if (!planned.is_null()) {
      const Json& root_module = member(planned, "root_module");
      if (!root_module.is_null()) {
        if (auto status = read_module(root_module, "/planned_values/root_module", after_unknown, 0, versions.current); !status) {
          return status.error();
        }
      }
    }
    // A resource the plan does not change is the same before and after.
    for (const auto& policy : versions.current.policies) {
      if (changed.count(policy.location.resource) == 0) versions.previous->policies.push_back(policy);
    }
    return versions;
  }

 private:
  Status read_module(const Json& module, const std::string& pointer, const std::map<std::string, const Json*>& after_unknown,
                     std::size_t depth, PolicySet& set) {
    if (!module.is_object()) return model::error_at(source_.file, pointer, "a module must be an object");
    if (depth > model::kMaxJsonDepth) return model::error_at(source_.file, pointer, "modules nested too deep");
    const Json& resources = member(module, "resources");
    for (std::size_t i = 0; resources.is_array() && i < resources.size(); ++i) {
      const Json& resource = resources[i];
      const std::string resource_pointer = pointer + "/resources/" + std::to_string(i);
      if (!resource.is_object() || !resource.contains("address") || !resource["address"].is_string()) {
        return model::error_at(source_.file, resource_pointer, "a resource needs an `address` string");
      }
      if (string_member(resource, "mode") == "data") continue;
      const std::string address = resource["address"].get<std::string>();
      const auto unknown = after_unknown.find(address);
      if (auto status = read_resource(string_member(resource, "type"), address, member(resource, "values"),
                                      resource_pointer + "/values", unknown == after_unknown.end() ? Json() : *unknown->second, set);
          !status) {
        return status;
      }
    }
    const Json& children = member(module, "child_modules");
    for (std::size_t i = 0; children.is_array() && i < children.size(); ++i) {
      if (auto status = read_module(children[i], pointer + "/child_modules/" + std::to_string(i), after_unknown, depth + 1, set);
          !status) {
        return status;
      }
    }
    return Ok{};
  }

  Status read_resource(const std::string& type, const std::string& address, const Json& values, const std::string& pointer,
                       const Json& unknown, PolicySet& set) {
    if (type == kRoleType) return read_role(address, values, pointer, unknown, set);
    for (const auto& attribute : kPolicyAttributes) {
      if (type != attribute.type) continue;
      if (!values.is_object()) return model::error_at(source_.file, pointer, "expected the resource's values (an object)");
      FoundPolicy found = start(address, type, pointer + "/" + attribute.attribute);
      found.key = address;
      found.location.policy_name = string_member(values, "name");
      if (const std::string principal = string_member(values, attribute.principal); !principal.empty()) {
        found.principals.push_back(principal);
      }
      const Json& value = member(values, attribute.attribute);
      if (is_true(member(unknown, attribute.attribute)) && value.is_null()) {
        found.unknown = true;
      } else if (!value.is_string()) {
        return model::error_at(source_.file, found.location.pointer,
                               "expected the policy as a JSON string, got " + model::quoted_value(value));
      } else {
        found.document = value;
      }
      return add_found_policy(std::move(found), set);
    }
    return Ok{};
  }

  // aws_iam_role: each inline_policy block {name, policy}; the whole set or one block's policy
  // may be unknown.
  Status read_role(const std::string& address, const Json& values, const std::string& pointer, const Json& unknown,
                   PolicySet& set) {
    const Json& blocks = member(values, "inline_policy");
    const Json& blocks_unknown = member(unknown, "inline_policy");
    const std::string blocks_pointer = pointer + "/inline_policy";
    const std::string role_name = string_member(values, "name");
    if (blocks.is_null()) {
      if (!is_true(blocks_unknown)) return Ok{};
      FoundPolicy found = start(address, kRoleType, blocks_pointer);
      found.key = address + "/inline_policy";
      found.unknown = true;
      found.principals = {address};
      return add_found_policy(std::move(found), set);
    }
    if (!blocks.is_array()) {
      return model::error_at(source_.file, blocks_pointer, "expected an array of inline policies, got " + model::quoted_value(blocks));
    }
    for (std::size_t i = 0; i < blocks.size(); ++i) {
      const Json& block = blocks[i];
      const std::string block_pointer = blocks_pointer + "/" + std::to_string(i);
      const std::string name = string_member(block, "name");
      const Json& policy = member(block, "policy");
      const bool policy_unknown = is_true(blocks_unknown) || is_true(member(blocks_unknown.is_array() && i < blocks_unknown.size()
                                                                               ? blocks_unknown[i] : Json(), "policy"));
      // The provider's placeholder block of a role without inline policies.
      if (name.empty() && (policy.is_null() || policy == "") && !policy_unknown) continue;
      FoundPolicy found = start(address, kRoleType, block_pointer + "/policy");
      found.key = address + "/inline_policy/" + (name.empty() ? std::to_string(i) : name);
      found.location.policy_name = name;
      found.principals = {address};
      if (!role_name.empty()) found.principals.push_back(role_name);
      if (policy_unknown && policy.is_null()) {
        found.unknown = true;
      } else if (!policy.is_string()) {
        return model::error_at(source_.file, block_pointer + "/policy",
                               "expected the policy as a JSON string, got " + model::quoted_value(policy));
      } else {
        found.document = policy;
      }
      if (auto status = add_found_policy(std::move(found), set); !status) return status;
    }
    return Ok{};
  }

  FoundPolicy start(const std::string& address, const std::string& type, const std::string& pointer) {
    FoundPolicy found;
    found.location = PolicyLocation{source_.file, address, type, "", pointer, 0};
    found.lines = lines_;
    return found;
  }

  const SourceDocument& source_;
  std::shared_ptr<const LineIndex> lines_;
};

}  // namespace

Result<IacVersions> read_terraform_plan_policies(const SourceDocument& source) { return PlanReader(source).read(); }

}  // namespace leastpriv::iac
