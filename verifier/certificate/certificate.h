// Certificates: the re-checkable evidence a CI gate keeps for a refinement (DESIGN §4).
// A certificate is JSON: the SHA-256 of each input file, the catalog's identity (source, date,
// SHA-256 of its canonical text), the strategy, and every obligation as a standalone SMT-LIB2
// text with each procedure's name, version, verdict and time. Anyone can re-check it without
// trusting our C++: feed each text to `z3` and `cvc5` and expect `unsat` (that shows the texts
// are unsat; that they are the right texts for the files is what check-certificate adds, see
// verifier/certificate/recheck.h). The format: spec/certificate.schema.json.
//
// Tested by: tests/unit/verifier_certificate_test.cpp
#pragma once

#include "model/catalog.h"
#include "model/verification_files.h"
#include "model/json_text.h"
#include "verifier/decide/verify.h"

#include <optional>
#include <string>

namespace leastpriv::verifier {

// The files a certificate is about, as they were read and parsed (the hashes are of these bytes).
struct CertificateInputs {
  model::VerificationFiles files;
  std::string strategy;  // optional: the strategy that produced the result (`aws`)
};

// The format this build writes and reads: `leastpriv-certificate-5`.
extern const char* const kCertificateFormat;

// SHA-256 (lower-case hex) of the catalog's canonical text: every action's `service:Name`
// in the catalog's order, one per line.
std::string catalog_hash(const model::Catalog& catalog);

// The parts every kind of certificate shares (verifier/certificate/access_certificate.h too):
// a file's path, SHA-256 and size;
model::Json file_entry(const model::InputFile& file);
// the catalog the proof is relative to: its identity, its canonical hash and, when it was a
// file, that file's hash;
model::Json catalog_entry_of(const model::Catalog& catalog, const std::optional<model::InputFile>& catalog_file);
// one obligation: id, kind, scope, verdicts, and the SMT-LIB2 text.
model::Json obligation_entry(const ObligationResult& obligation);

// `verify --format json`: {"verdict", "disagreement", "obligations": [obligation_entry…],
// "warnings", "seconds", "tools"} (the texts only when the report kept them).
model::Json report_to_json(const VerificationReport& report);

// Builds the certificate for `report`.
model::Json build_certificate(const VerificationReport& report, const model::Catalog& catalog,
                              const CertificateInputs& inputs);

}  // namespace leastpriv::verifier
