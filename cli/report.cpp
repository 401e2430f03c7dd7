// Printing errors and writing results; see report.h.
#include "cli/report.h"

#include "model/json_text.h"

#include <iostream>

namespace leastpriv::cli {

int report_error(const Error& error) {
  std::cerr << "leastpriv: error: " << error.message << "\n";
  return exit_code_for(error.kind);
}

void report_warning(const std::string& message) { std::cerr << "leastpriv: warning: " << message << "\n"; }

void report_note(const std::string& message) { std::cerr << "leastpriv: " << message << "\n"; }

std::string certificate_text(const verifier::VerificationReport& report, const model::Catalog& catalog,
                             const verifier::CertificateInputs& inputs) {
  return model::dump_json(verifier::build_certificate(report, catalog, inputs)) + "\n";
}

}  // namespace leastpriv::cli
