// Language inclusion between two IAM action globs: is every string the inner glob matches
// also matched by the outer one (over all strings, not only catalog actions)? The `fewest`
// strategy asks this of infix candidates such as `s3:Get*Tagging` against the entry they
// replace (`s3:Get*`, `*:Get*`, `s3:*Object*`), where ActionPattern's prefix questions do
// not suffice.
//
// Tested by: tests/unit/glob_inclusion_test.cpp (exhaustive against spec::reference_matches
// over a tiny alphabet)
//
// IMPLEMENTATION: each glob (lower-cased) is a position automaton: state i has read the
// pattern's first i symbols; `*` at i loops on any character and may be skipped. The check
// explores, breadth first, the pairs (inner state set, outer state set) that one word reaches
// in both subset constructions, and fails at a pair whose inner set accepts and whose outer
// set does not (that word is the witness, a shortest one). The alphabet is the literal
// characters of both patterns plus one fresh character standing for every other character,
// which neither automaton can tell apart. Cost: exponential in the pattern lengths at worst;
// for action patterns the reachable pairs are few (tens), so a check takes microseconds. The same
// construction as ActionPattern::includes_all_with_prefix, generalized from `prefix·Σ*` to any
// glob (cf. the automaton procedure of DESIGN §4, which the verifier keeps separately).
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

}  // namespace leastpriv::engine
