// The exit codes (DESIGN §5), and the one place that maps what the libraries return (error
// kinds, verification and re-check verdicts) to them: the verifier returns verdicts only.
//
// Tested by: tests/cli/usage_cli_test.cpp (ExitCodes: the mapping), tests/cli/*_cli_test.cpp (the binary)
#pragma once

#include "model/result.h"
#include "verifier/certificate/recheck.h"
#include "verifier/decide/verify.h"

namespace leastpriv::cli {

constexpr int kExitOk = 0;                   // done / proved
constexpr int kExitVerificationFailed = 1;   // a counterexample (printed), a hash mismatch
constexpr int kExitBadInput = 2;             // bad input or usage; also internal errors
constexpr int kExitUnknown = 3;              // a solver said unknown or timed out; disagreement
constexpr int kExitOverSizeLimit = 4;        // account: a result over its IAM size limit (written, marked `over`)
// Interrupted by SIGINT, SIGTERM or SIGHUP: 128 + the signal (130, 143, 129), after the
// temporaries are removed and the solvers killed. Chosen in support/interrupt_cleanup.cpp,
// the signal handler, which cannot call back into cli/.

int exit_code_for(ErrorKind kind);
int exit_code_for(verifier::Verdict verdict);
// A disagreement between procedures is never a pass (verifier::report_verdict).
int exit_code_for(const verifier::VerificationReport& report);
int exit_code_for(const verifier::RecheckReport& report);

}  // namespace leastpriv::cli
