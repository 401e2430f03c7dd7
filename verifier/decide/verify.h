// The verifier's public API: does a refined policy R allow exactly the original O minus the
// unused actions U? Three obligations, each asked as "is there a counterexample?" and proved
// only when a procedure says unsat and none says sat (DESIGN §4, the portfolio rule):
//   O0 same   everything but the Allow statements' actions is O's: the document fields
//             (Version, Id, unknown keys) and the Deny statements, unchanged and in order;
//   O1 sound  no string (any string, also actions AWS adds later) is allowed by R and not by O;
//   O2 remove no action of U (explicit names, and every string `svc:…` of a wholly unused
//             service) is allowed by R;
//   O3 keep   every catalog action allowed by O and not in U is allowed by R.
//
// Tested by: tests/unit/verifier_obligations_test.cpp, proofs/faults/faults_test.cpp
//            (proofs/faults/*), tests/differential/z3_encoding_differential_test.cpp
//
// IMPLEMENTATION: policy-level comparison with scope atoms. Each distinct Statement::scope
// (Principal / Resource / Condition block, as canonical text) is an opaque Boolean atom; a
// request is allowed when some Allow statement whose atom holds matches the action and no
// Deny statement whose atom holds matches it. Atoms are assumed independent (nothing is
// known about how two resource blocks relate), which over-approximates real requests, so
// a proof is sound. Because "allowed" is monotone in the atoms, the worst case of every
// obligation makes exactly one atom true; so each obligation is decided per scope s with
// no atoms at all: O1: R_s ⊆ O_s ∪ D_s, O2: (R_s \ D_s) ∩ U = ∅, O3: (O_s \ D_s) ∩ (C \ U) ⊆ R_s
// (see verifier/encode/obligations.cpp for the argument). Statements may therefore be reordered,
// merged or dropped; moving an action into a statement with a different scope is caught.
// Each per-scope query is then split per service (see verifier/encode/query.h). Queries of
// different scopes with the same formula (the same languages in the same group: many
// statements with the same actions and different Resources) are decided once and the
// verdicts shared; each keeps its own id and text, and its counterexample is replayed
// against its own scope.
//
// TRUSTED: the portfolio rule here (verify.cpp) decides what counts as proved.
#pragma once

#include "model/catalog.h"
#include "model/findings.h"
#include "model/policy.h"
#include "model/result.h"

#include <string>
#include <vector>

namespace leastpriv::verifier {

class VerdictMemo;  // verifier/decide/verdict_memo.h

enum class ObligationKind {
  kUnchanged,     // O0: document fields and Deny statements carried over unchanged
  kSoundness,     // O1: R allows nothing O does not (all strings)
  kRemoval,       // O2: R allows no unused action
  kCompleteness,  // O3: R allows every used catalog action O allows
  // Policy comparison (verifier/access/no_new_access.h):
  kAllowCovered,  // N1: what the candidate allows in a scope, the reference allows there (all strings)
  kDenyKept,      // N2: no reference Deny the candidate dropped lets a request through
  kNotGranted,    // N3: the candidate allows none of the listed actions (--access-not-granted)
};

// `O0`, `O1`, `O2`, `O3` (and `N1`-`N3` for a policy comparison).
const char* obligation_code(ObligationKind kind);
// `unchanged`, `soundness`, `removal`, `completeness`, `allow-covered`, `deny-kept`, `not-granted`.
const char* obligation_name(ObligationKind kind);

// Three-valued, per STYLE.md.
enum class Verdict {
  kProved,          // unsat: no counterexample exists
  kCounterexample,  // sat: `counterexample` holds a concrete action
  kUnknown,         // timeout, solver gave up, procedures disagree, or a model failed replay
};

const char* verdict_name(Verdict verdict);  // `proved`, `counterexample`, `unknown`

// What one decision procedure said about one query.
struct ProcedureVerdict {
  std::string procedure;  // `z3`, `cvc5`, `automaton`, `enumeration`, `structural`
  std::string version;    // `4.8.12`, `1.0.3`, or the verifier's version for our own procedures
  Verdict verdict = Verdict::kUnknown;
  std::string counterexample;  // the model's action when verdict is kCounterexample
  std::string reason;          // why, when verdict is kUnknown (timeout, unsupported, …)
  double seconds = 0;
  // The CPU time of the thread that ran it: on a loaded machine `seconds` (wall clock) also
  // counts the time spent waiting for a core; this does not (benchmarks report both).
  double cpu_seconds = 0;
};

// One query: one obligation for one scope and one service group.
struct ObligationResult {
  ObligationKind kind = ObligationKind::kSoundness;
  std::string id;        // unique in the report, e.g. `O1/scope-1/s3`
  std::string scope;     // the scope's canonical text (empty for O0)
  int scope_index = -1;  // 1-based number of the scope in order of first appearance, -1 for O0
  std::string service;   // the service group (`s3`), `*` for every other service, empty for O0
  std::string smtlib;    // standalone SMT-LIB2 text (empty for O0, which is structural, and
                         // without VerifyOptions::keep_smtlib)
  bool ground = false;   // the counterexample must be a concrete word (O3, O2 without whole services)
  std::vector<ProcedureVerdict> procedures;

