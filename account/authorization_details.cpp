// Reading get-account-authorization-details; see authorization_details.h.
#include "account/authorization_details.h"

#include "model/input_limits.h"
#include "model/json_text.h"

#include <algorithm>

namespace leastpriv::account {

namespace {

using model::error_at;
using model::Json;

// Reads one response (or page) into `details`.
class DetailsReader {
 public:
  DetailsReader(const std::string& file, AccountDetails& details) : file_(file), details_(details) {}

  Status read(const Json& root) {
    if (root.is_array()) {
      for (std::size_t i = 0; i < root.size(); ++i) {
        if (auto status = read_page(root[i], "/" + std::to_string(i)); !status) return status;
      }
      return Ok{};
    }
    return read_page(root, "");
  }

 private:
  Status read_page(const Json& page, const std::string& pointer) {
    if (!page.is_object()) return error_at(file_, pointer, "expected a get-account-authorization-details response (an object)");
    bool any = false;
    for (const char* key : {"RoleDetailList", "UserDetailList", "GroupDetailList", "Policies"}) any = any || page.contains(key);
    if (!any) {
      return error_at(file_, pointer,
                      "not a get-account-authorization-details response: expected `RoleDetailList`, `UserDetailList`, "
                      "`GroupDetailList` or `Policies`");
    }
    if (auto status = read_list(page, pointer, "Policies", &DetailsReader::read_managed); !status) return status;
    if (auto status = read_list(page, pointer, "GroupDetailList", &DetailsReader::read_group); !status) return status;
    if (auto status = read_list(page, pointer, "RoleDetailList", &DetailsReader::read_role); !status) return status;
    return read_list(page, pointer, "UserDetailList", &DetailsReader::read_user);
  }

  Status read_list(const Json& page, const std::string& pointer, const char* key,
                   Status (DetailsReader::*read_one)(const Json&, const std::string&)) {
    const auto list = page.find(key);
    if (list == page.end()) return Ok{};
    const std::string list_pointer = pointer + "/" + key;
    if (!list->is_array()) return error_at(file_, list_pointer, "expected an array, got " + model::quoted_value(*list));
    for (std::size_t i = 0; i < list->size(); ++i) {
      const std::string item_pointer = list_pointer + "/" + std::to_string(i);
      if (!(*list)[i].is_object()) return error_at(file_, item_pointer, "expected an object, got " + model::quoted_value((*list)[i]));
      if (auto status = (this->*read_one)((*list)[i], item_pointer); !status) return status;
    }
    return Ok{};
  }

  Result<std::string> required_string(const Json& object, const std::string& pointer, const char* key) {
    const auto found = object.find(key);
    if (found == object.end()) return error_at(file_, pointer, std::string("has no `") + key + "`");
    if (!found->is_string() || found->get_ref<const std::string&>().empty()) {
      return error_at(file_, pointer + "/" + key, "expected a non-empty string, got " + model::quoted_value(*found));
    }
    return found->get<std::string>();
  }

  // A document: an object, JSON text, or URL-encoded JSON text.
  Result<PolicyText> read_document(const Json& value, const std::string& pointer) {
    PolicyText document;
    document.where = file_ + " " + pointer;
    Json parsed;
    if (value.is_string()) {
      std::string text = value.get<std::string>();
      const auto first = text.find_first_not_of(" \t\r\n");
      if (first != std::string::npos && text[first] == '%') {
        auto decoded = model::url_decode(text);
        if (!decoded) return error_at(file_, pointer, "URL-encoded document: " + decoded.error().message);
        text = std::move(decoded).value();
      }
      auto from_text = model::parse_json_text(text, document.where + " (document text)");
      if (!from_text) return from_text.error();
      parsed = std::move(from_text).value();
    } else {
      parsed = value;
    }
    if (!parsed.is_object()) return error_at(file_, pointer, "a policy document must be an object, got " + model::quoted_value(parsed));
    document.text = model::dump_json(parsed, -1);
    auto policy = model::load_policy_text(document.text, document.where);
    if (!policy) return policy.error();
    document.policy = std::move(policy).value();
    return document;
  }

