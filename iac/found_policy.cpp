// Finishing a found policy; see found_policy.h.
#include "iac/found_policy.h"

#include "model/json_text.h"
#include "model/policy_input.h"

namespace leastpriv::iac {

int FoundPolicy::line_of(const std::string& document_pointer) const {
  if (lines == nullptr) return location.line;
  return document_was_text ? location.line : lines->line_of(location.pointer + document_pointer);
}

Status complete_found_policy(FoundPolicy& found) {
  const std::string& file = found.location.file;
  const std::string& pointer = found.location.pointer;
  if (found.lines != nullptr) found.location.line = found.lines->line_of(pointer);
  if (found.unknown) return Ok{};
  if (found.document.is_string()) {
    auto parsed = model::parse_json_text(found.document.get_ref<const std::string&>(),
                                         file + " " + (pointer.empty() ? "/" : pointer) + " (policy text)");
    if (!parsed) return parsed.error();
    found.document = std::move(parsed).value();
    found.document_was_text = true;
  }
  found.opaque = opaque_action_values(found.document);
  if (!found.opaque.empty()) return Ok{};
  auto policy = model::parse_policy_document(found.document, file, pointer);
  if (!policy) return policy.error();
  found.policy = std::move(policy).value();
  return Ok{};
}

Status add_found_policy(FoundPolicy found, PolicySet& set) {
  if (auto status = complete_found_policy(found); !status) return status;
  for (const auto& other : set.policies) {
    if (other.key == found.key) {
      return model::error_at(found.location.file, found.location.pointer, "a second policy with the key `" + found.key + "`");
    }
  }
  set.policies.push_back(std::move(found));
  return Ok{};
}

std::string string_member(const Json& object, const char* key) {
  if (!object.is_object()) return "";
  const auto found = object.find(key);
  return found != object.end() && found->is_string() ? found->get<std::string>() : std::string();
}

}  // namespace leastpriv::iac
