// Unused-access findings; see findings.h.
#include "model/findings.h"

#include "model/ascii.h"
#include "model/json_text.h"

#include <algorithm>

namespace leastpriv::model {

namespace {

// INVARIANT: both lists stay sorted and unique, so lookups are binary searches.
void insert_sorted(std::vector<std::string>& list, std::string value) {
  const auto it = std::lower_bound(list.begin(), list.end(), value);
  if (it == list.end() || *it != value) list.insert(it, std::move(value));
}

}  // namespace

void UnusedFindings::add_unused_action(std::string_view service, std::string_view name) {
  append_unsorted(service, name);
  const std::string last = std::move(actions_.back());
  actions_.pop_back();
  insert_sorted(actions_, last);
}

void UnusedFindings::sort_and_unique() {
  std::sort(actions_.begin(), actions_.end());
  actions_.erase(std::unique(actions_.begin(), actions_.end()), actions_.end());
}

void UnusedFindings::append_unsorted(std::string_view service, std::string_view name) {
  // The key: `service:name` lower-cased, the name without a leading `service:` (any case).
  // Built in place, without the temporaries of lower-casing the parts apart (every unit of a
  // batch reads its findings through here).
  std::string key;
  key.reserve(service.size() + 1 + name.size());
  key += to_lower_ascii(service);
  key += ':';
  const bool prefixed = name.size() >= key.size() && to_lower_ascii(name.substr(0, key.size())) == key;
  key += to_lower_ascii(prefixed ? name.substr(key.size()) : name);
  const auto colon = name.find(':');
  std::string spelled;
  const std::string_view spelled_name = colon == std::string_view::npos ? name : name.substr(colon + 1);
  spelled.reserve(service.size() + 1 + spelled_name.size());
  spelled += service;
  spelled += ':';
  spelled += spelled_name;
  // Of two spellings of one action the first in byte order wins, whatever order they came in.
  const auto it = spellings_.lower_bound(key);
  if (it == spellings_.end() || it->first != key) {
    spellings_.emplace_hint(it, key, std::move(spelled));
  } else if (spelled < it->second) {
    it->second = std::move(spelled);
  }
  actions_.push_back(std::move(key));
}

std::string UnusedFindings::spelling(const std::string& lower_action) const {
  const auto found = spellings_.find(lower_action);
  return found != spellings_.end() ? found->second : lower_action;
}

UnusedFindings::SpelledAction UnusedFindings::spelled_parts(const std::string& lower_action) const {
  std::string spelled = spelling(lower_action);
  const auto colon = spelled.find(':');
  if (colon == std::string::npos) return {"", std::move(spelled)};
  return {spelled.substr(0, colon), spelled.substr(colon + 1)};
}

void UnusedFindings::add_unused_action_from(const UnusedFindings& from, const std::string& lower_action) {
  const SpelledAction parts = from.spelled_parts(lower_action);
  add_unused_action(parts.service, parts.name);
}

void UnusedFindings::add_unused_service(std::string_view service) { insert_sorted(whole_services_, to_lower_ascii(service)); }

bool UnusedFindings::is_unused(std::string_view lower_action) const {
  const auto colon = lower_action.find(':');
  if (colon != std::string_view::npos &&
      std::binary_search(whole_services_.begin(), whole_services_.end(), lower_action.substr(0, colon))) {
    return true;
  }
  return std::binary_search(actions_.begin(), actions_.end(), lower_action);
}

std::span<const std::string> UnusedFindings::actions_with_prefix(std::string_view lower_prefix) const {
  const auto first = std::lower_bound(actions_.begin(), actions_.end(), lower_prefix);
  const auto last = std::partition_point(first, actions_.end(), [&](const std::string& action) {
    return std::string_view(action).substr(0, lower_prefix.size()) == lower_prefix;
  });
  return {first, last};
}

const std::string* UnusedFindings::unused_service_reaching(std::string_view lower_prefix) const {
  // `prefix…` and `service:…` share a string exactly when one is a prefix of the other. A
  // service name has no `:`, so with a `:` in the prefix only the service before it can
  // qualify; without one, exactly the services that start with the prefix do, and in the sorted
  // list the first of those is at lower_bound. (Two binary searches: the trie walk asks this for
  // every node, against a hundred unused services or more.)
  const std::size_t colon = lower_prefix.find(':');
  if (colon != std::string_view::npos) {
    const std::string_view service = lower_prefix.substr(0, colon);
    const auto it = std::lower_bound(whole_services_.begin(), whole_services_.end(), service);
    return it != whole_services_.end() && *it == service ? &*it : nullptr;
  }
  const auto it = std::lower_bound(whole_services_.begin(), whole_services_.end(), lower_prefix);
  return it != whole_services_.end() && std::string_view(*it).substr(0, lower_prefix.size()) == lower_prefix ? &*it
                                                                                                            : nullptr;
}

bool UnusedFindings::prefix_reaches_unused(std::string_view lower_prefix) const {
  if (unused_service_reaching(lower_prefix) != nullptr) return true;
  const auto it = std::lower_bound(actions_.begin(), actions_.end(), lower_prefix);
  return it != actions_.end() && std::string_view(*it).substr(0, lower_prefix.size()) == lower_prefix;
}

namespace {

bool is_plain_name(std::string_view text) {
  if (text.empty()) return false;
  if (!is_printable_ascii(text)) return false;
  return text.find_first_of(" *?") == std::string_view::npos;
}

}  // namespace

class FindingsReader {
 public:
  FindingsReader(const std::string& file, UnusedFindings& findings) : file_(file), findings_(findings) {}

