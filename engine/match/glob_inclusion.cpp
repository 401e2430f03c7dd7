// The language questions about IAM action globs; see glob_inclusion.h.
#include "engine/match/glob_inclusion.h"

#include "model/ascii.h"

#include <algorithm>
#include <bitset>
#include <cstdint>
#include <limits>
#include <set>
#include <utility>
#include <vector>

namespace leastpriv::engine {

namespace {

// The position automaton of a lower-cased glob: state i has read the glob's first i symbols,
// state |glob| accepts. A `*` at i loops on any character or is skipped (closing a set adds
// i+1 for each member i standing on a `*`); `?` reads any one character. A set of states is
// words() 64-bit words, one bit per state.
class GlobAutomaton {
 public:
  explicit GlobAutomaton(std::string_view lower_glob) : glob_(lower_glob), words_((glob_.size() + 1 + 63) / 64) {
    for (std::size_t i = 0; i < glob_.size(); ++i) {
      if (glob_[i] == '*') stars_.push_back(i);
    }
  }

  std::size_t words() const { return words_; }

  void start(std::uint64_t* states) const {
    std::fill(states, states + words_, 0);
    set(states, 0);
    close(states);
  }

  void step(const std::uint64_t* states, char c, std::uint64_t* next) const {
    std::fill(next, next + words_, 0);
    for (std::size_t w = 0; w < words_; ++w) {
      for (std::uint64_t bits = states[w]; bits != 0; bits &= bits - 1) {
        const std::size_t i = w * 64 + static_cast<std::size_t>(__builtin_ctzll(bits));
        if (i >= glob_.size()) continue;
        if (glob_[i] == '*') {
          set(next, i);
        } else if (glob_[i] == '?' || glob_[i] == c) {
          set(next, i + 1);
        }
      }
    }
    close(next);
  }

  bool accepts(const std::uint64_t* states) const { return get(states, glob_.size()); }

  // Adds to `letters` the literal characters the live states of `states` read; true when a
  // live state stands on `*` or `?` (it reads every letter).
  bool live_letters(const std::uint64_t* states, std::bitset<256>& letters) const {
    bool wildcard = false;
    for (std::size_t w = 0; w < words_; ++w) {
      for (std::uint64_t bits = states[w]; bits != 0; bits &= bits - 1) {
        const std::size_t i = w * 64 + static_cast<std::size_t>(__builtin_ctzll(bits));
        if (i >= glob_.size()) continue;
        if (glob_[i] == '*' || glob_[i] == '?') {
          wildcard = true;
        } else {
          letters.set(static_cast<unsigned char>(glob_[i]));
        }
      }
    }
    return wildcard;
  }

  // Every state can reach acceptance (read the literal, anything for `?`, nothing for `*`),
  // so a set is alive exactly when it is not empty.
  bool alive(const std::uint64_t* states) const {
    return std::any_of(states, states + words_, [](std::uint64_t word) { return word != 0; });
  }

 private:
  static bool get(const std::uint64_t* states, std::size_t i) { return ((states[i / 64] >> (i % 64)) & 1U) != 0; }
  static void set(std::uint64_t* states, std::size_t i) { states[i / 64] |= std::uint64_t{1} << (i % 64); }
  // In ascending order, so a run of stars (`**`) closes in one pass.
  void close(std::uint64_t* states) const {
    for (std::size_t i : stars_) {
      if (get(states, i)) set(states, i + 1);
    }
  }

  std::string_view glob_;
  std::size_t words_;
  std::vector<std::size_t> stars_;
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

// The pairs found so far, each `stride` words (inner set, then outer set) in one flat array,
// in the order found, with an open-addressing table of their numbers to find one again: no
// allocation per pair.
class PairTable {
 public:
  explicit PairTable(std::size_t stride) : stride_(stride), slots_(64, kEmpty) {}

  std::size_t size() const { return pool_.size() / stride_; }
  const std::uint64_t* at(std::size_t pair) const { return pool_.data() + pair * stride_; }

