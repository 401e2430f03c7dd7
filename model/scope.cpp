// Canonical scope text; see scope.h for the rules K1-K5.
#include "model/scope.h"

#include "model/ascii.h"
#include "model/json_text.h"

#include <algorithm>
#include <string>
#include <vector>

namespace leastpriv::model {

namespace {

// A string or an array of scalars as a set: sorted by their JSON text, duplicates removed.
// Anything else is not a value list; the caller keeps it as it is (K4).
bool is_value_list(const Json& value) {
  if (value.is_string()) return true;
  if (!value.is_array()) return false;
  return std::all_of(value.begin(), value.end(), [](const Json& item) { return !item.is_structured(); });
}

Json as_set(const Json& value) {
  std::vector<std::pair<std::string, Json>> items;
  if (value.is_array()) {
    for (const auto& item : value) items.emplace_back(canonical_json_text(item), item);
  } else {
    items.emplace_back(canonical_json_text(value), value);
  }
  std::sort(items.begin(), items.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  items.erase(std::unique(items.begin(), items.end(), [](const auto& a, const auto& b) { return a.first == b.first; }),
              items.end());
  Json set = Json::array();
  for (auto& [text, item] : items) set.push_back(std::move(item));
  return set;
}

// Every field's value is tagged with the rule that made it, so that no value written one way
// can share a text with a value canonicalised another way (a Condition written as an array of
// triples stays `["json", …]`, never `["conditions", …]`).
Json tagged(const char* rule, Json value) { return Json::array({rule, std::move(value)}); }

// K1.
Json canonical_resource(const Json& value) {
  return is_value_list(value) ? tagged("set", as_set(value)) : tagged("json", value);
}

// K2.
Json canonical_principal(const Json& value) {
  if (!value.is_object()) return tagged("json", value);
  Json out = Json::object();
  for (const auto& [type, values] : value.items()) {
    if (!is_value_list(values)) return tagged("json", value);
    out[type] = as_set(values);
  }
  return tagged("principals", std::move(out));
}

// K3: the sorted, duplicate-free array of [operator, lower-cased key, value set] triples.
Json canonical_condition(const Json& value) {
  if (!value.is_object()) return tagged("json", value);
  for (const auto& [op, block] : value.items()) {
    if (!block.is_object()) return tagged("json", value);
    for (const auto& [key, values] : block.items()) {
      if (!is_value_list(values)) return tagged("json", value);
    }
  }
  std::vector<std::pair<std::string, Json>> triples;
  for (const auto& [op, block] : value.items()) {
    for (const auto& [key, values] : block.items()) {
      Json triple = Json::array({op, to_lower_ascii(key), as_set(values)});
      triples.emplace_back(canonical_json_text(triple), std::move(triple));
    }
  }
  std::sort(triples.begin(), triples.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  triples.erase(std::unique(triples.begin(), triples.end(), [](const auto& a, const auto& b) { return a.first == b.first; }),
                triples.end());
  Json all = Json::array();
  for (auto& [text, triple] : triples) all.push_back(std::move(triple));
  return tagged("conditions", std::move(all));
}

}  // namespace

std::string canonical_scope(const Json& statement) {
  Json scope = Json::object();
  for (const auto& [key, value] : statement.items()) {
    if (key == "Sid" || key == "Effect" || key == "Action" || key == "NotAction") continue;  // K5
    if (key == "Resource" || key == "NotResource") {
      scope[key] = canonical_resource(value);
    } else if (key == "Principal" || key == "NotPrincipal") {
      scope[key] = canonical_principal(value);
    } else if (key == "Condition") {
      scope[key] = canonical_condition(value);
    } else {
      scope[key] = tagged("json", value);  // K4
    }
  }
  return canonical_json_text(scope);
}

}  // namespace leastpriv::model
