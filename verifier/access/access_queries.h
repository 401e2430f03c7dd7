// From two policies (or one policy and a list of actions) to the queries of N1-N3
// (verifier/access/no_new_access.h), and the scope table their replay needs.
//
// Tested by: tests/unit/no_new_access_test.cpp, tests/property/no_new_access_properties_test.cpp
//
// IMPLEMENTATION (the reduction, TRUSTED; spec/OBLIGATIONS.md "No new access" argues it and
// proofs/smt/50-no-new-access-reduction.smt2 checks its lemma):
// Atoms are the distinct scope keys of both policies (a statement's canonical scope text; when
// the two documents' Versions differ, a text with a policy variable `${` is tagged with its
// document's Version, since the Version decides whether `${…}` is a variable). A request is the
// set P of atoms it hits, and P is closed under implication (verifier/access/scope_implication.h):
// ↑s is s and every atom s implies. A policy allows (x, P) when an Allow statement with an atom
// in P matches x and no Deny statement with an atom in P does. The counterexample to "the
// candidate allows nothing the reference does not" is
//   A_N(x,P) ∧ ¬D_N(x,P) ∧ ¬A_R(x,P)   (nothing in the reference allows it)    — N1
//   A_N(x,P) ∧ ¬D_N(x,P) ∧ D_R(x,P)    (the reference denies it)               — N2
// Negated terms are monotone in P, so a counterexample under P is one under the least closed
// set that keeps its positive terms true: ↑s for N1 (s: the atom of the candidate Allow that
// matches), ↑s ∪ ↑t for N2 (t: the atom of the reference Deny that matches). Hence
//   N1_s:   N_s ∩ ¬DN_↑s ∩ ¬R_↑s = ∅                 for each atom s with a candidate Allow
//   N2_s,t: N_s ∩ DR_t ∩ ¬DN_(↑s ∪ ↑t) = ∅           for each such s and each atom t with a reference Deny
//   N3_s:   G ∩ N_s ∩ ¬DN_↑s = ∅                     (--access-not-granted; G the listed patterns)
// where X_S is the union of the languages of X's statements with an atom in S (an Action list as
// its globs, a NotAction list as the complement of its globs). Each is then grouped by service
// (obligations.h tasks_by_service) and split per pattern (split_queries.h).
#pragma once

#include "model/catalog.h"
#include "model/policy.h"
#include "model/result.h"
#include "verifier/encode/obligations.h"

#include <string>
#include <vector>

namespace leastpriv::verifier {

struct AccessScopes {
  std::vector<std::string> keys;                // atom i + 1 is keys[i]
  std::vector<std::vector<int>> closure;        // ↑(i + 1): 1-based atoms, sorted, itself included
  std::vector<int> reference_atoms;             // per reference statement, its atom
  std::vector<int> candidate_atoms;             // per candidate statement, its atom
};

struct AccessQueries {
  AccessScopes scopes;
  std::vector<QueryTask> tasks;
};

// N1 and N2 for `candidate` against `reference`. Error (kBadInput) for a non-ASCII action pattern.
Result<AccessQueries> build_no_new_access_queries(const model::PolicyDocument& reference,
                                                  const model::PolicyDocument& candidate,
                                                  const model::Catalog& catalog);

// N3 for `candidate` and the listed actions or patterns. Error (kBadInput) for an empty list
// or a non-ASCII entry.
Result<AccessQueries> build_not_granted_queries(const model::PolicyDocument& candidate,
                                                const std::vector<std::string>& actions,
                                                const model::Catalog& catalog);

// The atoms of a task's least request: ↑s, or ↑s ∪ ↑t for a pair (sorted, 1-based).
std::vector<int> request_atoms(const AccessScopes& scopes, const QueryTask& task);

}  // namespace leastpriv::verifier
