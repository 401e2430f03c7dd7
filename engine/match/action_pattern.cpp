// Action patterns; see action_pattern.h.
#include "engine/match/action_pattern.h"

#include "engine/match/glob_inclusion.h"

#include <algorithm>

namespace leastpriv::engine {

ActionPattern::ActionPattern(std::string_view pattern) : lower_(model::to_lower_ascii(pattern)) {
  std::string current;
  for (char c : lower_) {
    if (c == '*') {
      segments_.push_back(current);
      current.clear();
    } else {
      if (c == '?') has_question_ = true;
      current += c;
    }
  }
  segments_.push_back(current);
}

bool ActionPattern::is_literal_then_star() const {
  return segments_.size() == 2 && segments_[1].empty() && !has_question_;
}

std::string_view ActionPattern::literal_prefix() const {
  const auto wildcard = lower_.find_first_of("*?");
  return std::string_view(lower_).substr(0, wildcard == std::string::npos ? lower_.size() : wildcard);
}

namespace {

bool segment_matches_at(std::string_view segment, std::string_view text, std::size_t at) {
  if (at + segment.size() > text.size()) return false;
  for (std::size_t i = 0; i < segment.size(); ++i) {
    if (segment[i] != '?' && segment[i] != text[at + i]) return false;
  }
  return true;
}

}  // namespace

bool ActionPattern::matches(std::string_view text) const {
  if (segments_.size() == 1) return segments_[0].size() == text.size() && segment_matches_at(segments_[0], text, 0);
  const std::string& first = segments_.front();
  const std::string& last = segments_.back();
  if (first.size() + last.size() > text.size()) return false;
  if (!segment_matches_at(first, text, 0)) return false;
  const std::size_t last_start = text.size() - last.size();
  if (!segment_matches_at(last, text, last_start)) return false;
  std::size_t position = first.size();
  for (std::size_t s = 1; s + 1 < segments_.size(); ++s) {
    const std::string& segment = segments_[s];
    bool placed = false;
    // INVARIANT: middle segments must end at or before the last segment starts.
    for (std::size_t at = position; at + segment.size() <= last_start; ++at) {
      if (segment_matches_at(segment, text, at)) {
        position = at + segment.size();
        placed = true;
        break;
      }
    }
    if (!placed) return false;
  }
  return true;
}

bool ActionPattern::matches_some_with_prefix(std::string_view lower_prefix) const {
  // The comparison spares building the glob's automaton for prefixes the pattern cannot reach.
  return literal_may_reach(literal_prefix(), lower_prefix) && glob_matches_some_with_prefix(lower_, lower_prefix);
}

bool literal_may_reach(std::string_view literal, std::string_view lower_prefix) {
  const std::size_t common = std::min(literal.size(), lower_prefix.size());
  return literal.substr(0, common) == lower_prefix.substr(0, common);
}

bool ActionPattern::includes_all_with_prefix(std::string_view lower_prefix) const {
  return glob_includes_all_with_prefix(lower_, lower_prefix);
}

bool matches_any(const std::vector<ActionPattern>& patterns, std::string_view lower_action) {
  for (const auto& pattern : patterns) {
    if (pattern.matches(lower_action)) return true;
  }
  return false;
}

std::vector<std::size_t> entry_catalog_actions(const ActionPattern& entry, const model::Catalog& catalog) {
  std::vector<std::size_t> matched;
  const auto [first, last] = catalog.prefix_range(entry.literal_prefix());
  for (std::size_t i = first; i < last; ++i) {
    if (entry.matches(catalog.actions()[i].lower_full)) matched.push_back(i);
  }
  return matched;
}

bool matches_some_unused(const ActionPattern& pattern, const model::UnusedFindings& findings) {
  for (const auto& service : findings.unused_services()) {
    if (pattern.matches_some_with_prefix(service + ":")) return true;
  }
  for (const auto& action : findings.actions_with_prefix(pattern.literal_prefix())) {
    if (pattern.matches(action)) return true;
  }
  return false;
}

}  // namespace leastpriv::engine
