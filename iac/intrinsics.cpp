// Opaque values in a policy's actions; see intrinsics.h.
#include "iac/intrinsics.h"

#include "model/json_text.h"

namespace leastpriv::iac {

bool is_intrinsic(const Json& value) {
  if (!value.is_object() || value.size() != 1) return false;
  const std::string& key = value.begin().key();
  return key == "Ref" || key == "Condition" || key.rfind("Fn::", 0) == 0;
}

namespace {

void add(std::vector<OpaqueValue>& out, const Json& value, const std::string& pointer) {
  out.push_back({pointer, model::dump_json(value, -1)});
}

void statement_opaque_values(const Json& statement, const std::string& pointer, std::vector<OpaqueValue>& out) {
  if (is_intrinsic(statement)) return add(out, statement, pointer);
  if (!statement.is_object()) return;
  for (const char* key : {"Effect", "Action", "NotAction"}) {
    const auto found = statement.find(key);
    if (found == statement.end()) continue;
    const std::string key_pointer = pointer + "/" + key;
    if (is_intrinsic(*found)) {
      add(out, *found, key_pointer);
    } else if (found->is_array()) {
      for (std::size_t i = 0; i < found->size(); ++i) {
        if (is_intrinsic((*found)[i])) add(out, (*found)[i], key_pointer + "/" + std::to_string(i));
      }
    }
  }
}

}  // namespace

std::vector<OpaqueValue> opaque_action_values(const Json& document) {
  std::vector<OpaqueValue> out;
  if (is_intrinsic(document)) {
    add(out, document, "");
    return out;
  }
  if (!document.is_object()) return out;
  const auto statements = document.find("Statement");
  if (statements == document.end()) return out;
  if (is_intrinsic(*statements)) {
    add(out, *statements, "/Statement");
  } else if (statements->is_array()) {
    for (std::size_t i = 0; i < statements->size(); ++i) {
      statement_opaque_values((*statements)[i], "/Statement/" + std::to_string(i), out);
    }
  } else {
    statement_opaque_values(*statements, "/Statement", out);
  }
  return out;
}

}  // namespace leastpriv::iac
