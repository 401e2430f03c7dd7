// Word tokens of an action name; see tokenize.h.
#include "engine/match/tokenize.h"

namespace leastpriv::engine {

namespace {

bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

std::vector<std::size_t> token_ends(std::string_view name) {
  std::vector<std::size_t> ends;
  for (std::size_t i = 1; i < name.size(); ++i) {
    if (!is_upper(name[i])) continue;
    const char before = name[i - 1];
    const bool after_lower_or_digit = is_lower(before) || is_digit(before);
    const bool acronym_end = is_upper(before) && i + 1 < name.size() && is_lower(name[i + 1]);
    if (after_lower_or_digit || acronym_end) ends.push_back(i);
  }
  if (!name.empty()) ends.push_back(name.size());
  return ends;
}

std::vector<std::string> tokenize(std::string_view name) {
  std::vector<std::string> tokens;
  std::size_t start = 0;
  for (std::size_t end : token_ends(name)) {
    tokens.emplace_back(name.substr(start, end - start));
    start = end;
  }
  return tokens;
}

std::vector<std::size_t> action_boundaries(std::string_view full_action) {
  const auto colon = full_action.find(':');
  if (colon == std::string_view::npos) return {full_action.size()};
  std::vector<std::size_t> boundaries{colon + 1};
  for (std::size_t end : token_ends(full_action.substr(colon + 1))) boundaries.push_back(colon + 1 + end);
  return boundaries;
}

}  // namespace leastpriv::engine
