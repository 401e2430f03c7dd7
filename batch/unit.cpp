// Reading a batch unit and its key; see unit.h.
#include "batch/unit.h"

#include "engine/match/action_pattern.h"
#include "model/ascii.h"
#include "model/json_text.h"
#include "verifier/certificate/sha256.h"

#include <map>
#include <vector>

namespace leastpriv::batch {

namespace {

Error unit_error(const std::string& where, const std::string& pointer, const std::string& what) {
  return model::error_at(where, pointer, what);
}

}  // namespace

UnitRead read_unit(std::string_view line, const std::string& where) {
  UnitRead read{"", Error{ErrorKind::kBadInput, ""}};
  auto parsed = model::parse_json_text(line, where);
  if (!parsed) {
    read.unit = parsed.error();
    return read;
  }
  const model::Json& root = *parsed;
  if (!root.is_object()) {
    read.unit = unit_error(where, "", "a unit must be an object with `id`, `policy` and `findings`");
    return read;
  }
  const auto id = root.find("id");
  if (id == root.end() || !id->is_string() || id->get_ref<const std::string&>().empty()) {
    read.unit = unit_error(where, "/id", "a unit needs an `id` (a non-empty string)");
    return read;
  }
  read.id = id->get<std::string>();
  for (const char* key : {"policy", "findings"}) {
    if (!root.contains(key)) {
      read.unit = unit_error(where, "", std::string("unit has no `") + key + "`");
      return read;
    }
  }
  for (const auto& [key, value] : root.items()) {
    if (key != "id" && key != "policy" && key != "findings" && key != "strategy") {
      read.unit = unit_error(where, "/" + model::json_pointer_token(key),
                             "unknown field (a unit has `id`, `policy`, `findings` and optionally `strategy`)");
      return read;
    }
  }
  Unit unit;
  unit.id = read.id;
  if (root.contains("strategy")) {
    if (!root["strategy"].is_string()) {
      read.unit = unit_error(where, "/strategy", "expected a strategy name, got " + model::quoted_value(root["strategy"]));
      return read;
    }
    unit.strategy = root["strategy"].get<std::string>();
  }
  unit.policy_text = model::dump_json(root["policy"], -1);
  auto policy = model::load_policy_value(root["policy"], where + " /policy");
  if (!policy) {
    read.unit = policy.error();
    return read;
  }
  if (policy->detached) {
    read.unit = unit_error(where, "/policy", "a recommendation without CREATE_POLICY step is not a policy to refine");
    return read;
  }
  unit.policy = std::move(policy).value();
  auto findings = model::UnusedFindings::from_json(root["findings"], where + " /findings");
  if (!findings) {
    read.unit = findings.error();
    return read;
  }
  unit.findings = std::move(findings).value();
  read.unit = std::move(unit);
  return read;
}

model::UnusedFindings touching_findings(const model::PolicyDocument& policy, const model::UnusedFindings& findings) {
  std::vector<engine::ActionPattern> patterns;
  bool allows_by_exclusion = false;
  for (const auto& statement : policy.statements) {
    if (statement.effect != model::Effect::kAllow) continue;
    if (statement.action_key == model::ActionKey::kNotAction) allows_by_exclusion = true;
    for (const auto& pattern : statement.patterns) patterns.emplace_back(model::to_lower_ascii(pattern));
  }
  std::vector<std::string_view> literals;  // each pattern's literal prefix, found once
  literals.reserve(patterns.size());
  for (const auto& pattern : patterns) literals.push_back(pattern.literal_prefix());
  // allowed[i]: does some pattern match unused action i? A pattern can only match the actions
  // that start with its literal prefix, a contiguous range of the sorted unused actions: each
  // pattern is tried on its range alone, not on every unused action (trying every pattern on
  // every action was a tenth of a --no-verify run).
  const auto& unused = findings.unused_actions();
  std::vector<char> allowed(unused.size(), allows_by_exclusion ? 1 : 0);
  if (!allows_by_exclusion) {
    for (std::size_t p = 0; p < patterns.size(); ++p) {
      const auto candidates = findings.actions_with_prefix(literals[p]);
      const auto offset = static_cast<std::size_t>(candidates.data() - unused.data());
      for (std::size_t i = 0; i < candidates.size(); ++i) {
        if (allowed[offset + i] == 0 && patterns[p].matches(candidates[i])) allowed[offset + i] = 1;
      }
    }
  }
  model::UnusedFindings touching;
  for (std::size_t i = 0; i < unused.size(); ++i) {
    if (allowed[i] != 0) touching.add_unused_action_from(findings, unused[i]);
  }
  for (const auto& service : findings.unused_services()) {
    bool reached = allows_by_exclusion;
    const std::string start = service + ":";
    // Generous on purpose: a literal pattern shorter than `start` is kept (literal_may_reach).
    for (std::size_t i = 0; i < literals.size() && !reached; ++i) reached = engine::literal_may_reach(literals[i], start);
    if (reached) touching.add_unused_service(service);
  }
  return touching;
}

std::string findings_text(const model::UnusedFindings& findings) {
  std::map<std::string, std::vector<std::string>> by_service;
  for (const auto& action : findings.unused_actions()) {
    auto [service, name] = findings.spelled_parts(action);
    by_service[model::to_lower_ascii(service)].push_back(std::move(name));
  }
  model::Json list = model::Json::array();
  for (const auto& service : findings.unused_services()) list.push_back(model::Json{{"serviceNamespace", service}});
  for (const auto& [service, names] : by_service) {
    list.push_back(model::Json{{"serviceNamespace", service}, {"actions", names}});
  }
  return model::dump_json(list) + "\n";
}

std::string unit_key(const KeyContext& context, const std::string& policy_text, const std::string& touching_text) {
  verifier::Sha256 hash;
  const std::string format = "leastpriv-batch-key-1";
  for (const std::string* part : {&format, &context.leastpriv_version, &context.catalog_sha256, &context.strategy,
                                  &context.verification, &policy_text, &touching_text}) {
    hash.update(std::to_string(part->size()));  // length-prefixed: no two tuples share a byte stream
    hash.update(":");
    hash.update(*part);
  }
  return verifier::digest_hex(hash.finish());
}

}  // namespace leastpriv::batch