  // Adds the pair unless it is there already; true when it was added.
  bool insert(const std::uint64_t* words) {
    if (2 * (size() + 1) > slots_.size()) grow();
    std::size_t slot = hash(words) & (slots_.size() - 1);
    for (; slots_[slot] != kEmpty; slot = (slot + 1) & (slots_.size() - 1)) {
      if (std::equal(words, words + stride_, at(slots_[slot]))) return false;
    }
    slots_[slot] = size();
    pool_.insert(pool_.end(), words, words + stride_);
    return true;
  }

 private:
  static constexpr std::size_t kEmpty = std::numeric_limits<std::size_t>::max();

  std::size_t hash(const std::uint64_t* words) const {
    std::uint64_t h = 0x9e3779b97f4a7c15ULL;
    for (std::size_t i = 0; i < stride_; ++i) {
      h ^= words[i] + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
      h *= 0xff51afd7ed558ccdULL;
    }
    return static_cast<std::size_t>(h ^ (h >> 33));
  }

  void grow() {
    std::vector<std::size_t> slots(slots_.size() * 2, kEmpty);
    for (std::size_t pair = 0; pair < size(); ++pair) {
      std::size_t slot = hash(at(pair)) & (slots.size() - 1);
      while (slots[slot] != kEmpty) slot = (slot + 1) & (slots.size() - 1);
      slots[slot] = pair;
    }
    slots_ = std::move(slots);
  }

