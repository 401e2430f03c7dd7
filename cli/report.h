// The one place that prints errors and writes what a command produces (STYLE.md: library code
// returns Result<T>; only cli/ prints): stdout or `-o` for results, the certificate file for
// refine and verify alike.
//
// Tested by: tests/cli/refine_cli_test.cpp, tests/cli/verify_cli_test.cpp
#pragma once

#include "cli/exit_codes.h"
#include "model/catalog.h"
#include "model/result.h"
#include "verifier/certificate/certificate.h"
#include "verifier/decide/verify.h"

#include <string>

namespace leastpriv::cli {

// Prints `leastpriv: error: MESSAGE` on stderr and returns the exit code for its kind.
int report_error(const Error& error);
// Prints `leastpriv: warning: MESSAGE` on stderr.
void report_warning(const std::string& message);
// Prints `leastpriv: MESSAGE` on stderr.
void report_note(const std::string& message);

// The certificate of `report` as the text to write.
std::string certificate_text(const verifier::VerificationReport& report, const model::Catalog& catalog,
                             const verifier::CertificateInputs& inputs);

}  // namespace leastpriv::cli
