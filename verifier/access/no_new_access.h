// Policy comparison for CI gates (issue 15): does a candidate policy allow any request that a
// reference policy does not (`check-no-new-access`), and does it allow any of a list of actions
// (`--access-not-granted`)? The library API `leastpriv gate` calls; cli/ only prints.
//
// A request is (action x, the scope atoms it hits). A policy allows it when some Allow
// statement whose scope is hit matches x and no Deny statement whose scope is hit matches x
// (Deny and NotAction by their meaning, on both sides). Scopes (model/scope.h) are opaque
// atoms, except that a scope whose Resource (NotResource) set is glob-included in another's,
// with everything else identical, implies it (narrowing a Resource grants nothing new).
// spec/OBLIGATIONS.md "No new access" argues the reduction; proofs/smt/50-* proves its lemma.
//
// Obligations (each a set of queries, "is there a counterexample?", expected unsat):
//   N1 allow-covered   for each candidate scope s: N_s \ DN_↑s \ R_↑s = ∅
//                      (what the candidate allows in s is allowed by the reference there)
//   N2 deny-kept       for each candidate scope s and reference Deny scope t:
//                      N_s ∩ DR_t \ DN_↑s∪↑t = ∅ (a reference Deny the candidate dropped)
//   N3 not-granted     for each candidate scope s: G ∩ N_s \ DN_↑s = ∅ (--access-not-granted)
// (N_s / R_s: Allow languages in scope s of candidate / reference; DN, DR: their Deny
// languages; ↑s: s and every scope it implies; G: the listed actions or patterns.)
//
// Tested by: tests/unit/no_new_access_test.cpp, tests/property/no_new_access_properties_test.cpp,
//            tests/cli/check_no_new_access_cli_test.cpp
#pragma once

#include "model/catalog.h"
#include "model/policy.h"
#include "model/result.h"
#include "verifier/decide/verify.h"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace leastpriv::verifier {

enum class AccessVerdict {
  kNoNewAccess,  // every query proved (unsat by the portfolio rule): exit 0
  kNewAccess,    // a counterexample, replayed through spec/reference_matcher: exit 1
  kUnknown,      // a timeout, an unknown, or procedures that disagree: exit 3
};

const char* access_verdict_name(AccessVerdict verdict);  // `no-new-access`, `new-access`, `unknown`

// One request the candidate allows and must not: the action, and the candidate statement that
// allows it (the first one, in document order, whose scope the request hits and that matches).
struct NewAccess {
  // The counterexample, lower case: a catalog action when one is a counterexample to the same
  // query (replayed like the model), else the model itself (any string: `s3:` when `s3:*` is new).
  std::string action;
  std::string model;                 // the procedure's model, as it found it
  std::size_t statement_index = 0;   // 0-based index into candidate.statements
  std::string statement_pointer;     // JSON pointer into the candidate document: `/Statement/2`
                                     // (`/Statement` when the document's Statement is one object)
  std::string sid;                   // the statement's Sid, empty when it has none
  std::string scope;                 // the statement's canonical scope text (model/scope.h)
  std::string resource;              // the statement's Resource / NotResource as canonical JSON, or empty
  // Why it is new: `no reference statement allows it in this scope`, or `reference statement
  // 3 (Sid `X`, Deny) denies it and the candidate has no such Deny`, or `listed in --access-not-granted`.
  std::string explanation;
  std::string obligation_id;         // the query that found it: `N1/scope-2/s3`
};

struct AccessCheckOptions {
  VerifyOptions verify;  // the portfolio's options (timeouts, agreement, procedures, keep_smtlib)
};

struct AccessCheckResult {
  AccessVerdict verdict = AccessVerdict::kUnknown;
  // Every counterexample found (one per failed query), the first being what a gate reports.
  std::vector<NewAccess> new_access;
  // For kUnknown: why (the first undecided query and its procedures' reasons).
  std::string reason;
  // Every query with its id, scope, group, SMT-LIB2 text (with verify.keep_smtlib) and each
  // procedure's verdict: what a certificate records (build_access_certificate).
  VerificationReport report;
};

// NEW allows nothing REFERENCE does not (N1, N2). An Error only when the inputs cannot be
// encoded (a non-ASCII action pattern: kBadInput); a counterexample or an unknown is a result.
Result<AccessCheckResult> check_no_new_access(const model::PolicyDocument& reference,
                                              const model::PolicyDocument& candidate,
                                              const model::Catalog& catalog, const AccessCheckOptions& options);

// NEW allows none of `actions` (actions or patterns with `*` / `?`, any case) in any scope,
// after its Deny statements (N3). Error (kBadInput) for an empty list or a non-ASCII entry.
Result<AccessCheckResult> check_access_not_granted(const model::PolicyDocument& candidate,
                                                   const std::vector<std::string>& actions,
                                                   const model::Catalog& catalog, const AccessCheckOptions& options);

// A human summary: the verdict, each new access (action, statement index and Sid, scope).
std::string access_result_to_text(const AccessCheckResult& result);
// The same as JSON (`--format json`): {"verdict", "new_access": [...], "reason", "obligations": [...]}.
model::Json access_result_to_json(const AccessCheckResult& result);

}  // namespace leastpriv::verifier
