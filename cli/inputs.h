// Loading what the commands read: the catalog (embedded or --catalog), the policy and the
// findings, with the errors that name the file and the JSON pointer (exit 2, as for any input
// file that cannot be read).
//
// Tested by: tests/cli/refine_cli_test.cpp, tests/cli/verify_cli_test.cpp
#pragma once

#include "cli/arguments.h"
#include "model/catalog.h"
#include "model/findings.h"
#include "model/input_file.h"
#include "model/verification_files.h"
#include "model/policy_input.h"
#include "verifier/certificate/access_certificate.h"

#include <optional>
#include <string>

namespace leastpriv::cli {

// `--catalog FILE` (or another flag) when given, else the embedded snapshot.
Result<model::Catalog> load_catalog(const Arguments& arguments, const std::string& flag = "--catalog");

// The catalog and, when it came from a file, that file as read (a certificate hashes these
// bytes, the catalog was parsed from them).
struct CatalogInput {
  model::Catalog catalog;
  std::optional<model::InputFile> file;
};
Result<CatalogInput> load_catalog_input(const Arguments& arguments, const std::string& flag = "--catalog");

// verify's and check-certificate's files: --original, --findings, --result and --catalog when
// given, each read once (what is hashed is what is parsed).
Result<model::VerificationFiles> read_verification_files(const Arguments& arguments);

// check-no-new-access's and its certificate's files: --candidate, --reference and --catalog when
// given, each read once, and the --access-not-granted list (comma-separated, repeatable; empty
// items refused). A usage error when neither --reference nor --access-not-granted is given.
Result<verifier::AccessCheckFiles> read_access_check_files(const Arguments& arguments);

// What refine, compare and explain start from. Each file is read once: what is parsed is what
// a certificate hashes.
struct RefineInputs {
  model::InputFile policy_file;
  model::InputFile findings_file;
  std::optional<model::InputFile> catalog_file;
  model::Catalog catalog;
  model::LoadedPolicy original;
  model::UnusedFindings findings;
};

// --policy, --findings and the catalog. A recommendation with no CREATE_POLICY step is refused:
// it is no policy to refine.
Result<RefineInputs> load_refine_inputs(const Arguments& arguments);

}  // namespace leastpriv::cli
