// Certificates: built from a report with the input files' hashes, the catalog's identity and
// every obligation's text; the genuine one re-checks against its inputs with the z3 and cvc5
// command-line solvers; a refuted one and one handed the wrong file do not. (Forgeries of every
// kind: tests/unit/certificate_tamper_test.cpp.)
#include "model/json_text.h"
#include "model/verification_files.h"
#include "tests/support/test_support.h"
#include "verifier/certificate/certificate.h"
#include "verifier/certificate/recheck.h"
#include "verifier/certificate/sha256.h"

#include <gtest/gtest.h>

#include <map>

namespace leastpriv::verifier {
namespace {

struct Built {
  model::Json certificate;
  model::VerificationFiles files;
};

Built build(const std::string& fault) {
  const model::VerificationFiles files = testing::fault_files(fault);
  auto inputs = model::parse_verification_files(files);
  EXPECT_TRUE(inputs.ok()) << inputs.error().message;
  auto report = verify_refinement(inputs->original, inputs->findings, inputs->result, inputs->catalog, VerifyOptions{});
  EXPECT_TRUE(report.ok());
  return {build_certificate(*report, inputs->catalog, CertificateInputs{files, "aws"}), files};
}

TEST(Certificate, RecordsHashesCatalogAndEveryObligation) {
  const auto built = build("00-seed-correct");
  const auto& certificate = built.certificate;
  EXPECT_EQ(certificate["format"], kCertificateFormat);
  EXPECT_EQ(certificate["verdict"], "proved");
  EXPECT_EQ(certificate["strategy"], "aws");
  EXPECT_EQ(certificate["inputs"]["original"]["sha256"], sha256_hex(built.files.original.bytes));
  EXPECT_EQ(certificate["inputs"]["result"]["bytes"], built.files.result.bytes.size());
  EXPECT_EQ(certificate["catalog"]["file"]["sha256"], sha256_hex(built.files.catalog_file->bytes));
  EXPECT_EQ(certificate["catalog"]["canonical_sha256"].get<std::string>().size(), 64U);
  ASSERT_GE(certificate["obligations"].size(), 4U);
  for (const auto& obligation : certificate["obligations"]) {
    if (obligation["obligation"] == "O0") continue;
    const std::string smt = obligation["smtlib"];
    // A standalone query: a counterexample x, or (ground) constant names tested against q.
    EXPECT_TRUE(smt.find("(declare-const x String)") != std::string::npos ||
                smt.find("(str.in_re \"") != std::string::npos)
        << smt;
    EXPECT_NE(smt.find("(set-logic QF_S)"), std::string::npos);
    EXPECT_NE(smt.find("(check-sat)"), std::string::npos);
    EXPECT_FALSE(obligation["procedures"].empty());
  }
}

// Every text once in each solver named: by default Debian's z3 and cvc5; z3-wasm on request.
void expect_rechecked_by(const std::vector<RecheckSolver>& solvers) {
  const auto built = build("00-seed-correct");
  RecheckOptions options;
  options.solvers = solvers;
  auto report = recheck_certificate(built.certificate, "certificate", built.files, options);
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_EQ(recheck_verdict(*report), Verdict::kProved) << recheck_to_text(*report);
  std::map<std::string, int> per_solver;
  for (const auto& verdict : report->verdicts) {
    EXPECT_EQ(verdict.answer, "unsat") << verdict.obligation_id << " " << verdict.solver;
    per_solver[verdict.solver] += 1;
  }
  EXPECT_EQ(per_solver.size(), solvers.size());
  for (const auto solver : solvers) {
    EXPECT_GT(per_solver[recheck_solver_name(solver)], 0) << recheck_solver_name(solver);
    EXPECT_EQ(per_solver[recheck_solver_name(solver)], per_solver["z3"]) << recheck_solver_name(solver);
  }
}

TEST(Certificate, SeedCertificateRechecksWithBothCommandLineSolvers) {
  EXPECT_EQ(RecheckOptions{}.solvers, default_recheck_solvers());
  expect_rechecked_by(default_recheck_solvers());
}

TEST(Certificate, SeedCertificateRechecksWithZ3WasmToo) {
  expect_rechecked_by({RecheckSolver::kZ3, RecheckSolver::kCvc5, RecheckSolver::kZ3Wasm});
}

TEST(Certificate, FaultyResultCertificateFailsTheRecheck) {
  const auto built = build("02-drop-getjobtagging");
  EXPECT_EQ(built.certificate["verdict"], "counterexample");
  auto report = recheck_certificate(built.certificate, "certificate", built.files, RecheckOptions{});
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(recheck_verdict(*report), Verdict::kCounterexample) << recheck_to_text(*report);
}

TEST(Certificate, ChangedInputFileIsAHashMismatch) {
  auto built = build("00-seed-correct");
  built.files.result = built.files.original;  // the wrong file
  auto report = recheck_certificate(built.certificate, "certificate", built.files, RecheckOptions{});
  ASSERT_TRUE(report.ok());
  bool named = false;
  for (const auto& problem : report->problems) named = named || problem.rfind("result `", 0) == 0;
  EXPECT_TRUE(named) << recheck_to_text(*report);
  EXPECT_EQ(recheck_verdict(*report), Verdict::kCounterexample);
}

TEST(Certificate, NotACertificateIsBadInput) {
  auto report = recheck_certificate(model::Json::object(), "x.json", std::nullopt, RecheckOptions{});
  ASSERT_FALSE(report.ok());
  EXPECT_NE(report.error().message.find("x.json"), std::string::npos);
}

}  // namespace
}  // namespace leastpriv::verifier
