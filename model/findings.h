// Unused-access findings: which services, and which actions inside them, IAM Access
// Analyzer saw allowed but never used. This is the set U that refinement removes.
//
// Accepted shapes: the simple list `[{"serviceNamespace": "s3", "actions": ["GetObject"]}]`;
// an AWS GetFindingV2 response (`findingDetails[].unusedPermissionDetails`, actions as
// `{"action": "GetObject", "lastAccessed": …}`); an array of such responses (pages).
// A service without an `actions` list means every action of the service is unused: also
// actions the catalog does not know yet, so for a whole service U is the language `svc:*`.
//
// Tested by: tests/unit/findings_test.cpp
//
// TRUSTED: U is what this reader makes of the findings; O2 and O3 are relative to it.
#pragma once

#include "model/result.h"

#include <nlohmann/json_fwd.hpp>

#include <map>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace leastpriv::model {

using Json = nlohmann::ordered_json;  // as model/policy.h

class UnusedFindings {
 public:
  static Result<UnusedFindings> from_file(const std::string& path);
  static Result<UnusedFindings> from_text(std::string_view text, const std::string& file);
  // From a value already parsed by parse_json_text (model/json_text.h).
  static Result<UnusedFindings> from_json(const Json& value, const std::string& file);

  // Builders, for tests and generators. Names may carry the `service:` prefix; any case.
  void add_unused_action(std::string_view service, std::string_view name);
  void add_unused_service(std::string_view service);

  bool empty() const { return actions_.empty() && whole_services_.empty(); }

  // Lower-cased `service:name` of every action listed as unused (also ones no catalog knows).
  const std::vector<std::string>& unused_actions() const { return actions_; }
  // Lower-cased namespaces of services that are unused as a whole.
  const std::vector<std::string>& unused_services() const { return whole_services_; }
  // The action as the findings spelled it (`s3:GetObject`), from its lower-cased form.
  std::string spelling(const std::string& lower_action) const;
  // That spelling split at its colon (`s3`, `GetObject`): what add_unused_action takes, so an
  // action moves from one set of findings to another with its spelling.
  struct SpelledAction {
    std::string service;
    std::string name;
  };
  SpelledAction spelled_parts(const std::string& lower_action) const;
  // Adds `lower_action` as `from` spells it.
  void add_unused_action_from(const UnusedFindings& from, const std::string& lower_action);
  // The `resource` ARN of a GetFindingV2 response, when given.
  const std::string& resource() const { return resource_; }

  // Is this action (lower-cased `service:name`) unused?
  bool is_unused(std::string_view lower_action) const;
  // Is some unused action, or some string of a wholly unused service, of the form `prefix…`?
  bool prefix_reaches_unused(std::string_view lower_prefix) const;
  // The wholly unused service some string of which is of the form `prefix…`, if any.
  const std::string* unused_service_reaching(std::string_view lower_prefix) const;
  // The listed unused actions that start with `lower_prefix` (a range of the sorted list): a
  // pattern can match only those that start with its literal prefix.
  std::span<const std::string> actions_with_prefix(std::string_view lower_prefix) const;

 private:
  friend class FindingsReader;
  // For readers of large files: append now, sort once at the end (insert_sorted is O(n)).
  void append_unsorted(std::string_view service, std::string_view name);
  void sort_and_unique();

  std::vector<std::string> actions_;         // sorted, unique
  std::vector<std::string> whole_services_;  // sorted, unique
  std::map<std::string, std::string> spellings_;
  std::string resource_;
};

}  // namespace leastpriv::model
