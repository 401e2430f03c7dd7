// Test-only oracles for the property suite; see oracles.h.
#include "tests/property/oracles.h"

#include "spec/reference_matcher.h"

#include <rapidcheck.h>

#include <algorithm>
#include <deque>
#include <map>
#include <utility>

namespace leastpriv::property {

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

namespace {

// A union of globs as position NFAs: the state is one bit per position of each glob.
class GlobUnion {
 public:
  explicit GlobUnion(const std::vector<std::string>& globs) {
    for (const auto& glob : globs) {
      globs_.push_back(lower(glob));
      offsets_.push_back(width_);
      width_ += globs_.back().size() + 1;
    }
  }

  std::string start() const {
    std::string state(width_, '0');
    for (std::size_t g = 0; g < globs_.size(); ++g) state[offsets_[g]] = '1';
    close(state);
    return state;
  }

  std::string step(const std::string& state, char c) const {
    std::string next(width_, '0');
    for (std::size_t g = 0; g < globs_.size(); ++g) {
      const std::string& glob = globs_[g];
      for (std::size_t i = 0; i < glob.size(); ++i) {
        if (state[offsets_[g] + i] != '1') continue;
        if (glob[i] == '*') next[offsets_[g] + i] = '1';
        else if (glob[i] == '?' || glob[i] == c) next[offsets_[g] + i + 1] = '1';
      }
    }
    close(next);
    return next;
  }

  bool accepts(const std::string& state) const {
    for (std::size_t g = 0; g < globs_.size(); ++g) {
      if (state[offsets_[g] + globs_[g].size()] == '1') return true;
    }
    return false;
  }

  bool dead(const std::string& state) const { return state.find('1') == std::string::npos; }

  void add_letters(std::set<char>& letters) const {
    for (const auto& glob : globs_) {
      for (char c : glob) {
        if (c != '*' && c != '?') letters.insert(c);
      }
    }
  }

 private:
  // A `*` may match nothing: being before it is being after it.
  void close(std::string& state) const {
    for (std::size_t g = 0; g < globs_.size(); ++g) {
      for (std::size_t i = 0; i < globs_[g].size(); ++i) {
        if (state[offsets_[g] + i] == '1' && globs_[g][i] == '*') state[offsets_[g] + i + 1] = '1';
      }
    }
  }

