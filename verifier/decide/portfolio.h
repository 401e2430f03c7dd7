// The portfolio over a list of queries, whatever obligation they come from: every procedure
// (the automaton, Z3, cvc5, as VerifyOptions say) on every distinct formula, each query judged
// by the portfolio rule (DESIGN §4) with its counterexamples replayed by the caller's
// reference semantics. verify_refinement (O1-O3) and the policy comparison
// (verifier/access/no_new_access.h, N1-N3) both decide their queries here.
//
// Tested by: tests/unit/verifier_obligations_test.cpp, tests/unit/no_new_access_test.cpp
//
// TRUSTED: the portfolio rule (verify.cpp) decides what counts as proved.
#pragma once

#include "verifier/decide/verify.h"
#include "verifier/encode/obligations.h"

#include <chrono>
#include <functional>
#include <string>
#include <vector>

namespace leastpriv::verifier {

// Why `action` is a counterexample to `task` under the reference semantics (spec/), or empty
// when it is not one: a model that does not replay is a disagreement, never believed.
using ReplayFunction = std::function<std::string(const QueryTask& task, const std::string& action)>;

// Each task decided and judged, in order, with its id, group and (with keep_smtlib) text.
// VerifyOptions::budget_seconds counts from `began` (the start of the whole verification).
// An error, not a list of `unknown`s, when Z3 or cvc5 is asked for and the solver module is missing.
Result<std::vector<ObligationResult>> decide_queries(const std::vector<QueryTask>& tasks, const VerifyOptions& options,
                                                     const ReplayFunction& replay,
                                                     std::chrono::steady_clock::time_point began =
                                                         std::chrono::steady_clock::now());

// The whole verdict of `report`: proved only when every obligation is; a disagreement anywhere
// is unknown; sets report.verdict and report.disagreement.
void judge_report(VerificationReport& report);

}  // namespace leastpriv::verifier
