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

Status write_output(const std::string& output_path, const std::string& text) {
  if (output_path.empty() || output_path == "-") {
    std::cout << text;
    std::cout.flush();
    if (!std::cout) return Error{ErrorKind::kInternal, "cannot write to standard output"};
    return Ok{};
  }
  return model::write_file_atomically(output_path, text);
}

int write_certificate(const std::string& path, const verifier::VerificationReport& report,
                      const model::Catalog& catalog, const verifier::CertificateInputs& inputs) {
  auto certificate = verifier::build_certificate(report, catalog, inputs);
  if (!certificate) return report_error(certificate.error());
  auto written = model::write_file_atomically(path, model::dump_json(*certificate) + "\n");
  if (!written) return report_error(written.error());
  report_note("certificate written to `" + path + "`");
  return kExitOk;
}

}  // namespace leastpriv::cli
