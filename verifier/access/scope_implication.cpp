// Scope implication by Resource / NotResource glob inclusion; see scope_implication.h.
#include "verifier/access/scope_implication.h"

#include "model/scope.h"

#include <optional>
#include <vector>

namespace leastpriv::verifier {

namespace {

// The string values of a Resource / NotResource field (a string or an array of strings);
// nullopt for any other shape (then no implication: conservative).
std::optional<std::vector<std::string>> glob_set(const model::Json& value) {
  if (value.is_string()) return std::vector<std::string>{value.get<std::string>()};
  if (!value.is_array() || value.empty()) return std::nullopt;
  std::vector<std::string> globs;
  for (const auto& item : value) {
    if (!item.is_string()) return std::nullopt;
    globs.push_back(item.get<std::string>());
  }
  return globs;
}

// Each glob of `narrow` is included in some glob of `wide`.
bool set_included(const std::vector<std::string>& narrow, const std::vector<std::string>& wide) {
  for (const auto& n : narrow) {
    bool covered = false;
    for (const auto& w : wide) covered = covered || resource_glob_included(n, w);
    if (!covered) return false;
  }
  return true;
}

}  // namespace

bool resource_glob_included(const std::string& narrow, const std::string& wide) {
  if (wide == "*" || narrow == wide) return true;
  if (narrow.find('$') != std::string::npos || wide.find('$') != std::string::npos) return false;
  const std::size_t n = narrow.size();
  const std::size_t w = wide.size();
  // included[i][j]: narrow[i..] ⊆ wide[j..] symbolically; filled from the ends.
  std::vector<std::vector<char>> included(n + 1, std::vector<char>(w + 1, 0));
  included[n][w] = 1;
  for (std::size_t j = w; j-- > 0;) {
    for (std::size_t i = n + 1; i-- > 0;) {
      const char pattern = wide[j];
      bool holds = false;
      if (pattern == '*') {
        // `*` takes nothing more, or one more symbol of narrow (any symbol, wildcards too).
        holds = included[i][j + 1] != 0 || (i < n && included[i + 1][j] != 0);
      } else if (i < n && pattern == '?') {
        holds = narrow[i] != '*' && included[i + 1][j + 1] != 0;
      } else if (i < n) {
        holds = narrow[i] == pattern && narrow[i] != '*' && narrow[i] != '?' && included[i + 1][j + 1] != 0;
      }
      included[i][j] = holds ? 1 : 0;
    }
  }
  return included[0][0] != 0;
}

std::string scope_without_resources(const model::Json& statement) {
  model::Json rest = statement;
  if (rest.is_object()) {
    rest.erase("Resource");
    rest.erase("NotResource");
  }
  return model::canonical_scope(rest);
}

bool scope_implies(const model::Json& narrow, const model::Json& wide) {
  if (!narrow.is_object() || !wide.is_object()) return false;
  if (scope_without_resources(narrow) != scope_without_resources(wide)) return false;
  if (narrow.contains("Resource") && wide.contains("Resource") && !narrow.contains("NotResource") &&
      !wide.contains("NotResource")) {
    const auto narrow_globs = glob_set(narrow["Resource"]);
    const auto wide_globs = glob_set(wide["Resource"]);
    return narrow_globs && wide_globs && set_included(*narrow_globs, *wide_globs);
  }
  if (narrow.contains("NotResource") && wide.contains("NotResource") && !narrow.contains("Resource") &&
      !wide.contains("Resource")) {
    const auto narrow_globs = glob_set(narrow["NotResource"]);
    const auto wide_globs = glob_set(wide["NotResource"]);
    return narrow_globs && wide_globs && set_included(*wide_globs, *narrow_globs);
  }
  return false;
}

}  // namespace leastpriv::verifier
