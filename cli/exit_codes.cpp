// Exit codes; see exit_codes.h.
#include "cli/exit_codes.h"

namespace leastpriv::cli {

int exit_code_for(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::kBadInput:
    case ErrorKind::kUsage:
    case ErrorKind::kInternal:
      return kExitBadInput;
    case ErrorKind::kSolverUnknown:
      return kExitUnknown;
  }
  return kExitBadInput;
}

int exit_code_for(verifier::Verdict verdict) {
  switch (verdict) {
    case verifier::Verdict::kProved:
      return kExitOk;
    case verifier::Verdict::kCounterexample:
      return kExitVerificationFailed;
    case verifier::Verdict::kUnknown:
      return kExitUnknown;
  }
  return kExitUnknown;
}

int exit_code_for(const verifier::VerificationReport& report) {
  return exit_code_for(verifier::report_verdict(report));
}

int exit_code_for(const verifier::RecheckReport& report) { return exit_code_for(verifier::recheck_verdict(report)); }

}  // namespace leastpriv::cli
