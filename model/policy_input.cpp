// Reading a policy from the shapes users have; see policy_input.h.
#include "model/policy_input.h"

#include "model/ascii.h"
#include "model/input_limits.h"
#include "model/json_text.h"
#include "model/scope.h"

#include <nlohmann/json.hpp>

#include <vector>

namespace leastpriv::model {

namespace {

Result<Statement> parse_statement(const Json& value, const std::string& file, const std::string& pointer) {
  if (!value.is_object()) return error_at(file, pointer, "a statement must be an object, got " + quoted_value(value));
  Statement statement;
  statement.source = value;

  const auto effect = value.find("Effect");
  if (effect == value.end()) return error_at(file, pointer, "statement has no `Effect`");
  if (!effect->is_string() || (*effect != "Allow" && *effect != "Deny")) {
    return error_at(file, pointer + "/Effect", "`Effect` must be \"Allow\" or \"Deny\", got " + quoted_value(*effect));
  }
  statement.effect = *effect == "Allow" ? Effect::kAllow : Effect::kDeny;

  const auto action = value.find("Action");
  const auto not_action = value.find("NotAction");
  if (action != value.end() && not_action != value.end()) {
    return error_at(file, pointer, "statement has both `Action` and `NotAction`");
  }
  if (action == value.end() && not_action == value.end()) {
    return error_at(file, pointer, "statement has neither `Action` nor `NotAction`");
  }
  statement.action_key = action != value.end() ? ActionKey::kAction : ActionKey::kNotAction;
  const Json& list = action != value.end() ? *action : *not_action;
  const std::string list_pointer = pointer + (action != value.end() ? "/Action" : "/NotAction");

  auto add_pattern = [&](const Json& item, const std::string& item_pointer) -> Status {
    if (!item.is_string()) return error_at(file, item_pointer, "an action must be a string, got " + quoted_value(item));
    const auto& text = item.get_ref<const std::string&>();
    if (text.empty()) return error_at(file, item_pointer, "an action must not be empty");
    if (!is_printable_ascii(text)) {
      return error_at(file, item_pointer, "action " + quoted_value(item) +
                                              " has a non-ASCII or control character (IAM action names are printable ASCII)");
    }
    if (const std::string problem = pattern_limit_problem(text); !problem.empty()) {
      return error_at(file, item_pointer, "action " + quoted_value(item) + " " + problem);
    }
    statement.patterns.push_back(text);
    return Ok{};
  };
  if (list.is_string()) {
    statement.patterns_as_string = true;
    if (auto status = add_pattern(list, list_pointer); !status) return status.error();
  } else if (list.is_array()) {
    for (std::size_t i = 0; i < list.size(); ++i) {
      if (auto status = add_pattern(list[i], list_pointer + "/" + std::to_string(i)); !status) return status.error();
    }
  } else {
    return error_at(file, list_pointer, "expected a string or an array of strings, got " + quoted_value(list));
  }
  statement.scope = canonical_scope(value);
  return statement;
}

}  // namespace

Result<PolicyDocument> parse_policy_document(const Json& value, const std::string& file, const std::string& pointer) {
  if (!value.is_object()) return error_at(file, pointer, "a policy document must be an object, got " + quoted_value(value));
  const auto statements = value.find("Statement");
  if (statements == value.end()) return error_at(file, pointer, "policy document has no `Statement`");
  PolicyDocument document;
  document.source = value;
  const std::string statements_pointer = pointer + "/Statement";
  if (statements->is_object()) {
    document.statement_as_object = true;
    auto statement = parse_statement(*statements, file, statements_pointer);
    if (!statement) return statement.error();
    document.statements.push_back(std::move(statement).value());
  } else if (statements->is_array()) {
    if (statements->size() > kMaxStatements) {
      return error_at(file, statements_pointer, "has " + std::to_string(statements->size()) +
                                                    " statements, more than the limit of " + std::to_string(kMaxStatements) +
                                                    " (README \"Resource limits\")");
    }
    for (std::size_t i = 0; i < statements->size(); ++i) {
      auto statement = parse_statement((*statements)[i], file, statements_pointer + "/" + std::to_string(i));
      if (!statement) return statement.error();
      document.statements.push_back(std::move(statement).value());
    }
  } else {
    return error_at(file, statements_pointer, "`Statement` must be an object or an array, got " + quoted_value(*statements));
  }
  return document;
}

Result<std::string> url_decode(std::string_view text) {
  auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') {
      out += text[i];
      continue;
    }
    if (i + 2 >= text.size()) return bad_input("truncated percent escape at character " + std::to_string(i));
    const int high = hex(text[i + 1]);
    const int low = hex(text[i + 2]);
    if (high < 0 || low < 0) return bad_input("bad percent escape at character " + std::to_string(i));
    out += static_cast<char>(high * 16 + low);
    i += 2;
  }
  return out;
}

namespace {

// A document given as a string: URL-encoded (as the IAM API returns inline and managed
// policies) or plain JSON text (as GetFindingRecommendation's recommendedPolicy).
Result<PolicyDocument> parse_document_string(const Json& value, const std::string& file, const std::string& pointer) {
  std::string text = value.get_ref<const std::string&>();
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first != std::string::npos && text[first] == '%') {
    auto decoded = url_decode(text);
    if (!decoded) return error_at(file, pointer, "URL-encoded document: " + decoded.error().message);
    text = std::move(decoded).value();
  }
  auto parsed = parse_json_text(text, file + " " + (pointer.empty() ? "/" : pointer) + " (document text)");
  if (!parsed) return parsed.error();
  return parse_policy_document(*parsed, file, pointer);
}