  std::size_t stride_;
  std::vector<std::uint64_t> pool_;
  std::vector<std::size_t> slots_;
};

struct InclusionSearch {
  bool decided = true;
  std::optional<std::string> witness;  // when decided: a shortest word inner has and outer lacks
};

// The breadth-first search of the header, with at most `step_budget` steps (a letter read
// from a pair by both automata).
InclusionSearch search_witness(std::string_view outer_text, std::string_view inner_text, std::size_t& step_budget) {
  const std::string outer = model::to_lower_ascii(outer_text);
  const std::string inner = model::to_lower_ascii(inner_text);
  const std::string alphabet = inclusion_alphabet(outer, inner);
  const GlobAutomaton inner_automaton(inner);
  const GlobAutomaton outer_automaton(outer);
  const std::size_t inner_words = inner_automaton.words();

  // The inner automaton is explored as whole state sets too: a pair (inner set, outer set)
  // is a counterexample when the inner set accepts and the outer set does not. Determinizing
  // both keeps the search to one set per word, which is all the witness needs. Pairs are
  // numbered in the order found (a queue: breadth first), each with the pair and letter it
  // was reached from, which spell a shortest word reaching it.
  PairTable pairs(inner_words + outer_automaton.words());
  std::vector<std::pair<std::size_t, char>> reached_from;
  std::vector<std::uint64_t> current(inner_words + outer_automaton.words());
  std::vector<std::uint64_t> next(current.size());
  inner_automaton.start(next.data());
  outer_automaton.start(next.data() + inner_words);
  pairs.insert(next.data());
  reached_from.emplace_back(0, '\0');
  for (std::size_t at = 0; at < pairs.size(); ++at) {
    std::copy(pairs.at(at), pairs.at(at) + current.size(), current.begin());
    if (inner_automaton.accepts(current.data()) && !outer_automaton.accepts(current.data() + inner_words)) {
      std::string word;
      for (std::size_t i = at; i != 0; i = reached_from[i].first) word.insert(word.begin(), reached_from[i].second);
      return InclusionSearch{true, word};
    }
    // Letters that no live state of either set reads literally all lead to the same pair, so
    // only the first of them (in alphabet order, as the breadth-first order demands) is
    // stepped; when the inner set has no live wildcard they all lead nowhere.
    std::bitset<256> literal;
    const bool inner_reads_any = inner_automaton.live_letters(current.data(), literal);
    outer_automaton.live_letters(current.data() + inner_words, literal);
    bool other_done = !inner_reads_any;
    for (char c : alphabet) {
      if (!literal.test(static_cast<unsigned char>(c))) {
        if (other_done) continue;
        other_done = true;
      }
      if (step_budget == 0) return InclusionSearch{false, std::nullopt};
      --step_budget;
      inner_automaton.step(current.data(), c, next.data());
      if (!inner_automaton.alive(next.data())) continue;  // the inner glob matches no word with this start
      outer_automaton.step(current.data() + inner_words, c, next.data() + inner_words);
      if (!pairs.insert(next.data())) continue;
      reached_from.emplace_back(at, c);
    }
  }
  return InclusionSearch{true, std::nullopt};
}

}  // namespace

std::optional<std::string> glob_inclusion_witness(std::string_view outer, std::string_view inner) {
  std::size_t unlimited = std::numeric_limits<std::size_t>::max();
  return search_witness(outer, inner, unlimited).witness;
}

namespace {

// The automaton's states after reading `word`, or nothing once they are none (no string that
// starts with `word` can be matched).
std::optional<std::vector<std::uint64_t>> states_after(const GlobAutomaton& automaton, std::string_view word) {
  std::vector<std::uint64_t> states(automaton.words());
  std::vector<std::uint64_t> next(automaton.words());
  automaton.start(states.data());
  for (char c : word) {
    automaton.step(states.data(), c, next.data());
    states.swap(next);
    if (!automaton.alive(states.data())) return std::nullopt;
  }
  return states;
}

// Inclusion in an outer glob without `?`, by one match (see the header): nothing when the
// outer glob has a `?`.
std::optional<bool> includes_by_fresh_word(std::string_view outer_text, std::string_view inner_text) {
  if (outer_text.find('?') != std::string_view::npos) return std::nullopt;
  const std::string outer = model::to_lower_ascii(outer_text);
  std::string word = model::to_lower_ascii(inner_text);
  std::bitset<256> used;
  for (char c : outer) used.set(static_cast<unsigned char>(c));
  if (used.all()) return std::nullopt;
  unsigned fresh_code = '#';
  while (used.test(fresh_code)) fresh_code = (fresh_code + 1) % 256;
  const auto fresh = static_cast<char>(fresh_code);
  for (char& c : word) {
    if (c == '*' || c == '?') c = fresh;
  }
  const GlobAutomaton automaton(outer);
  const auto states = states_after(automaton, word);
  return states && automaton.accepts(states->data());
}

}  // namespace

bool glob_includes(std::string_view outer, std::string_view inner) {
  if (const auto answer = includes_by_fresh_word(outer, inner)) return *answer;
  return !glob_inclusion_witness(outer, inner);
}

std::optional<bool> glob_includes_within(std::string_view outer, std::string_view inner, std::size_t& step_budget) {
  if (const auto answer = includes_by_fresh_word(outer, inner)) return *answer;
  const InclusionSearch search = search_witness(outer, inner, step_budget);
  if (!search.decided) return std::nullopt;
  return !search.witness.has_value();
}

bool glob_includes_all_with_prefix(std::string_view lower_glob, std::string_view lower_prefix) {
  // Three exact shortcuts first, since a NotAction statement asks this for every wholly unused
  // service against every pattern it excludes (PowerUserAccess: 100 services x 1,000 patterns
  // took 12 s through the product construction alone):
  // - the glob dies on the prefix: it matches no `prefix…` at all, and `prefix` is one;
  // - after the prefix it stands on a `*` followed only by `*`s: from there every suffix is
  //   matched (the `*` loops on any character and the rest may be skipped);
  // - the glob has no `*`: it matches finitely many strings, `prefix…` are infinitely many.
  const GlobAutomaton automaton(lower_glob);
  const auto states = states_after(automaton, lower_prefix);
  if (!states) return false;
  for (std::size_t i = 0; i < lower_glob.size(); ++i) {
    const bool live = ((*states)[i / 64] >> (i % 64)) & 1U;
    if (live && lower_glob.find_first_not_of('*', i) == std::string_view::npos) return true;
  }
  if (lower_glob.find('*') == std::string_view::npos) return false;
  // Otherwise (literals or `?` still to read after a `*`, as `a*b` after `a`): `prefix*` is
  // itself a glob, so the inclusion check decides.
  return glob_includes(lower_glob, std::string(lower_prefix) + "*");
}

bool glob_matches_some_with_prefix(std::string_view lower_glob, std::string_view lower_prefix) {
  // Some string `prefix…` is matched exactly when the automaton is still alive after reading
  // the prefix: every live state can then reach acceptance.
  return states_after(GlobAutomaton(lower_glob), lower_prefix).has_value();
}

}  // namespace leastpriv::engine
