// The reference matcher; see reference_matcher.h. TEST-ONLY.
#include "spec/reference_matcher.h"

namespace leastpriv::spec {

namespace {

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// Straight from the definition: try every way a `*` can end.
bool matches_from(std::string_view pattern, std::string_view action) {
  if (pattern.empty()) return action.empty();
  if (pattern[0] == '*') {
    for (std::size_t taken = 0; taken <= action.size(); ++taken) {
      if (matches_from(pattern.substr(1), action.substr(taken))) return true;
    }
    return false;
  }
  if (action.empty()) return false;
  if (pattern[0] != '?' && lower(pattern[0]) != lower(action[0])) return false;
  return matches_from(pattern.substr(1), action.substr(1));
}

}  // namespace

bool reference_matches(std::string_view pattern, std::string_view action) { return matches_from(pattern, action); }

bool reference_matches_any(const std::vector<std::string>& patterns, std::string_view action) {
  for (const auto& pattern : patterns) {
    if (reference_matches(pattern, action)) return true;
  }
  return false;
}

bool reference_statement_allows(bool is_allow, bool is_not_action, const std::vector<std::string>& patterns,
                                std::string_view action) {
  if (!is_allow) return false;
  const bool listed = reference_matches_any(patterns, action);
  return is_not_action ? !listed : listed;
}

}  // namespace leastpriv::spec
