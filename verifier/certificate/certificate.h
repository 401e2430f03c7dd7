// Certificates: the re-checkable evidence a CI gate keeps for a refinement (DESIGN §4).
// A certificate is JSON: the SHA-256 of each input file, the catalog's identity (source, date,
// SHA-256 of its canonical text), the strategy, and every obligation as a standalone SMT-LIB2
// text with each procedure's name, version, verdict and time. Anyone can re-check it without
// trusting our C++: feed each text to `z3` and `cvc5` and expect `unsat`.
//
// Tested by: tests/unit/verifier_certificate_test.cpp
//
// IMPLEMENTATION: the re-check runs the command-line solvers as child processes
// (support/process: no shell), one per text, with a wall-clock limit; each text is passed
// through a temporary file that exists only while its solver runs. O0 (Deny statements unchanged) is structural and carries no SMT-LIB; it is re-checked
// only when the policy files are given.
#pragma once

#include "model/catalog.h"
#include "model/policy.h"
#include "model/result.h"
#include "verifier/decide/verify.h"

#include <optional>
#include <string>
#include <vector>

namespace leastpriv::verifier {

struct CertificateInputs {
  std::string original_path;
  std::string findings_path;
  std::string result_path;
  std::string catalog_path;  // empty: the embedded catalog
  std::string strategy;      // optional: the strategy that produced the result (`aws`)
  // The result's bytes when they are not on disk yet (refine writes the result and its
  // certificate together): hashed instead of reading result_path.
  std::optional<std::string> result_text;
};

// SHA-256 (lower-case hex) of the catalog's canonical text: every action's `service:Name`
// in the catalog's order, one per line.
std::string catalog_hash(const model::Catalog& catalog);

// Builds the certificate for `report`. Reads the input files to hash them.
Result<model::Json> build_certificate(const VerificationReport& report, const model::Catalog& catalog,
                                       const CertificateInputs& inputs);

// One re-check of one SMT-LIB2 text by one command-line solver.
struct RecheckVerdict {
  std::string obligation_id;
  std::string solver;  // `z3` or `cvc5`
  std::string answer;  // `unsat`, `sat`, `unknown`, `timeout`, or `error: …`
  double seconds = 0;
};

struct RecheckReport {
  std::vector<RecheckVerdict> verdicts;
  std::vector<std::string> hash_mismatches;  // `original: expected …, got …`
  std::vector<std::string> problems;         // anything else that makes the certificate fail
  double seconds = 0;
};

struct RecheckOptions {
  double timeout_seconds = 60;
  std::string z3_binary = "z3";
  std::string cvc5_binary = "cvc5";
  // When given, their SHA-256 must match the certificate's.
  std::string original_path;
  std::string findings_path;
  std::string result_path;
};

// Re-runs every SMT-LIB2 text of `certificate` with both solvers. An Error means the
// certificate is malformed (exit 2); otherwise the report says what each solver answered.
Result<RecheckReport> recheck_certificate(const model::Json& certificate, const std::string& file,
                                          const RecheckOptions& options);

// kProved when every text is unsat in both solvers and every given hash matches;
// kCounterexample when any is sat, a hash differs or another problem was found; else
// kUnknown (a solver said unknown or timed out). cli/ turns it into the exit code.
Verdict recheck_verdict(const RecheckReport& report);

std::string recheck_to_text(const RecheckReport& report);

}  // namespace leastpriv::verifier
