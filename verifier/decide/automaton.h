// Our own exact decision procedure for queries (verifier/encode/query.h), independent of Z3, cvc5 and
// of engine/'s matcher: explores the product of one automaton per glob and per word set.
//
// Tested by: tests/differential/z3_encoding_differential_test.cpp (against brute force and the
// solvers), tests/unit/verifier_query_test.cpp
//
// IMPLEMENTATION: a glob is an NFA over its positions (`*` loops, `?` takes any character);
// we track each glob's set of live positions, which is the subset construction done lazily.
// A word set is a trie, deterministic. The product state is the tuple of all of them; a
// breadth-first search from the start tuple over the alphabet "every character the query
// mentions, plus one fresh character" (which stands for all the others, since none of the
// automata can tell them apart) visits every reachable tuple, and the query is satisfiable
// exactly when some reachable tuple satisfies the Boolean combination of acceptances.
// Tuples from which a required (positive, complement-free) language can no longer accept,
// or in which a glob of a forbidden language accepts every extension (its trailing `*` is
// live), are pruned. Cost: the number of reachable tuples, in practice a small multiple of the
// number of distinct prefixes of the patterns; a state limit and the timeout bound it.
// Shortest counterexamples come for free from the breadth-first order.
//
// TRUSTED: one vote of the portfolio; a wrong `unsat` from it proves a wrong result whenever Z3
// and cvc5 are not asked (`--fast`) or do not answer.
#pragma once

#include "verifier/encode/query.h"
#include "verifier/decide/verify.h"

#include <string>

namespace leastpriv::verifier {

inline constexpr const char* kAutomatonVersion = "leastpriv-automaton-3";

ProcedureVerdict decide_with_automaton(const Query& query, double timeout_seconds);

// One glob against one string, both lower-cased: the same NFA, run on one input.
bool glob_matches(const std::string& lower_glob, const std::string& lower_text);

}  // namespace leastpriv::verifier
