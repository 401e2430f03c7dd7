// The language questions about IAM action globs; see glob_inclusion.h.
#include "engine/match/glob_inclusion.h"

#include "model/ascii.h"

#include <map>
#include <set>
#include <utility>
#include <vector>

namespace leastpriv::engine {

namespace {

using StateSet = std::vector<bool>;

// The position automaton of a lower-cased glob: state i has read the glob's first i symbols,
// state |glob| accepts. A `*` at i loops on any character or is skipped (closing a set adds
// i+1 for each member i standing on a `*`); `?` reads any one character.
class GlobAutomaton {
 public:
  explicit GlobAutomaton(std::string_view lower_glob) : glob_(lower_glob) {}

  StateSet start() const {
    StateSet states(glob_.size() + 1, false);
    states[0] = true;
    close(states);
    return states;
  }

  StateSet step(const StateSet& states, char c) const {
    StateSet next(glob_.size() + 1, false);
    for (std::size_t i = 0; i < glob_.size(); ++i) {
      if (!states[i]) continue;
      if (glob_[i] == '*') {
        next[i] = true;
      } else if (glob_[i] == '?' || glob_[i] == c) {
        next[i + 1] = true;
      }
    }
    close(next);
    return next;
  }

  bool accepts(const StateSet& states) const { return states[glob_.size()]; }

  // Every state can reach acceptance (read the literal, anything for `?`, nothing for `*`),
  // so a set is alive exactly when it is not empty.
  static bool alive(const StateSet& states) {
    for (bool state : states) {
      if (state) return true;
    }
    return false;
  }

 private:
  void close(StateSet& states) const {
    for (std::size_t i = 0; i < glob_.size(); ++i) {
      if (states[i] && glob_[i] == '*') states[i + 1] = true;
    }
  }

  std::string_view glob_;
};

// The literal characters of both globs plus one fresh character standing for every other
// character (neither automaton can tell those apart), in ascending order: the breadth-first
// search tries letters in this order, which decides which shortest witness it reports.
std::string inclusion_alphabet(const std::string& outer, const std::string& inner) {
  std::set<char> letters;
  for (char c : outer + inner) {
    if (c != '*' && c != '?') letters.insert(c);
  }
  char fresh = '#';
  while (letters.count(fresh) != 0) ++fresh;
  letters.insert(fresh);
  return std::string(letters.begin(), letters.end());
}

}  // namespace

std::optional<std::string> glob_inclusion_witness(std::string_view outer_text, std::string_view inner_text) {
  const std::string outer = model::to_lower_ascii(outer_text);
  const std::string inner = model::to_lower_ascii(inner_text);
  const std::string alphabet = inclusion_alphabet(outer, inner);
  const GlobAutomaton inner_automaton(inner);
  const GlobAutomaton outer_automaton(outer);

  // The inner automaton is explored as whole state sets too: a pair (inner set, outer set)
  // is a counterexample when the inner set accepts and the outer set does not. Determinizing
  // both keeps the search to one set per word, which is all the witness needs.
  using Pair = std::pair<StateSet, StateSet>;
  std::map<Pair, std::string> seen;  // pair -> a shortest word reaching it (breadth first)
  std::vector<Pair> frontier{{inner_automaton.start(), outer_automaton.start()}};
  seen.emplace(frontier.front(), std::string());
  while (!frontier.empty()) {
    std::vector<Pair> next_frontier;
    for (const Pair& pair : frontier) {
      const std::string& word = seen.at(pair);
      if (inner_automaton.accepts(pair.first) && !outer_automaton.accepts(pair.second)) return word;
      for (char c : alphabet) {
        StateSet inner_next = inner_automaton.step(pair.first, c);
        if (!GlobAutomaton::alive(inner_next)) continue;  // the inner glob matches no word with this start
        Pair next{std::move(inner_next), outer_automaton.step(pair.second, c)};
        if (seen.count(next) != 0) continue;
        seen.emplace(next, word + c);
        next_frontier.push_back(std::move(next));
      }
    }
    frontier = std::move(next_frontier);
  }
  return std::nullopt;
}

bool glob_includes(std::string_view outer, std::string_view inner) { return !glob_inclusion_witness(outer, inner); }

bool glob_includes_all_with_prefix(std::string_view lower_glob, std::string_view lower_prefix) {
  // Three exact shortcuts first, since a NotAction statement asks this for every wholly unused
  // service against every pattern it excludes (PowerUserAccess: 100 services x 1,000 patterns
  // took 12 s through the product construction alone):
  // - the glob dies on the prefix: it matches no `prefix…` at all, and `prefix` is one;
  // - after the prefix it stands on a `*` followed only by `*`s: from there every suffix is
  //   matched (the `*` loops on any character and the rest may be skipped);
  // - the glob has no `*`: it matches finitely many strings, `prefix…` are infinitely many.
  const GlobAutomaton automaton(lower_glob);
  StateSet states = automaton.start();
  for (char c : lower_prefix) {
    states = automaton.step(states, c);
    if (!GlobAutomaton::alive(states)) return false;
  }
  for (std::size_t i = 0; i < lower_glob.size(); ++i) {
    if (states[i] && lower_glob.find_first_not_of('*', i) == std::string_view::npos) return true;
  }
  if (lower_glob.find('*') == std::string_view::npos) return false;
  // Otherwise (literals or `?` still to read after a `*`, as `a*b` after `a`): `prefix*` is
  // itself a glob, so the inclusion check decides.
  return glob_includes(lower_glob, std::string(lower_prefix) + "*");
}

bool glob_matches_some_with_prefix(std::string_view lower_glob, std::string_view lower_prefix) {
  // Some string `prefix…` is matched exactly when the automaton is still alive after reading
  // the prefix: every live state can then reach acceptance.
  const GlobAutomaton automaton(lower_glob);
  StateSet states = automaton.start();
  for (char c : lower_prefix) {
    states = automaton.step(states, c);
    if (!GlobAutomaton::alive(states)) return false;
  }
  return true;
}

}  // namespace leastpriv::engine
