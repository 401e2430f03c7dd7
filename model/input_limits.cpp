// The resource limits of every input; see input_limits.h.
#include "model/input_limits.h"

#include <algorithm>

namespace leastpriv::model {

std::string pattern_limit_problem(std::string_view pattern) {
  if (pattern.size() > kMaxPatternLength) {
    return "has " + std::to_string(pattern.size()) + " characters, more than the limit of " +
           std::to_string(kMaxPatternLength) + " (README \"Resource limits\")";
  }
  const auto wildcards = static_cast<std::size_t>(std::count_if(pattern.begin(), pattern.end(), [](char c) { return c == '*' || c == '?'; }));
  if (wildcards > kMaxPatternWildcards) {
    return "has " + std::to_string(wildcards) + " wildcards (`*` and `?`), more than the limit of " +
           std::to_string(kMaxPatternWildcards) + " (README \"Resource limits\")";
  }
  return {};
}

}  // namespace leastpriv::model
