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
// "Includes every `prefix…`" is inclusion of the glob `prefix*`, after three exact shortcuts
// that decide nearly every real case in one pass over the prefix; "matches some `prefix…`" is
// one subset-construction run over the prefix: alive at its end. (The verifier keeps its own
// automaton procedure, DESIGN §4, on purpose: it must not share code with the engine.)
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace leastpriv::engine {

// L(inner) ⊆ L(outer)? Both are matched case-insensitively.
bool glob_includes(std::string_view outer, std::string_view inner);

// A string that `inner` matches and `outer` does not (lower-case; the fresh character is
// `#`), or nothing when L(inner) ⊆ L(outer). For messages and tests.
std::optional<std::string> glob_inclusion_witness(std::string_view outer, std::string_view inner);

// L(prefix·Σ*) ⊆ L(glob)? Both lower-case; the prefix holds no wildcard.
bool glob_includes_all_with_prefix(std::string_view lower_glob, std::string_view lower_prefix);

// L(prefix·Σ*) ∩ L(glob) ≠ ∅? Both lower-case; the prefix holds no wildcard.
bool glob_matches_some_with_prefix(std::string_view lower_glob, std::string_view lower_prefix);

}  // namespace leastpriv::engine
