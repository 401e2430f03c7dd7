// Glob-in-glob inclusion; see glob_inclusion.h.
#include "engine/match/glob_inclusion.h"

#include "engine/match/action_pattern.h"

#include <map>
#include <set>
#include <utility>
#include <vector>

namespace leastpriv::engine {

namespace {

using StateSet = std::vector<bool>;

// Adds i+1 for every member i standing on a `*` (the star may match nothing).
void close(const std::string& glob, StateSet& states) {
  for (std::size_t i = 0; i < glob.size(); ++i) {
    if (states[i] && glob[i] == '*') states[i + 1] = true;
  }
}

StateSet step(const std::string& glob, const StateSet& states, char c) {
  StateSet next(glob.size() + 1, false);
  for (std::size_t i = 0; i < glob.size(); ++i) {
    if (!states[i]) continue;
    if (glob[i] == '*') {
      next[i] = true;
    } else if (glob[i] == '?' || glob[i] == c) {
      next[i + 1] = true;
    }
  }
  close(glob, next);
  return next;
}

}  // namespace

std::optional<std::string> glob_inclusion_witness(std::string_view outer_text, std::string_view inner_text) {
  const std::string outer = model::to_lower_ascii(outer_text);
  const std::string inner = model::to_lower_ascii(inner_text);
  std::set<char> letters;
  for (char c : outer + inner) {
    if (c != '*' && c != '?') letters.insert(c);
  }
  char fresh = '#';
  while (letters.count(fresh) != 0) ++fresh;
  letters.insert(fresh);

  // The inner automaton is explored as whole state sets too: a pair (inner set, outer set)
  // is a counterexample when the inner set accepts and the outer set does not. Determinizing
  // both keeps the search to one set per word, which is all the witness needs.
  StateSet inner_start(inner.size() + 1, false);
  inner_start[0] = true;
  close(inner, inner_start);
  StateSet outer_start(outer.size() + 1, false);
  outer_start[0] = true;
  close(outer, outer_start);

  using Pair = std::pair<StateSet, StateSet>;
  std::map<Pair, std::string> seen;  // pair -> a shortest word reaching it (breadth first)
  std::vector<Pair> frontier{{inner_start, outer_start}};
  seen.emplace(frontier.front(), std::string());
  while (!frontier.empty()) {
    std::vector<Pair> next_frontier;
    for (const Pair& pair : frontier) {
      const std::string& word = seen.at(pair);
      if (pair.first[inner.size()] && !pair.second[outer.size()]) return word;
      for (char c : letters) {
        StateSet inner_next = step(inner, pair.first, c);
        bool alive = false;
        for (bool state : inner_next) alive = alive || state;
        if (!alive) continue;  // the inner glob matches no word with this start
        Pair next{std::move(inner_next), step(outer, pair.second, c)};
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

}  // namespace leastpriv::engine
