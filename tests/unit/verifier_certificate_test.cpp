// Certificates: built from a report, re-checked by the z3 and cvc5 command-line solvers, hashes
// compared with the input files.
#include "model/catalog.h"
#include "model/findings.h"
#include "model/json_text.h"
#include "model/policy_input.h"
#include "verifier/certificate/certificate.h"
#include "verifier/certificate/sha256.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

namespace leastpriv::verifier {
namespace {

std::string source(const std::string& relative) { return std::string(LEASTPRIV_SOURCE_DIR) + "/" + relative; }

struct Built {
  model::Json certificate;
  CertificateInputs inputs;
};

Built build(const std::string& fault) {
  CertificateInputs inputs;
  inputs.original_path = source("proofs/faults/" + fault + "/original.json");
  inputs.findings_path = source("proofs/faults/" + fault + "/findings.json");
  inputs.result_path = source("proofs/faults/" + fault + "/result.json");
  inputs.catalog_path = source("tests/data/catalog-small.json");
  inputs.strategy = "aws";
  auto catalog = model::Catalog::from_file(inputs.catalog_path);
  auto original = model::load_policy_file(inputs.original_path);
  auto findings = model::UnusedFindings::from_file(inputs.findings_path);
  auto result = model::load_policy_file(inputs.result_path);
  EXPECT_TRUE(catalog.ok() && original.ok() && findings.ok() && result.ok());
  auto report = verify_refinement(original->document, *findings, result->document, *catalog, VerifyOptions{});
  EXPECT_TRUE(report.ok());
  auto certificate = build_certificate(*report, *catalog, inputs);
  EXPECT_TRUE(certificate.ok());
  return {*certificate, inputs};
}

TEST(Certificate, RecordsHashesCatalogAndEveryObligation) {
  const auto built = build("00-seed-correct");
  const auto& certificate = built.certificate;
  EXPECT_EQ(certificate["verdict"], "proved");
  EXPECT_EQ(certificate["strategy"], "aws");
  auto text = model::read_text_file(built.inputs.original_path);
  ASSERT_TRUE(text.ok());
  EXPECT_EQ(certificate["inputs"]["original"]["sha256"], sha256_hex(*text));
  EXPECT_EQ(certificate["catalog"]["canonical_sha256"].get<std::string>().size(), 64U);
  ASSERT_GE(certificate["obligations"].size(), 4U);
  for (const auto& obligation : certificate["obligations"]) {
    if (obligation["obligation"] == "O0") continue;
    const std::string smt = obligation["smtlib"];
    EXPECT_NE(smt.find("(declare-const x String)"), std::string::npos);
    EXPECT_NE(smt.find("(check-sat)"), std::string::npos);
    EXPECT_FALSE(obligation["procedures"].empty());
  }
}

TEST(Certificate, SeedCertificateRechecksWithBothCommandLineSolvers) {
  const auto built = build("00-seed-correct");
  RecheckOptions options;
  options.original_path = built.inputs.original_path;
  options.findings_path = built.inputs.findings_path;
  options.result_path = built.inputs.result_path;
  auto report = recheck_certificate(built.certificate, "certificate", options);
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_EQ(recheck_verdict(*report), Verdict::kProved) << recheck_to_text(*report);
  int z3 = 0;
  int cvc5 = 0;
  for (const auto& verdict : report->verdicts) {
    EXPECT_EQ(verdict.answer, "unsat") << verdict.obligation_id << " " << verdict.solver;
    (verdict.solver == "z3" ? z3 : cvc5) += 1;
  }
  EXPECT_EQ(z3, cvc5);
  EXPECT_GT(z3, 0);
}

TEST(Certificate, FaultyResultCertificateFailsTheRecheck) {
  const auto built = build("02-drop-getjobtagging");
  EXPECT_EQ(built.certificate["verdict"], "counterexample");
  auto report = recheck_certificate(built.certificate, "certificate", RecheckOptions{});
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(recheck_verdict(*report), Verdict::kCounterexample) << recheck_to_text(*report);
}

TEST(Certificate, ChangedInputFileIsAHashMismatch) {
  const auto built = build("00-seed-correct");
  RecheckOptions options;
  options.result_path = built.inputs.original_path;  // the wrong file
  auto report = recheck_certificate(built.certificate, "certificate", options);
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->hash_mismatches.size(), 1U);
  EXPECT_EQ(recheck_verdict(*report), Verdict::kCounterexample);
}

TEST(Certificate, NotACertificateIsBadInput) {
  auto report = recheck_certificate(model::Json::object(), "x.json", RecheckOptions{});
  ASSERT_FALSE(report.ok());
  EXPECT_NE(report.error().message.find("x.json"), std::string::npos);
}

}  // namespace
}  // namespace leastpriv::verifier
