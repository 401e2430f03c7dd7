// One query per pattern: a query whose drawn literal (verifier/encode/query.h
// drawn_literal) holds two patterns with a wildcard (or complements) or more is split into one query for its
// names (tested as constants) and one query per pattern or complement, each asked of its own
// x. R ⊆ X iff every r ⊆ X: the query is empty exactly when every part is.
//
// Tested by: tests/unit/split_queries_test.cpp, proofs/faults/faults_test.cpp
//
// IMPLEMENTATION (TRUSTED: a part left out would be an obligation never asked): x ∈ (W ∪ G1 ∪
// … ∪ Gk) ∩ q ⇔ x ∈ W ∩ q ∨ x ∈ G1 ∩ q ∨ … (the union distributes over the intersection;
// proofs/smt/25-ground-split.smt2 checks it with two patterns for any q). A pattern whose
// service is literal (`ec2:describe*`) is asked in that service's group only, the rest of the
// query restricted to it as restrict_to_group does (OBLIGATIONS E3). Why: Z3 4.8.12 takes
// about ten times longer on a disjunction of a few prefix memberships than on each alone
// (ReadOnlyAccess's O1 group applicationinsights,appmesh,apprunner with 3 patterns: 0.36-0.72 s
// of CPU against 0.03 s each), and the union of a result group's patterns was its slowest
// query; cvc5 and the automaton are as fast either way.
#pragma once

#include "verifier/encode/obligations.h"

#include <vector>

namespace leastpriv::verifier {

// The tasks with every such query split; others unchanged, in order. A part's
// QueryTask::part says which (`names`, the pattern, or `complement-K`).
std::vector<QueryTask> split_queries(std::vector<QueryTask> tasks);

}  // namespace leastpriv::verifier
