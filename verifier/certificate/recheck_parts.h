// The parts of a certificate re-check that do not depend on what the certificate is about, for
// each kind of certificate to bind itself to its own inputs: a refinement's
// (verifier/certificate/recheck.h) and a policy comparison's
// (verifier/certificate/access_certificate.h).
//
// Tested by: tests/unit/certificate_tamper_test.cpp, tests/unit/access_certificate_test.cpp
//
// TRUSTED: a check left out here would accept a certificate that is not about its inputs.
#pragma once

#include "model/input_file.h"
#include "model/json_text.h"
#include "verifier/certificate/recheck.h"
#include "verifier/encode/obligation_texts.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace leastpriv::verifier {

// One obligation as the certificate records it.
struct RecordedObligation {
  std::string id;
  std::string code;     // `O0` … `O3`, `N1` … `N3`
  std::string verdict;  // what the certificate says the verifier concluded
  std::optional<std::string> smtlib;
};

// Binds a certificate to its inputs: adds every way it does not belong to them to `problems`
// and returns the texts to re-run (rebuilt from the inputs: by then byte-identical to the
// certificate's). An Error for an input that cannot be parsed.
using CertificateBinding = std::function<Result<std::vector<ObligationText>>(
    const std::vector<RecordedObligation>& recorded, std::vector<std::string>& problems)>;

// The re-check: format, recorded verdicts, `binding` (none: --queries-only), then the solvers
// of recheck_commands (options.solvers: z3 and cvc5 by default) on every text when no problem
// was found.
Result<RecheckReport> recheck_bound(const model::Json& certificate, const std::string& file,
                                    const CertificateBinding* binding, const RecheckOptions& options);

// inputs/<key>/sha256 is the SHA-256 of `input`'s bytes.
void check_input_hash(const model::Json& certificate, const char* key, const model::InputFile& input,
                      std::vector<std::string>& problems);
// The catalog file, when the certificate was made with one, is `catalog_file`, byte for byte.
void check_catalog_file(const model::Json& certificate, const std::optional<model::InputFile>& catalog_file,
                        std::vector<std::string>& problems);
// catalog/canonical_sha256 is `rebuilt_sha256`.
void check_catalog_hash(const model::Json& certificate, const std::string& rebuilt_sha256,
                        std::vector<std::string>& problems);
// The recorded obligations are exactly `texts` (by id, byte-identical SMT-LIB2), and O0 when
// `expect_unchanged`: none missing, none extra, none twice.
void compare_obligations(const std::vector<RecordedObligation>& recorded, const std::vector<ObligationText>& texts,
                         bool expect_unchanged, std::vector<std::string>& problems);

}  // namespace leastpriv::verifier
