// The verification `refine` runs on its own result before writing it: proves O0–O3 with the
// verifier (which shares only the data model with the engine) and, when asked, makes the
// certificate of the result it is about to write.
//
// Tested by: tests/cli/refine_cli_test.cpp, tests/cli/verify_cli_test.cpp (through the binary)
#pragma once

#include "cli/arguments.h"
#include "cli/inputs.h"
#include "cli/output_files.h"
#include "model/catalog.h"
#include "model/findings.h"
#include "model/policy.h"
#include "verifier/decide/verify.h"

#include <string>

namespace leastpriv::cli {

// What Z3 and cvc5 said, for the `verified:` line: every query unsat in both, or how many.
// verify's and check-no-new-access's portfolio from --timeout, --require-agreement, --no-z3,
// --no-cvc5, --no-automaton, --fast (every procedure on every query unless --fast); the SMT-LIB
// texts are kept only when --certificate asks for them.
verifier::VerifyOptions portfolio_options(const Arguments& arguments);

std::string solver_summary(const verifier::VerificationReport& report);
// The stderr note of --fast: how many queries the automaton alone decided.
void report_fast_note(const verifier::VerificationReport& report);

// Runs the verifier with the options on the command line (--fast, --timeout). Prints a one-line
// verdict on stderr, and the whole report when it is not `proved`. Returns the exit code:
// 0 only when proved.
int verify_refined_policy(const model::PolicyDocument& original, const model::UnusedFindings& findings,
                          const model::PolicyDocument& refined, const model::Catalog& catalog,
                          const Arguments& arguments, verifier::VerificationReport& report);

// The certificate of `report` for the result `result_text` that is about to be written to -o
// (hashed as those very bytes), as the file --certificate names.
OutputFile refine_certificate(const verifier::VerificationReport& report, const RefineInputs& inputs,
                              const Arguments& arguments, const std::string& strategy, const std::string& result_text);

}  // namespace leastpriv::cli
