// Fuzzes check-certificate's reading of a certificate (verifier/certificate/recheck.h): the
// bytes are read as check-certificate reads a certificate file, then re-checked against a
// small fixed subject (tests/fuzz/data/certificate_subject: a policy, findings, catalog and
// the result leastpriv made of them) and against nothing (--queries-only). Any bytes must
// give an Error naming the file or a report, never a crash; and since the solvers are
// stand-ins that cannot be run, no report may ever say `proved`: only a solver's `unsat`
// proves anything, however well a forged certificate matches its subject.
#include "model/input_file.h"
#include "model/json_text.h"
#include "model/verification_files.h"
#include "verifier/certificate/recheck.h"

#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

namespace {

using namespace leastpriv;

const model::VerificationFiles& subject() {
  static const model::VerificationFiles files = [] {
    const std::string dir = std::string(LEASTPRIV_SOURCE_DIR) + "/tests/fuzz/data/certificate_subject/";
    auto read = [&](const char* name) {
      auto file = model::read_input_file(dir + name);
      if (!file) std::abort();  // the harness's own data must be there
      // The paths as the certificate recorded them (relative): only the bytes are compared.
      return model::InputFile{name, std::move(file).value().bytes};
    };
    return model::VerificationFiles{read("policy.json"), read("findings.json"), read("result.json"), read("catalog.txt")};
  }();
  return files;
}

void check(const model::Json& certificate, const std::optional<model::VerificationFiles>& against) {
  verifier::RecheckOptions options;
  options.timeout_seconds = 1;
  options.z3_binary = "/nonexistent/leastpriv-fuzz-z3";
  options.cvc5_binary = "/nonexistent/leastpriv-fuzz-cvc5";
  options.z3_wasm_command = {"/nonexistent/leastpriv-fuzz-node"};
  auto report = verifier::recheck_certificate(certificate, "fuzz-certificate.json", against, options);
  if (!report) {
    if (report.error().message.rfind("fuzz-certificate.json", 0) != 0) std::abort();  // every error names the file
    return;
  }
  if (verifier::recheck_verdict(*report) == verifier::Verdict::kProved) std::abort();
  if (report->solvers_run != report->problems.empty()) std::abort();  // no solver for a refused certificate
  (void)verifier::recheck_to_text(*report);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto certificate = model::parse_json_text(text, "fuzz-certificate.json");
  if (!certificate) return 0;
  check(*certificate, subject());
  check(*certificate, std::nullopt);
  return 0;
}
