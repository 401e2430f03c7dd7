// The reference matcher; see reference_matcher.h.
#include "spec/reference_matcher.h"

#include <vector>

namespace leastpriv::spec {

namespace {

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool same(char p, char a) { return p == '?' || lower(p) == lower(a); }

// next[j]: does the pattern from i + 1 match the action from j? Row i is built from it. The two
// rows are kept from call to call (per thread): the verifier and the tests call this millions
// of times on short texts, and two allocations per call were most of its time.
bool matches_by_table(std::string_view pattern, std::string_view action) {
  const std::size_t n = action.size();
  thread_local std::vector<char> next;
  thread_local std::vector<char> row;
  next.assign(n + 1, 0);
  row.assign(n + 1, 0);
  next[n] = 1;  // the empty pattern matches exactly the empty rest
  for (std::size_t i = pattern.size(); i-- > 0;) {
    const char p = pattern[i];
    if (p == '*') {
      // `*` matches nothing more (next[j]) or takes action[j] and is still a `*` (row[j + 1]).
      row[n] = next[n];
      for (std::size_t j = n; j-- > 0;) row[j] = next[j] || row[j + 1];
    } else {
      row[n] = 0;  // a character or `?` needs one more character of the action
      for (std::size_t j = 0; j < n; ++j) row[j] = same(p, action[j]) && next[j + 1];
    }
    std::swap(row, next);
  }
  return next[0] != 0;
}

// The same answer, sooner: the text before the first `*` and after the last one must match
// the action's ends character by character, so those are compared directly (most patterns
// fail there) and the table is built for the middle only. Without a `*`, that is all.
bool matches_from(std::string_view pattern, std::string_view action) {
  const std::size_t first_star = pattern.find('*');
  if (first_star == std::string_view::npos) {
    if (pattern.size() != action.size()) return false;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
      if (!same(pattern[i], action[i])) return false;
    }
    return true;
  }
  const std::size_t last_star = pattern.rfind('*');
  const std::size_t suffix = pattern.size() - last_star - 1;
  if (first_star + suffix > action.size()) return false;
  for (std::size_t i = 0; i < first_star; ++i) {
    if (!same(pattern[i], action[i])) return false;
  }
  for (std::size_t i = 0; i < suffix; ++i) {
    if (!same(pattern[last_star + 1 + i], action[action.size() - suffix + i])) return false;
  }
  // What is left: `*…*` (one star when first == last) against the action's middle.
  return matches_by_table(pattern.substr(first_star, last_star - first_star + 1),
                          action.substr(first_star, action.size() - first_star - suffix));
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
