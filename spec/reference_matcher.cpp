// The reference matcher; see reference_matcher.h.
#include "spec/reference_matcher.h"

#include <vector>

namespace leastpriv::spec {

namespace {

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// next[j]: does the pattern from i + 1 match the action from j? Row i is built from it.
bool matches_from(std::string_view pattern, std::string_view action) {
  const std::size_t n = action.size();
  std::vector<char> next(n + 1, 0);
  next[n] = 1;  // the empty pattern matches exactly the empty rest
  std::vector<char> row(n + 1, 0);
  for (std::size_t i = pattern.size(); i-- > 0;) {
    const char p = pattern[i];
    if (p == '*') {
      // `*` matches nothing more (next[j]) or takes action[j] and is still a `*` (row[j + 1]).
      row[n] = next[n];
      for (std::size_t j = n; j-- > 0;) row[j] = next[j] || row[j + 1];
    } else {
      row[n] = 0;  // a character or `?` needs one more character of the action
      for (std::size_t j = 0; j < n; ++j) row[j] = (p == '?' || lower(p) == lower(action[j])) && next[j + 1];
    }
    std::swap(row, next);
  }
  return next[0] != 0;
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
