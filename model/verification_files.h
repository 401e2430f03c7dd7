// The files a verification is about — the original, the findings, the candidate result and the
// catalog when it came from a file — each read once, and what they parse to. `verify` proves
// what was parsed from these bytes, a certificate hashes these bytes, and `check-certificate`
// rebuilds its obligations from them: one read, one truth.
//
// Tested by: tests/unit/verifier_certificate_test.cpp, tests/unit/certificate_tamper_test.cpp
//
// TRUSTED: a certificate is bound to these bytes; what they parse to is what is proved.
#pragma once

#include "model/catalog.h"
#include "model/findings.h"
#include "model/input_file.h"
#include "model/policy.h"
#include "model/result.h"

#include <optional>

namespace leastpriv::model {

struct VerificationFiles {
  InputFile original;
  InputFile findings;
  // For refine, the bytes about to be written to -o (the result and its certificate are
  // written together).
  InputFile result;
  std::optional<InputFile> catalog_file;  // absent: the embedded catalog
};

struct VerificationInputs {
  Catalog catalog;
  PolicyDocument original;
  UnusedFindings findings;
  // The candidate's document; empty for a DETACH_POLICY recommendation (it allows nothing).
  PolicyDocument result;
};

// Parses each file's bytes (a policy or CLI wrapper, findings, a policy or a
// GetFindingRecommendation response, a catalog); an error names the file and the pointer.
Result<VerificationInputs> parse_verification_files(const VerificationFiles& files);

}  // namespace leastpriv::model