  // One `{"serviceNamespace": …, "actions": …}` object at `pointer`.
  Status read_service(const Json& entry, const std::string& pointer) {
    if (!entry.is_object()) return error_at(file_, pointer, "expected an object with `serviceNamespace`, got " + quoted_value(entry));
    const auto service = entry.find("serviceNamespace");
    if (service == entry.end()) return error_at(file_, pointer, "finding has no `serviceNamespace`");
    if (!service->is_string() || !is_plain_name(service->get_ref<const std::string&>()) ||
        service->get_ref<const std::string&>().find(':') != std::string::npos) {
      return error_at(file_, pointer + "/serviceNamespace", "expected a service namespace such as \"s3\", got " + quoted_value(*service));
    }
    const std::string& namespace_name = service->get_ref<const std::string&>();
    const auto actions = entry.find("actions");
    if (actions == entry.end() || actions->is_null()) {
      findings_.add_unused_service(namespace_name);
      return Ok{};
    }
    if (!actions->is_array()) return error_at(file_, pointer + "/actions", "expected an array, got " + quoted_value(*actions));
    for (std::size_t i = 0; i < actions->size(); ++i) {
      const std::string item_pointer = pointer + "/actions/" + std::to_string(i);
      const Json& item = (*actions)[i];
      const Json* name = &item;
      std::string name_pointer = item_pointer;
      if (item.is_object()) {  // GetFindingV2: {"action": "GetObject", "lastAccessed": …}
        const auto action = item.find("action");
        if (action == item.end()) return error_at(file_, item_pointer, "expected an object with `action`");
        name = &*action;
        name_pointer += "/action";
      }
      if (!name->is_string() || !is_plain_name(name->get_ref<const std::string&>())) {
        return error_at(file_, name_pointer, "expected an action name such as \"GetObject\", got " + quoted_value(*name));
      }
      const std::string& text = name->get_ref<const std::string&>();
      const auto colon = text.find(':');
      if (colon != std::string::npos && to_lower_ascii(text.substr(0, colon)) != to_lower_ascii(namespace_name)) {
        return error_at(file_, name_pointer, "action " + quoted_value(*name) + " is not in service `" + namespace_name + "`");
      }
      if (text.find(':', colon == std::string::npos ? 0 : colon + 1) != std::string::npos || text.size() == colon + 1) {
        return error_at(file_, name_pointer, "expected an action name such as \"GetObject\", got " + quoted_value(*name));
      }
      findings_.append_unsorted(namespace_name, text);
    }
    return Ok{};
  }

  // A GetFindingV2 response at `pointer`.
  Status read_response(const Json& response, const std::string& pointer) {
    const auto type = response.find("findingType");
    if (type != response.end() && *type != "UnusedPermission") {
      return error_at(file_, pointer + "/findingType",
                      "finding type " + quoted_value(*type) + " is not about unused permissions (expected \"UnusedPermission\")");
    }
    // Pages of one principal's findings: a response about another principal is another
    // principal's unused set, and merging the two would remove what the first one uses.
    const auto resource = response.find("resource");
    if (resource != response.end() && resource->is_string()) {
      const std::string& arn = resource->get_ref<const std::string&>();
      if (!resource_.empty() && arn != resource_) {
        return error_at(file_, pointer + "/resource",
                        "findings for more than one principal (" + quoted_text(resource_) + " and " + quoted_text(arn) +
                            "): give one principal's findings per run");
      }
      resource_ = arn;
    }
    const Json& details = response["findingDetails"];
    if (!details.is_array()) return error_at(file_, pointer + "/findingDetails", "expected an array, got " + quoted_value(details));
    for (std::size_t i = 0; i < details.size(); ++i) {
      const std::string detail_pointer = pointer + "/findingDetails/" + std::to_string(i);
      const auto unused = details[i].is_object() ? details[i].find("unusedPermissionDetails") : details[i].end();
      if (!details[i].is_object() || unused == details[i].end()) {
        return error_at(file_, detail_pointer, "expected an object with `unusedPermissionDetails`");
      }
      if (auto status = read_service(*unused, detail_pointer + "/unusedPermissionDetails"); !status) return status;
    }
    return Ok{};
  }

  Status read(const Json& root) {
    if (root.is_object() && root.contains("findingDetails")) return read_response(root, "");
    if (!root.is_array()) {
      return error_at(file_, "",
                      "not findings: expected an array of `{\"serviceNamespace\", \"actions\"}` objects, "
                      "a GetFindingV2 response or an array of GetFindingV2 responses");
    }
    for (std::size_t i = 0; i < root.size(); ++i) {
      const std::string pointer = "/" + std::to_string(i);
      const bool is_response = root[i].is_object() && root[i].contains("findingDetails");
      auto status = is_response ? read_response(root[i], pointer) : read_service(root[i], pointer);
      if (!status) return status;
    }
    return Ok{};
  }

  std::string resource_;

 private:
  const std::string& file_;
  UnusedFindings& findings_;
};

Result<UnusedFindings> UnusedFindings::from_text(std::string_view text, const std::string& file) {
  auto parsed = parse_json_text(text, file);
  if (!parsed) return parsed.error();
  return from_json(*parsed, file);
}

Result<UnusedFindings> UnusedFindings::from_json(const Json& value, const std::string& file) {
  UnusedFindings findings;
  FindingsReader reader(file, findings);
  if (auto status = reader.read(value); !status) return status.error();
  findings.resource_ = reader.resource_;
  findings.sort_and_unique();
  return findings;
}

Result<UnusedFindings> UnusedFindings::from_file(const std::string& path) {
  auto text = read_text_file(path);
  if (!text) return text.error();
  return from_text(*text, path);
}

}  // namespace leastpriv::model