Result<PolicyDocument> parse_document_value(const Json& value, const std::string& file, const std::string& pointer) {
  if (value.is_string()) return parse_document_string(value, file, pointer);
  return parse_policy_document(value, file, pointer);
}

std::string string_field(const Json& object, const char* key) {
  const auto found = object.find(key);
  return found != object.end() && found->is_string() ? found->get<std::string>() : std::string();
}

// GetFindingRecommendation: the CREATE_POLICY step's recommendedPolicy, or, when the only
// steps are DETACH_POLICY, a candidate that allows nothing.
Result<LoadedPolicy> from_recommendation(const Json& root, const std::string& file) {
  const Json& steps = root["recommendedSteps"];
  if (!steps.is_array()) return error_at(file, "/recommendedSteps", "expected an array, got " + quoted_value(steps));
  LoadedPolicy loaded;
  int created = 0;
  for (std::size_t i = 0; i < steps.size(); ++i) {
    const std::string step_pointer = "/recommendedSteps/" + std::to_string(i) + "/unusedPermissionsRecommendedStep";
    const auto step = steps[i].find("unusedPermissionsRecommendedStep");
    if (!steps[i].is_object() || step == steps[i].end() || !step->is_object()) {
      return error_at(file, "/recommendedSteps/" + std::to_string(i), "expected an object with `unusedPermissionsRecommendedStep`");
    }
    const std::string action = string_field(*step, "recommendedAction");
    if (action == "CREATE_POLICY") {
      if (++created > 1) {
        return error_at(file, step_pointer, "more than one CREATE_POLICY step: pass one policy's recommendation at a time");
      }
      const auto policy = step->find("recommendedPolicy");
      if (policy == step->end()) return error_at(file, step_pointer, "CREATE_POLICY step has no `recommendedPolicy`");
      auto document = parse_document_value(*policy, file, step_pointer + "/recommendedPolicy");
      if (!document) return document.error();
      loaded.document = std::move(document).value();
      loaded.policy_id = string_field(*step, "existingPolicyId");
    } else if (action == "DETACH_POLICY") {
      if (loaded.policy_id.empty()) loaded.policy_id = string_field(*step, "existingPolicyId");
    } else {
      return error_at(file, step_pointer + "/recommendedAction",
                      "expected CREATE_POLICY or DETACH_POLICY, got " + quoted_value(step->value("recommendedAction", Json())));
    }
  }
  if (created == 0) {
    loaded.detached = true;
    loaded.document.source = Json::object({{"Version", "2012-10-17"}, {"Statement", Json::array()}});
  }
  return loaded;
}

}  // namespace

Result<LoadedPolicy> load_policy_text(std::string_view text, const std::string& file) {
  auto parsed = parse_json_text(text, file);
  if (!parsed) return parsed.error();
  return load_policy_value(*parsed, file);
}

Result<LoadedPolicy> load_policy_value(const Json& root, const std::string& file) {
  if (!root.is_object()) return error_at(file, "", "expected a policy document (an object), got " + quoted_value(root));

  // One file, one policy: a root that holds two shapes (a document and a wrapper, or two
  // wrappers) would be proved as one of them and deployed as the other.
  std::vector<std::string> shapes;
  for (const char* key : {"Statement", "PolicyVersion", "PolicyDocument", "recommendedSteps"}) {
    if (root.contains(key)) shapes.push_back(std::string("`") + key + "`");
  }
  if (shapes.size() > 1) {
    return error_at(file, "", "holds more than one policy (" + shapes[0] + " and " + shapes[1] +
                                  "): a file must be one policy document, one AWS CLI wrapper or one recommendation");
  }

  LoadedPolicy loaded;
  if (root.contains("Statement")) {
    auto document = parse_policy_document(root, file, "");
    if (!document) return document.error();
    loaded.document = std::move(document).value();
    return loaded;
  }
  if (root.contains("PolicyVersion")) {  // aws iam get-policy-version
    const Json& version = root["PolicyVersion"];
    if (!version.is_object() || !version.contains("Document")) {
      return error_at(file, "/PolicyVersion", "expected an object with `Document`");
    }
    auto document = parse_document_value(version["Document"], file, "/PolicyVersion/Document");
    if (!document) return document.error();
    loaded.document = std::move(document).value();
    return loaded;
  }
  if (root.contains("PolicyDocument")) {  // aws iam get-role-policy / get-user-policy
    auto document = parse_document_value(root["PolicyDocument"], file, "/PolicyDocument");
    if (!document) return document.error();
    loaded.document = std::move(document).value();
    loaded.policy_id = string_field(root, "PolicyName");
    return loaded;
  }
  if (root.contains("recommendedSteps")) return from_recommendation(root, file);
  return error_at(file, "",
                  "not a policy: expected an IAM policy document (with `Statement`), an AWS CLI wrapper "
                  "(`PolicyVersion.Document`, `PolicyDocument`) or a GetFindingRecommendation response");
}

PolicyDocument candidate_document(const LoadedPolicy& loaded) {
  return loaded.detached ? PolicyDocument{} : loaded.document;
}

Result<LoadedPolicy> load_policy_file(const std::string& path) {
  auto text = read_text_file(path);
  if (!text) return text.error();
  return load_policy_text(*text, path);
}

}  // namespace leastpriv::model
