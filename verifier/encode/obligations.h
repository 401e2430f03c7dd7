// From two policies, the findings and the catalog to the list of queries that decide O1–O3.
//
// Tested by: tests/unit/verifier_obligations_test.cpp, proofs/faults/faults_test.cpp
//
// IMPLEMENTATION (the reduction, TRUSTED, argued here once):
// Each distinct scope s (Statement::scope) is a Boolean atom p_s, independent of the others.
// With A_O(x) = ∨_s p_s ∧ x ∈ O_s (O_s: union of the languages of O's Allow statements in
// scope s; an Allow+NotAction statement contributes the complement of its union) and
// D(x) = ∨_s p_s ∧ x ∈ D_s (O's Deny statements; O0 separately demands R's are the same):
//   O1  ∀x,p. A_R(x) ∧ ¬D(x) → A_O(x)
//   O2  ∀x∈U,p. ¬(A_R(x) ∧ ¬D(x))
//   O3  ∀x∈C\U,p. A_O(x) ∧ ¬D(x) → A_R(x)
// Each counterexample formula is "some monotone term ∧ negated monotone terms", so if it holds
// under an assignment it holds under the assignment that keeps only one atom p_s true (the one
// that makes the positive term true). Hence each obligation is the conjunction over scopes s of:
//   O1_s: R_s ∩ ¬O_s ∩ ¬D_s = ∅      O2_s: R_s ∩ U ∩ ¬D_s = ∅
//   O3_s: C ∩ O_s ∩ ¬U ∩ ¬D_s ∩ ¬R_s = ∅
// and each of these is split over service groups that partition all strings: `svc:…` for each
// service the query names, plus "every other string" when a wildcard-service glob or a
// complement could reach one. Within a group, globs naming another service are dropped.
// Last, a query with several patterns is split into one per pattern (verifier/encode/split_queries.h).
#pragma once

#include "model/catalog.h"
#include "model/findings.h"
#include "model/policy.h"
#include "model/result.h"
#include "verifier/encode/query.h"
#include "verifier/decide/verify.h"

#include <string>
#include <vector>

namespace leastpriv::verifier {

struct QueryTask {
  ObligationKind kind = ObligationKind::kSoundness;
  int scope_index = 0;  // 1-based
  std::string scope;
  // A second scope the query is about, for obligations over pairs of scopes (N2: a candidate
  // scope and a reference Deny's scope, verifier/access/); 0 when none.
  int other_scope_index = 0;
  Query query;
  bool ground = false;  // the counterexample must be a concrete word (O3, O2 without whole services)
  std::string part;     // which part of a split query (verifier/encode/split_queries.h), else empty
};

// Fails (kBadInput) when a pattern or an unused action is not ASCII.
Result<std::vector<QueryTask>> build_queries(const model::PolicyDocument& original,
                                             const model::UnusedFindings& findings,
                                             const model::PolicyDocument& result, const model::Catalog& catalog);

// Fails (kBadInput) when an action pattern of `policy` is not ASCII; `which` names the policy.
Status check_ascii(const model::PolicyDocument& policy, const char* which);

Literal literal_of(Language language, bool member, std::string label);

// TRUSTED: adds a statement's action list to `language`: an Action list as its (lower-cased)
// globs, a NotAction list as the complement of their union.
void add_statement(Language& language, const model::Statement& statement);

// TRUSTED (as O1-O3's grouping above): one obligation's query over all strings, split into
// tasks over service groups that partition the strings a counterexample can be. When some
// required literal names its services (no wildcard service, no complement), a counterexample
// lies in one of them: those services' groups. Otherwise the services any literal names, plus
// "every other service". Each task keeps the prototype's kind and scopes; its comment is the
// obligation, the scope, the group, then `prototype.query.comment`. Groups where a required
// literal has nothing left are skipped (no counterexample can lie there). Then split_queries.
std::vector<QueryTask> tasks_by_service(const QueryTask& prototype, const model::Catalog& catalog);

// O0: everything but the Allow statements' actions is unchanged: every document field but
// Statement (Version, Id, unknown keys) is the original's in meaning (absent stays absent), and
// the Deny statements of `result` are those of `original`, same JSON, same order. Returns the
// first difference, or empty when there is none. A DETACH_POLICY result (no document) is
// compared on its Deny statements only.
std::string unchanged_difference(const model::PolicyDocument& original, const model::PolicyDocument& result);

// Replays a counterexample through spec::reference_* (the naive matcher of spec/) and says
// why it is one; empty when the reference semantics does NOT confirm it.
std::string replay_counterexample(const QueryTask& task, const std::string& action,
                                  const model::PolicyDocument& original, const model::UnusedFindings& findings,
                                  const model::PolicyDocument& result, const model::Catalog& catalog);

}  // namespace leastpriv::verifier
