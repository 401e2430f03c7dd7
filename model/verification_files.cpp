// Parsing the files of a verification; see verification_files.h.
#include "model/verification_files.h"

#include "model/policy_input.h"

namespace leastpriv::model {

Result<VerificationInputs> parse_verification_files(const VerificationFiles& files) {
  auto catalog = files.catalog_file ? Catalog::from_file_text(files.catalog_file->bytes, files.catalog_file->path)
                                    : Catalog::embedded();
  if (!catalog) return catalog.error();
  auto original = load_policy_text(files.original.bytes, files.original.path);
  if (!original) return original.error();
  auto findings = UnusedFindings::from_text(files.findings.bytes, files.findings.path);
  if (!findings) return findings.error();
  auto result = load_policy_text(files.result.bytes, files.result.path);
  if (!result) return result.error();
  return VerificationInputs{std::move(catalog).value(), std::move(original)->document, std::move(findings).value(),
                            candidate_document(*result)};
}

}  // namespace leastpriv::model
