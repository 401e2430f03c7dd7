// The rules a gate reports, each with an id that never changes (SARIF ruleId, JUnit failure
// type, `--fail-on` and `--ignore` take it or its name), a default level and its help. A rule's
// id is never reused for another meaning; a new check gets a new id.
//
// Tested by: tests/unit/gate_test.cpp, tests/cli/gate_cli_test.cpp (the SARIF rules table)
#pragma once

#include <string>
#include <vector>

namespace leastpriv::gate {

enum class Level { kError, kWarning, kNote };
const char* level_name(Level level);  // `error`, `warning`, `note` (SARIF's words)

struct Rule {
  std::string id;     // `LP001`
  std::string name;   // `new-access`
  Level level;        // the default level
  std::string short_description;
  std::string help;
};

inline constexpr const char* kNewAccess = "LP001";
inline constexpr const char* kOpaqueAction = "LP002";
inline constexpr const char* kUnknownValue = "LP003";
inline constexpr const char* kNewPolicy = "LP004";
inline constexpr const char* kUnusedAccess = "LP005";
inline constexpr const char* kUndecided = "LP006";

// Every rule, in id order.
const std::vector<Rule>& gate_rules();
// The rule whose id or name is `id_or_name` (any case), or nullptr.
const Rule* find_rule(const std::string& id_or_name);
// INVARIANT: `id` is one of the constants above.
const Rule& rule(const std::string& id);

}  // namespace leastpriv::gate