  Result<std::vector<InlinePolicy>> read_inline(const Json& object, const std::string& pointer, const char* key) {
    std::vector<InlinePolicy> policies;
    const auto list = object.find(key);
    if (list == object.end()) return policies;
    const std::string list_pointer = pointer + "/" + key;
    if (!list->is_array()) return error_at(file_, list_pointer, "expected an array, got " + model::quoted_value(*list));
    for (std::size_t i = 0; i < list->size(); ++i) {
      const std::string item_pointer = list_pointer + "/" + std::to_string(i);
      const Json& item = (*list)[i];
      if (!item.is_object()) return error_at(file_, item_pointer, "expected an object with `PolicyName` and `PolicyDocument`");
      auto name = required_string(item, item_pointer, "PolicyName");
      if (!name) return name.error();
      if (!item.contains("PolicyDocument")) return error_at(file_, item_pointer, "has no `PolicyDocument`");
      auto document = read_document(item["PolicyDocument"], item_pointer + "/PolicyDocument");
      if (!document) return document.error();
      policies.push_back(InlinePolicy{*name, std::move(document).value()});
    }
    return policies;
  }

  Result<std::vector<std::string>> read_attached(const Json& object, const std::string& pointer) {
    std::vector<std::string> arns;
    const auto list = object.find("AttachedManagedPolicies");
    if (list == object.end()) return arns;
    const std::string list_pointer = pointer + "/AttachedManagedPolicies";
    if (!list->is_array()) return error_at(file_, list_pointer, "expected an array, got " + model::quoted_value(*list));
    for (std::size_t i = 0; i < list->size(); ++i) {
      const std::string item_pointer = list_pointer + "/" + std::to_string(i);
      if (!(*list)[i].is_object()) return error_at(file_, item_pointer, "expected an object with `PolicyArn`");
      auto arn = required_string((*list)[i], item_pointer, "PolicyArn");
      if (!arn) return arn.error();
      arns.push_back(*arn);
    }
    return arns;
  }

  Status read_principal(const Json& object, const std::string& pointer, PrincipalKind kind) {
    Principal principal;
    principal.kind = kind;
    const bool role = kind == PrincipalKind::kRole;
    auto name = required_string(object, pointer, role ? "RoleName" : "UserName");
    if (!name) return name.error();
    auto arn = required_string(object, pointer, "Arn");
    if (!arn) return arn.error();
    principal.name = *name;
    principal.arn = *arn;
    auto inline_policies = read_inline(object, pointer, role ? "RolePolicyList" : "UserPolicyList");
    if (!inline_policies) return inline_policies.error();
    principal.inline_policies = std::move(inline_policies).value();
    auto attached = read_attached(object, pointer);
    if (!attached) return attached.error();
    principal.attached = std::move(attached).value();
    if (!role && object.contains("GroupList")) {
      const Json& groups = object["GroupList"];
      if (!groups.is_array()) return error_at(file_, pointer + "/GroupList", "expected an array of group names");
      for (std::size_t i = 0; i < groups.size(); ++i) {
        if (!groups[i].is_string()) {
          return error_at(file_, pointer + "/GroupList/" + std::to_string(i), "expected a group name, got " + model::quoted_value(groups[i]));
        }
        principal.groups.push_back(groups[i].get<std::string>());
      }
    }
    const auto boundary = object.find("PermissionsBoundary");
    if (boundary != object.end() && boundary->is_object()) {
      const auto boundary_arn = boundary->find("PermissionsBoundaryArn");
      if (boundary_arn != boundary->end() && boundary_arn->is_string()) principal.permissions_boundary = boundary_arn->get<std::string>();
    }
    details_.principals.push_back(std::move(principal));
    return Ok{};
  }

