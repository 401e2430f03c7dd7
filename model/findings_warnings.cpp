// Findings warnings; see findings_warnings.h.
#include "model/findings_warnings.h"

#include "model/ascii.h"
#include "spec/reference_matcher.h"

#include <algorithm>

namespace leastpriv::model {

namespace {

constexpr std::size_t kListedNames = 10;

// The lower-cased text before the first wildcard: every action the pattern matches starts with it.
std::string literal_prefix(const std::string& pattern) {
  return to_lower_ascii(pattern.substr(0, pattern.find_first_of("*?")));
}

// allowed[i]: does some Allow statement of `original` allow unused action i?
std::vector<char> allowed_unused_actions(const PolicyDocument& original, const UnusedFindings& findings) {
  const auto& unused = findings.unused_actions();
  std::vector<char> allowed(unused.size(), 0);
  for (const auto& statement : original.statements) {
    if (statement.effect != Effect::kAllow) continue;
    if (statement.action_key == ActionKey::kNotAction) {
      for (std::size_t i = 0; i < unused.size(); ++i) {
        if (allowed[i] == 0 && !spec::reference_matches_any(statement.patterns, unused[i])) allowed[i] = 1;
      }
      continue;
    }
    for (const auto& pattern : statement.patterns) {
      const auto candidates = findings.actions_with_prefix(literal_prefix(pattern));
      const auto offset = static_cast<std::size_t>(candidates.data() - unused.data());
      for (std::size_t i = 0; i < candidates.size(); ++i) {
        if (allowed[offset + i] == 0 && spec::reference_matches(pattern, candidates[i])) allowed[offset + i] = 1;
      }
    }
  }
  return allowed;
}

std::string listing(const std::vector<std::string>& names) {
  std::string text;
  for (std::size_t i = 0; i < names.size() && i < kListedNames; ++i) text += (i ? ", " : "") + names[i];
  if (names.size() > kListedNames) text += ", and " + std::to_string(names.size() - kListedNames) + " more";
  return text;
}

}  // namespace

std::vector<std::string> findings_warnings(const PolicyDocument& original, const UnusedFindings& findings,
                                           const Catalog& catalog) {
  const auto& unused = findings.unused_actions();
  const std::vector<char> allowed = allowed_unused_actions(original, findings);
  std::vector<std::string> unknown;
  std::vector<std::string> not_allowed;
  for (std::size_t i = 0; i < unused.size(); ++i) {
    if (!catalog.find(unused[i])) unknown.push_back("`" + findings.spelling(unused[i]) + "`");
    if (allowed[i] == 0) not_allowed.push_back("`" + findings.spelling(unused[i]) + "`");
  }
  std::vector<std::string> warnings;
  if (!unknown.empty()) {
    warnings.push_back(std::to_string(unknown.size()) + " unused action(s) not in the catalog (" +
                       catalog.identity().source + "): " + listing(unknown) + "; they count as unused all the same");
  }
  if (!not_allowed.empty()) {
    warnings.push_back(std::to_string(not_allowed.size()) + " unused action(s) that the policy does not allow: " +
                       listing(not_allowed) + " (findings for another policy, or an older policy version?)");
  }
  for (const auto& service : findings.unused_services()) {
    if (!catalog.has_service(service)) warnings.push_back("unused service `" + service + "` is not in the catalog");
  }
  return warnings;
}

}  // namespace leastpriv::model