  std::vector<std::string> globs_;
  std::vector<std::size_t> offsets_;
  std::size_t width_ = 0;
};

constexpr std::size_t kStateLimit = 200000;

// Breadth-first search over the product; `bad(left_accepts, right_accepts)` marks a witness.
template <typename Bad>
LanguageDecision search(const std::vector<std::string>& lhs, const std::vector<std::string>& rhs, Bad bad) {
  const GlobUnion left(lhs);
  const GlobUnion right(rhs);
  std::set<char> letters;
  left.add_letters(letters);
  right.add_letters(letters);
  for (char fresh : std::string("#~!%&@")) {
    if (!letters.count(fresh)) {
      letters.insert(fresh);
      break;
    }
  }
  using State = std::pair<std::string, std::string>;
  std::map<State, std::pair<State, char>> parent;
  std::deque<State> queue;
  const State start{left.start(), right.start()};
  parent.emplace(start, std::make_pair(start, '\0'));
  queue.push_back(start);
  while (!queue.empty()) {
    const State state = queue.front();
    queue.pop_front();
    if (bad(left.accepts(state.first), right.accepts(state.second))) {
      std::string witness;
      for (State at = state; at != start; at = parent.at(at).first) witness += parent.at(at).second;
      std::reverse(witness.begin(), witness.end());
      return {LanguageDecision::Answer::kFails, witness};
    }
    for (char c : letters) {
      State next{left.step(state.first, c), right.step(state.second, c)};
      if (left.dead(next.first)) continue;  // no witness can start like this
      if (parent.count(next)) continue;
      if (parent.size() > kStateLimit) return {LanguageDecision::Answer::kGaveUp, ""};
      parent.emplace(next, std::make_pair(state, c));
      queue.push_back(std::move(next));
    }
  }
  return {LanguageDecision::Answer::kHolds, ""};
}

}  // namespace

LanguageDecision decide_included(const std::vector<std::string>& lhs, const std::vector<std::string>& rhs) {
  return search(lhs, rhs, [](bool in_left, bool in_right) { return in_left && !in_right; });
}

LanguageDecision decide_disjoint(const std::vector<std::string>& lhs, const std::vector<std::string>& rhs) {
  return search(lhs, rhs, [](bool in_left, bool in_right) { return in_left && in_right; });
}

bool globs_included(const std::vector<std::string>& lhs, const std::vector<std::string>& rhs) {
  const auto decision = decide_included(lhs, rhs);
  RC_PRE(decision.answer != LanguageDecision::Answer::kGaveUp);
  return decision.answer == LanguageDecision::Answer::kHolds;
}

bool globs_intersect(const std::vector<std::string>& lhs, const std::vector<std::string>& rhs) {
  const auto decision = decide_disjoint(lhs, rhs);
  RC_PRE(decision.answer != LanguageDecision::Answer::kGaveUp);
  return decision.answer == LanguageDecision::Answer::kFails;
}

UnusedOracle::UnusedOracle(const Scenario& scenario) {
  for (const auto& [service, name] : scenario.unused_actions) {
    const std::string lower_service = lower(service);
    std::string lower_name = lower(name);
    // The findings may spell the name with its `service:` prefix.
    if (lower_name.rfind(lower_service + ":", 0) == 0) lower_name = lower_name.substr(lower_service.size() + 1);
    actions_.insert(lower_service + ":" + lower_name);
  }
  for (const auto& service : scenario.unused_services) services_.insert(lower(service));
}

bool UnusedOracle::is_unused(std::string_view action) const {
  const std::string lowered = lower(action);
  if (actions_.count(lowered)) return true;
  const auto colon = lowered.find(':');
  return colon != std::string::npos && services_.count(lowered.substr(0, colon)) > 0;
}

bool UnusedOracle::prefix_reaches_unused(std::string_view lower_prefix) const {
  for (const auto& action : actions_) {
    if (action.rfind(lower_prefix, 0) == 0) return true;
  }
  for (const auto& service : services_) {
    const std::string service_prefix = service + ":";
    // Some string starts with both exactly when one prefix extends the other.
    if (service_prefix.rfind(lower_prefix, 0) == 0 || std::string(lower_prefix).rfind(service_prefix, 0) == 0) return true;
  }
  return false;
}

bool UnusedOracle::glob_reaches_unused(const std::string& glob) const {
  for (const auto& action : actions_) {
    if (spec::reference_matches(glob, action)) return true;
  }
  for (const auto& service : services_) {
    if (globs_intersect({glob}, {service + ":*"})) return true;
  }
  return false;
}

bool reference_allows(const model::Statement& statement, std::string_view action) {
  return spec::reference_statement_allows(statement.effect == model::Effect::kAllow,
                                          statement.action_key == model::ActionKey::kNotAction, statement.patterns, action);
}

std::vector<std::size_t> word_boundaries(std::string_view full_action) {
  // DESIGN §3: split before an upper-case letter that follows a lower-case letter or a digit,
  // and before an upper-case letter that follows an upper-case one and precedes a lower-case one.
  auto is_upper = [](char c) { return c >= 'A' && c <= 'Z'; };
  auto is_lower = [](char c) { return c >= 'a' && c <= 'z'; };
  auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
  const auto colon = full_action.find(':');
  if (colon == std::string_view::npos) return {full_action.size()};
  const std::string_view name = full_action.substr(colon + 1);
  std::vector<std::size_t> boundaries{colon + 1};
  for (std::size_t i = 1; i < name.size(); ++i) {
    const char here = name[i];
    const char before = name[i - 1];
    const bool split = is_upper(here) && (is_lower(before) || is_digit(before) ||
                                          (is_upper(before) && i + 1 < name.size() && is_lower(name[i + 1])));
    if (split) boundaries.push_back(colon + 1 + i);
  }
  if (!name.empty()) boundaries.push_back(full_action.size());
  return boundaries;
}

namespace {

void instantiate(const std::string& pattern, std::set<std::string>& out) {
  static const std::vector<std::string> kStarFill = {"", "x", "get", "object", ":", "acl", "s3:", "a:b", "abc", "2"};
  static const std::vector<std::string> kOneFill = {"x", ":", "3", "a", "g"};
  std::vector<std::size_t> holes;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '*' || pattern[i] == '?') holes.push_back(i);
  }
  const std::size_t combos = holes.empty() ? 1 : 48;
  for (std::size_t n = 0; n < combos; ++n) {
    std::string text;
    std::size_t from = 0;
    std::size_t digits = n;
    for (std::size_t h = 0; h < holes.size(); ++h) {
      text += pattern.substr(from, holes[h] - from);
      // Mixed radix for the first combinations; then every hole gets the same filler.
      const std::size_t pick = n < 40 ? digits : n - 40;
      if (pattern[holes[h]] == '*') {
        text += kStarFill[pick % kStarFill.size()];
        digits /= kStarFill.size();
      } else {
        text += kOneFill[pick % kOneFill.size()];
        digits /= kOneFill.size();
      }
      from = holes[h] + 1;
    }
    text += pattern.substr(from);
    out.insert(text);
  }
}

void around_action(const std::string& service, const std::string& name, const std::set<std::string>& services,
                   std::set<std::string>& out) {
  const std::string full = service + ":" + name;
  out.insert(full);
  out.insert(full + "x");
  out.insert(full + "Acl");
  out.insert(full + "s");
  out.insert(full.substr(0, full.size() - 1));
  out.insert(lower(full));
  out.insert(service + name);
  out.insert(service + "x:" + name);
  out.insert(service.substr(0, service.size() - 1) + ":" + name);
  for (std::size_t boundary : word_boundaries(full)) out.insert(full.substr(0, boundary));
  for (const auto& other : services) out.insert(other + ":" + name);
}

}  // namespace

std::vector<std::string> near_miss_strings(const Scenario& scenario, const std::vector<const model::PolicyDocument*>& policies) {
  std::set<std::string> out = {"", ":", "*", "s3", "s3:", "s3express:", "ab:", "abc:", "zz:", "x", "s3:*", "?"};
  std::set<std::string> services = {"s3", "s3express", "ec2", "kms", "ab", "abc", "zz"};
  for (const auto& [service, name] : scenario.catalog) services.insert(lower(service));
  for (const auto& service : scenario.unused_services) services.insert(lower(service));
  for (const auto& [service, name] : scenario.catalog) around_action(service, name, services, out);
  const UnusedOracle unused(scenario);
  for (const auto& action : unused.actions()) {
    const auto colon = action.find(':');
    around_action(action.substr(0, colon), action.substr(colon + 1), services, out);
  }
  for (const auto& service : unused.services()) {
    for (const char* tail : {"", "x", "Get", "GetObject", ":", "s3:x"}) out.insert(service + ":" + tail);
  }
  for (const auto* policy : policies) {
    for (const auto& statement : policy->statements) {
      for (const auto& pattern : statement.patterns) instantiate(pattern, out);
    }
  }
  return {out.begin(), out.end()};
}

}  // namespace leastpriv::property
