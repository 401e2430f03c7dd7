// The language questions about IAM action globs, over all strings (not only catalog actions):
// is every string one glob matches also matched by another (inclusion), and does a glob match
// every / some string that starts with a given prefix. The `fewest` strategy asks inclusion of
// infix candidates such as `s3:Get*Tagging` against the entry they replace (`s3:Get*`,
// `*:Get*`, `s3:*Object*`); ActionPattern's prefix questions, which the safe-node test and the
// unused-service checks ask, are answered here too, so there is one automaton for all of them.
// (Matching one action name is ActionPattern::matches, a different job with a faster method.)
//
// Tested by: tests/unit/glob_inclusion_test.cpp (exhaustive against spec::reference_matches
// over a tiny alphabet), tests/unit/action_pattern_test.cpp and
// tests/differential/matcher_differential_test.cpp (the prefix questions)
//
// IMPLEMENTATION: each glob (lower-cased) is a position automaton: state i has read the
// pattern's first i symbols; `*` at i loops on any character and may be skipped. Inclusion
// explores, breadth first, the pairs (inner state set, outer state set) that one word reaches
// in both subset constructions, and fails at a pair whose inner set accepts and whose outer
// set does not (that word is the witness, a shortest one). The alphabet is the literal
// characters of both patterns plus one fresh character standing for every other character,
// which neither automaton can tell apart. Cost: exponential in the pattern lengths at worst;
// for action patterns the reachable pairs are few (tens), so a check takes microseconds.
// When the outer glob has no `?`, inclusion needs no search: L(inner) ⊆ L(outer) exactly when
// outer matches the word made of inner with each `*` and `?` replaced by one character outer
// does not mention. (Only if: that word is in L(inner). If: outer's literals cannot read the
// fresh character, so each one is read by an outer `*`, which reads any string as well; a
// match of the word turns into a match of every word of L(inner).) One match, O(|outer|·|inner|).
// "Includes every `prefix…`" is inclusion of the glob `prefix*`, after three exact shortcuts
// that decide nearly every real case in one pass over the prefix; "matches some `prefix…`" is
// one subset-construction run over the prefix: alive at its end. (The verifier keeps its own
// automaton procedure, DESIGN §4, on purpose: it must not share code with the engine.)
// The pairs are not always few: an outer glob with many `?` after a `*` (`*e????????????????`)
// has exponentially many reachable sets, so glob_includes_within takes a budget of steps (a
// letter read from a pair) and answers "undecided" when it is spent (the `fewest` strategy
// then treats the candidate as not included, which is safe). Sets are bit words, pairs sit in
// one flat array with a hash table of their numbers; from a pair, the letters that no live
// state reads literally all lead to the same pair, so only the first of them is stepped.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace leastpriv::engine {

// L(inner) ⊆ L(outer)? Both are matched case-insensitively.
bool glob_includes(std::string_view outer, std::string_view inner);

// glob_includes with at most `step_budget` steps of the search; each step taken is taken from
// the budget (the one-match case takes none). Nothing (undecided) when the budget ran out
// before the answer was known.
std::optional<bool> glob_includes_within(std::string_view outer, std::string_view inner, std::size_t& step_budget);

// A string that `inner` matches and `outer` does not (lower-case; the fresh character is
// `#`), or nothing when L(inner) ⊆ L(outer). For messages and tests.
std::optional<std::string> glob_inclusion_witness(std::string_view outer, std::string_view inner);

// L(prefix·Σ*) ⊆ L(glob)? Both lower-case; the prefix holds no wildcard.
bool glob_includes_all_with_prefix(std::string_view lower_glob, std::string_view lower_prefix);

// L(prefix·Σ*) ∩ L(glob) ≠ ∅? Both lower-case; the prefix holds no wildcard.
bool glob_matches_some_with_prefix(std::string_view lower_glob, std::string_view lower_prefix);

}  // namespace leastpriv::engine
