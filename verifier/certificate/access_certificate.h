// Certificates of a policy comparison (check-no-new-access, --access-not-granted): the same
// evidence as a refinement's certificate (verifier/certificate/certificate.h: SHA-256 of each
// input, the catalog's identity, every query as standalone SMT-LIB2 with each procedure's
// verdict), with `"check": "no-new-access"` or `"access-not-granted"` and the inputs it is
// bound to: the reference and candidate files (or the candidate and the listed actions).
// `check-certificate` re-checks one by rebuilding its queries from those bytes with the same
// builder (verifier/access/access_queries.h) and demanding them byte for byte.
//
// Tested by: tests/unit/access_certificate_test.cpp
#pragma once

#include "model/catalog.h"
#include "model/input_file.h"
#include "model/json_text.h"
#include "verifier/access/no_new_access.h"
#include "verifier/certificate/recheck.h"

#include <optional>
#include <string>
#include <vector>

namespace leastpriv::verifier {

// The files (and the list) a comparison's certificate is about, as they were read.
struct AccessCheckFiles {
  std::optional<model::InputFile> reference;  // absent for --access-not-granted
  model::InputFile candidate;
  std::optional<model::InputFile> catalog_file;  // absent: the embedded catalog
  std::vector<std::string> access_not_granted;   // the listed actions, as given (N3), else empty
};

// `no-new-access` or `access-not-granted`, the certificate's "check" field.
std::string access_check_name(const AccessCheckFiles& files);

// The certificate of `result` (write it only when result.verdict is kNoNewAccess; it needs
// the report's SMT-LIB texts: AccessCheckOptions::verify.keep_smtlib).
model::Json build_access_certificate(const AccessCheckResult& result, const model::Catalog& catalog,
                                     const AccessCheckFiles& files);

// Whether `certificate` is a comparison's certificate (it has a "check" field).
bool is_access_certificate(const model::Json& certificate);

// The re-check of such a certificate against its files (as recheck_certificate does for a
// refinement): hashes, the rebuilt queries byte for byte, then every solver of
// options.solvers (z3 and cvc5 by default) on every text (one long-lived process per solver
// and worker, verifier/certificate/solver_session.h).
// Without `files` only the texts are re-run (--queries-only: bound to nothing).
Result<RecheckReport> recheck_access_certificate(const model::Json& certificate, const std::string& file,
                                                 const std::optional<AccessCheckFiles>& files,
                                                 const RecheckOptions& options);

}  // namespace leastpriv::verifier