  Status read_role(const Json& object, const std::string& pointer) { return read_principal(object, pointer, PrincipalKind::kRole); }
  Status read_user(const Json& object, const std::string& pointer) { return read_principal(object, pointer, PrincipalKind::kUser); }

  Status read_group(const Json& object, const std::string& pointer) {
    Group group;
    auto name = required_string(object, pointer, "GroupName");
    if (!name) return name.error();
    group.name = *name;
    if (object.contains("Arn") && object["Arn"].is_string()) group.arn = object["Arn"].get<std::string>();
    auto inline_policies = read_inline(object, pointer, "GroupPolicyList");
    if (!inline_policies) return inline_policies.error();
    group.inline_policies = std::move(inline_policies).value();
    auto attached = read_attached(object, pointer);
    if (!attached) return attached.error();
    group.attached = std::move(attached).value();
    details_.groups[group.name] = std::move(group);
    return Ok{};
  }

  Status read_managed(const Json& object, const std::string& pointer) {
    ManagedPolicy policy;
    auto arn = required_string(object, pointer, "Arn");
    if (!arn) return arn.error();
    auto name = required_string(object, pointer, "PolicyName");
    if (!name) return name.error();
    policy.arn = *arn;
    policy.name = *name;
    policy.aws_managed = is_aws_managed_arn(policy.arn);
    if (const auto count = object.find("AttachmentCount"); count != object.end()) {
      if (!count->is_number_unsigned()) return error_at(file_, pointer + "/AttachmentCount", "expected a whole number");
      policy.attachment_count = count->get<std::size_t>();
    }
    const auto versions = object.find("PolicyVersionList");
    if (versions != object.end()) {
      if (!versions->is_array()) return error_at(file_, pointer + "/PolicyVersionList", "expected an array of policy versions");
      for (std::size_t i = 0; i < versions->size(); ++i) {
        const Json& version = (*versions)[i];
        const std::string version_pointer = pointer + "/PolicyVersionList/" + std::to_string(i);
        if (!version.is_object()) return error_at(file_, version_pointer, "expected a policy version (an object)");
        const auto is_default = version.find("IsDefaultVersion");
        if (is_default == version.end() || *is_default != true) continue;
        if (policy.has_document) return error_at(file_, version_pointer + "/IsDefaultVersion", "a second default version");
        if (!version.contains("Document")) return error_at(file_, version_pointer, "the default version has no `Document`");
        auto document = read_document(version["Document"], version_pointer + "/Document");
        if (!document) return document.error();
        policy.document = std::move(document).value();
        policy.has_document = true;
      }
    }
    details_.managed[policy.arn] = std::move(policy);
    return Ok{};
  }

  const std::string& file_;
  AccountDetails& details_;
};

}  // namespace

bool is_aws_managed_arn(std::string_view arn) {
  // arn:PARTITION:iam::aws:policy/…
  if (arn.substr(0, 4) != "arn:") return false;
  const auto after_partition = arn.find(':', 4);
  return after_partition != std::string_view::npos && arn.substr(after_partition, 17) == ":iam::aws:policy/";
}

const char* principal_kind_name(PrincipalKind kind) { return kind == PrincipalKind::kRole ? "role" : "user"; }

Result<AccountDetails> read_authorization_details(std::string_view text, const std::string& file) {
  auto parsed = model::parse_json_text(text, file);
  if (!parsed) return parsed.error();
  AccountDetails details;
  DetailsReader reader(file, details);
  if (auto status = reader.read(*parsed); !status) return status.error();
  // Roles before users, each in file order (pages keep their order).
  std::stable_partition(details.principals.begin(), details.principals.end(),
                        [](const Principal& principal) { return principal.kind == PrincipalKind::kRole; });
  return details;
}

Result<AccountDetails> read_authorization_details_file(const std::string& path) {
  auto text = model::read_text_file(path, model::kMaxAuthorizationDetailsBytes);
  if (!text) return text.error();
  return read_authorization_details(*text, path);
}

}  // namespace leastpriv::account