  Verdict verdict = Verdict::kUnknown;
  int agreeing = 0;           // how many procedures gave `verdict`
  bool disagreement = false;  // one said sat and another unsat: never a pass, exit 3
  // For kCounterexample: the action (replayed through spec::reference_* before it is
  // reported) and which statements explain it (`result statement 2 (Sid `S3`) allows it`).
  std::string counterexample;
  std::string explanation;
  // For kUnknown: why.
  std::string reason;
};

struct VerifyOptions {
  double timeout_seconds = 60;  // per query and procedure
  // When above 0, the whole verification's budget: no procedure runs past it (each gets at
  // most what is left; once it is spent, the remaining queries are unknown without running).
  // `--timeout S` sets this and timeout_seconds to S.
  double budget_seconds = 0;
  int require_agreement = 1;    // a query is proved only when this many procedures say unsat
  bool use_z3 = true;
  bool use_cvc5 = true;
  bool use_automaton = true;  // our exact automaton (O1, O2 for whole services) / enumeration (O2, O3)
  // By default Z3, cvc5 and the automaton decide every query, each with the full timeout, and
  // every verdict goes into the report and the certificate (issue 13: Z3 is the judge; the
  // encoding of verifier/encode/query.h makes the ground queries a matter of rewriting).
  // Run Z3 and cvc5 also on the ground obligations (O2 explicit names, O3, O1 of exact names:
  // the counterexample must be one of finitely many words)? false only for `--fast`.
  bool solvers_for_ground = true;
  // Once our automaton has decided a query (a proof, or a counterexample the reference matcher
  // confirmed), do Z3 and cvc5 still run, with at most confirm_timeout_seconds each? false
  // (`--fast`): they run only on queries the automaton left undecided, or when
  // require_agreement >= 2.
  bool solvers_when_decided = true;
  double confirm_timeout_seconds = 60;
  // Keep every query's SMT-LIB text in the report (ObligationResult::smtlib), as a certificate
  // needs. false: the texts are made only for the queries Z3 runs and then dropped (10⁴
  // scopes: most of the time and memory of a verification that writes no certificate).
  bool keep_smtlib = true;
  // Worker threads for independent queries (0: the machine's hardware concurrency).
  unsigned threads = 0;
  // A run-wide memo of verdicts shared by the verifications of one run (batch, account): a query
  // whose exact text and formula another verification of the run decided under the same
  // procedures and limits takes those verdicts instead of running again (verdict_memo.h). Not
  // owned; null: none.
  VerdictMemo* memo = nullptr;
};

struct VerificationReport {
  Verdict verdict = Verdict::kUnknown;  // proved only when every obligation is proved
  bool disagreement = false;            // some procedures disagreed somewhere
  std::vector<ObligationResult> obligations;
  // Findings that name actions the catalog does not know or the original does not allow,
  // non-ASCII or odd inputs: printed as warnings, never a failure by themselves.
  std::vector<std::string> warnings;
  double seconds = 0;
  std::string z3_version;
  std::string cvc5_version;
};

// How many queries (O1-O3) each of Z3 and cvc5 answered `unsat`, of how many: the figure a
// `refine` reports, since the portfolio rule proves a query on one `unsat` and no `sat`.
struct SolverCoverage {
  int queries = 0;
  int z3_unsat = 0;
  int cvc5_unsat = 0;
  int solvers_run = 0;  // queries on which Z3 or cvc5 ran at all
};
SolverCoverage solver_coverage(const VerificationReport& report);

// The report's verdict as callers must read it: a disagreement between procedures is never a
// pass, whatever the verdict says (it is `unknown`).
Verdict report_verdict(const VerificationReport& report);

// The options of `--fast`: the automaton alone, Z3 and cvc5 only where it cannot decide.
VerifyOptions fast_options(VerifyOptions options);

// Proves (or refutes) that `result` is `original` minus `findings`, against `catalog`.
// An Error means the inputs could not be encoded (e.g. a non-ASCII pattern); a refutation or
// an unknown is a report, not an Error.
Result<VerificationReport> verify_refinement(const model::PolicyDocument& original,
                                             const model::UnusedFindings& findings,
                                             const model::PolicyDocument& result,
                                             const model::Catalog& catalog, const VerifyOptions& options);

// A human summary: one line per obligation (verdict, procedures that agreed, time), then
// each counterexample with its action and statement.
std::string report_to_text(const VerificationReport& report);

}  // namespace leastpriv::verifier
