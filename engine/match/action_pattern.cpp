// Action patterns; see action_pattern.h.
#include "engine/match/action_pattern.h"

#include "engine/match/glob_inclusion.h"

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

// Positions 0..n of lower_ are the automaton's states: state i has read lower_[0, i).
// A `*` at i may loop on any character or be skipped, so closing a set adds i+1 for each
// member i that stands on a `*`.
void ActionPattern::close(std::vector<bool>& states) const {
  for (std::size_t i = 0; i < lower_.size(); ++i) {
    if (states[i] && lower_[i] == '*') states[i + 1] = true;
  }
}

std::vector<bool> ActionPattern::states_after(std::string_view text) const {
  std::vector<bool> states(lower_.size() + 1, false);
  states[0] = true;
  close(states);
  for (char c : text) {
    std::vector<bool> next(lower_.size() + 1, false);
    bool any = false;
    for (std::size_t i = 0; i < lower_.size(); ++i) {
      if (!states[i]) continue;
      const char p = lower_[i];
      if (p == '*') {
        next[i] = true;
        any = true;
      } else if (p == '?' || p == c) {
        next[i + 1] = true;
        any = true;
      }
    }
    if (!any) return next;
    close(next);
    states = std::move(next);
  }
  return states;
}

bool ActionPattern::matches_some_with_prefix(std::string_view lower_prefix) const {
  // Every state can reach acceptance (read the literal, anything for `?`, nothing for `*`).
  for (bool state : states_after(lower_prefix)) {
    if (state) return true;
  }
  return false;
}

bool ActionPattern::includes_all_with_prefix(std::string_view lower_prefix) const {
  // `prefix*` is itself a glob (the prefix holds no wildcard): one inclusion check serves both.
  return glob_includes(lower_, std::string(lower_prefix) + "*");
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
