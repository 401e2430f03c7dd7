// The certificate format is documented as a JSON Schema (spec/certificate.schema.json): every
// certificate leastpriv writes validates against it (refine with the embedded catalog, verify
// with a --catalog file and a Deny statement), and the validator does reject what the schema
// forbids (so a passing run means something). Validation is jsonschema's, run by
// tests/support/validate_json_schema.py under Debian's /usr/bin/python3.
#include "model/json_text.h"
#include "support/process.h"
#include "tests/support/test_support.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace leastpriv {
namespace {

using testing::run_leastpriv;

class CertificateSchema : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = testing::make_temp_dir(); }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  // The validator's exit status and output for `files`.
  support::ProcessResult validate(const std::vector<std::string>& files) const {
    std::vector<std::string> argv = {"/usr/bin/python3", testing::source_path("tests/support/validate_json_schema.py"),
                                     testing::source_path("spec/certificate.schema.json")};
    argv.insert(argv.end(), files.begin(), files.end());
    return support::run_process(argv, 60);
  }

  std::string dir_;
};

TEST_F(CertificateSchema, EveryCertificateLeastprivWritesIsValid) {
  const std::string refined = dir_ + "/refined.json";
  const std::string refine_certificate = dir_ + "/refine-certificate.json";
  const auto refine = run_leastpriv({"refine", "--policy", "examples/seed/policy.json", "--findings",
                                     "examples/seed/findings.json", "-o", refined, "--certificate", refine_certificate});
  ASSERT_EQ(refine.exit_code, 0) << refine.err;

  const std::string fault = "proofs/faults/06-deny-kept-correct/";
  const std::string verify_certificate = dir_ + "/verify-certificate.json";
  const auto verify = run_leastpriv({"verify", "--original", fault + "original.json", "--findings", fault + "findings.json",
                                     "--result", fault + "result.json", "--catalog", "tests/data/catalog-small.json",
                                     "--certificate", verify_certificate});
  ASSERT_EQ(verify.exit_code, 0) << verify.out << verify.err;

  // check-no-new-access: N1-N3 obligations over a pair of scopes, its own inputs and list.
  const std::string candidate = dir_ + "/narrow.json";
  {
    std::ofstream out(candidate);
    out << R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"},
              {"Effect":"Deny","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/secret"}]})";
  }
  const std::string access_certificate = dir_ + "/access-certificate.json";
  const auto access = run_leastpriv({"check-no-new-access", "--reference", "examples/seed/policy.json", "--candidate",
                                     candidate, "--access-not-granted", "iam:*", "--certificate", access_certificate});
  ASSERT_EQ(access.exit_code, 0) << access.out << access.err;

  const auto checked = validate({refine_certificate, verify_certificate, access_certificate});
  ASSERT_TRUE(checked.started) << checked.error;
  EXPECT_EQ(checked.exit_status, 0) << checked.output;
}

TEST_F(CertificateSchema, TheValidatorRejectsWhatTheSchemaForbids) {
  const std::string refined = dir_ + "/refined.json";
  const std::string certificate = dir_ + "/certificate.json";
  const auto refine = run_leastpriv({"refine", "--policy", "examples/seed/policy.json", "--findings",
                                     "examples/seed/findings.json", "-o", refined, "--certificate", certificate});
  ASSERT_EQ(refine.exit_code, 0) << refine.err;
  auto parsed = model::parse_json_text(testing::read_file(certificate), certificate);
  ASSERT_TRUE(parsed.ok());

  struct Edit {
    const char* what;
    void (*apply)(model::Json&);
  };
  const Edit edits[] = {
      {"an older format", [](model::Json& c) { c["format"] = "leastpriv-certificate-1"; }},
      {"an unknown top-level field", [](model::Json& c) { c["note"] = "trust me"; }},
      {"an input without its hash", [](model::Json& c) { c["inputs"]["result"].erase("sha256"); }},
      {"a hash that is not hex", [](model::Json& c) { c["catalog"]["canonical_sha256"] = "xyz"; }},
      {"an O1 entry without its text", [](model::Json& c) { c["obligations"][1].erase("smtlib"); }},
      {"O0 with a text", [](model::Json& c) { c["obligations"][0]["smtlib"] = "(check-sat)"; }},
      {"a verdict of no kind", [](model::Json& c) { c["verdict"] = "probably"; }},
  };
  for (const auto& edit : edits) {
    model::Json changed = *parsed;
    edit.apply(changed);
    const std::string path = dir_ + "/edited.json";
    ASSERT_TRUE(testing::write_file(path, model::dump_json(changed)));
    const auto checked = validate({path});
    ASSERT_TRUE(checked.started) << checked.error;
    EXPECT_EQ(checked.exit_status, 1) << edit.what << " passed the schema:\n" << checked.output;
  }
}

}  // namespace
}  // namespace leastpriv
