// The verify and check-certificate commands through the binary: a correct result is proved
// (exit 0) and its certificate re-checks with z3 and cvc5; a faulty one exits 1 naming the
// obligation and the counterexample action; a tampered input fails the hash check.
#include "model/json_text.h"
#include "tests/support/test_support.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace leastpriv {
namespace {

using testing::run_leastpriv;

class VerifyCli : public testing::TempDirTest {};

TEST_F(VerifyCli, FastSaysOnStderrThatOnlyTheAutomatonDecided) {
  const auto refined = run_leastpriv({"refine", "--fast", "--policy", "examples/seed/policy.json", "--findings",
                                      "examples/seed/findings.json"});
  ASSERT_EQ(refined.exit_code, 0) << refined.err;
  EXPECT_NE(refined.err.find("--fast: only the verifier's automaton decided 11 of the 11 queries"), std::string::npos)
      << refined.err;
  const auto verified = run_leastpriv({"verify", "--fast", "--original", "examples/seed/policy.json", "--findings",
                                       "examples/seed/findings.json", "--result", "proofs/faults/00-seed-correct/result.json"});
  EXPECT_EQ(verified.exit_code, 0) << verified.out << verified.err;
  EXPECT_NE(verified.err.find("--fast: only the verifier's automaton decided"), std::string::npos) << verified.err;
}

TEST_F(VerifyCli, RefineWritesACertificateThatBothSolversRecheck) {
  const std::string out = dir_ + "/refined.json";
  const std::string certificate = dir_ + "/certificate.json";
  const auto refined = run_leastpriv({"refine", "--policy", "examples/seed/policy.json", "--findings",
                                      "examples/seed/findings.json", "-o", out, "--certificate", certificate});
  ASSERT_EQ(refined.exit_code, 0) << refined.err;
  EXPECT_NE(refined.err.find("verified:"), std::string::npos) << refined.err;
  // Z3 and cvc5 decide every query by default, and the certificate records both verdicts.
  EXPECT_NE(refined.err.find("queries unsat in z3, cvc5 and the automaton"), std::string::npos) << refined.err;
  const std::string recorded = testing::read_file(certificate);
  std::size_t texts = 0;
  for (std::size_t at = recorded.find("\"smtlib\""); at != std::string::npos; at = recorded.find("\"smtlib\"", at + 1)) ++texts;
  std::size_t unsat_z3 = 0;
  std::size_t unsat_cvc5 = 0;
  for (const char* solver : {"z3", "cvc5"}) {
    const std::string entry = std::string("\"name\": \"") + solver + "\",";
    for (std::size_t at = recorded.find(entry); at != std::string::npos; at = recorded.find(entry, at + 1)) {
      const std::size_t verdict = recorded.find("\"verdict\": \"unsat\"", at);
      const std::size_t next = recorded.find("\"name\":", at + 1);
      if (verdict != std::string::npos && (next == std::string::npos || verdict < next)) ++(*solver == 'z' ? unsat_z3 : unsat_cvc5);
    }
  }
  EXPECT_GT(texts, 0U);
  EXPECT_EQ(unsat_z3, texts) << "every query needs a z3 `unsat` in the certificate";
  EXPECT_EQ(unsat_cvc5, texts) << "every query needs a cvc5 `unsat` in the certificate";

  const auto verified = run_leastpriv({"verify", "--original", "examples/seed/policy.json", "--findings",
                                       "examples/seed/findings.json", "--result", out});
  EXPECT_EQ(verified.exit_code, 0) << verified.out << verified.err;

  const auto rechecked = run_leastpriv({"check-certificate", certificate, "--original", "examples/seed/policy.json",
                                        "--findings", "examples/seed/findings.json", "--result", out});
  EXPECT_EQ(rechecked.exit_code, 0) << rechecked.out << rechecked.err;
  EXPECT_NE(rechecked.out.find("every one unsat in z3 and cvc5\n"), std::string::npos) << rechecked.out;
  EXPECT_EQ(rechecked.out.find("z3-wasm"), std::string::npos) << rechecked.out;

  // The third solver on request: it re-checks every text too, and the output says so.
  const auto with_wasm = run_leastpriv({"check-certificate", certificate, "--original", "examples/seed/policy.json",
                                        "--findings", "examples/seed/findings.json", "--result", out, "--solvers",
                                        "z3,cvc5,z3-wasm"});
  EXPECT_EQ(with_wasm.exit_code, 0) << with_wasm.out << with_wasm.err;
  EXPECT_NE(with_wasm.out.find("every one unsat in z3, cvc5 and z3-wasm\n"), std::string::npos) << with_wasm.out;
  EXPECT_NE(with_wasm.out.find("solver z3-wasm: "), std::string::npos) << with_wasm.out;

  // A solver list that names no known solver, or --node without z3-wasm: usage, exit 2.
  for (const std::vector<std::string>& flags :
       {std::vector<std::string>{"--solvers", "z3,yices"}, std::vector<std::string>{"--solvers", "z3,cvc5,z3"},
        std::vector<std::string>{"--solvers", "z3,"}, std::vector<std::string>{"--node", "/usr/bin/node"}}) {
    std::vector<std::string> words = {"check-certificate", certificate, "--original", "examples/seed/policy.json",
                                      "--findings", "examples/seed/findings.json", "--result", out};
    words.insert(words.end(), flags.begin(), flags.end());
    const auto refused = run_leastpriv(words);
    EXPECT_EQ(refused.exit_code, 2) << flags.front() << refused.out << refused.err;
    EXPECT_NE(refused.err.find("--solvers"), std::string::npos) << refused.err;
  }

  // A result changed after the certificate was written no longer matches its hash: exit 1,
  // before any solver runs.
  testing::write_file(out, testing::read_file(out) + " ");
  const auto tampered = run_leastpriv({"check-certificate", certificate, "--original", "examples/seed/policy.json",
                                       "--findings", "examples/seed/findings.json", "--result", out});
  EXPECT_EQ(tampered.exit_code, 1) << tampered.out << tampered.err;
  EXPECT_NE(tampered.out.find("result `"), std::string::npos) << tampered.out;
  EXPECT_NE(tampered.out.find("certificate NOT re-checked"), std::string::npos) << tampered.out;
}

// A certificate is checked against its inputs: without them check-certificate refuses (exit 2)
// and says why; --queries-only re-runs the texts but says loudly that they bind no policy.
TEST_F(VerifyCli, CheckCertificateNeedsItsInputsOrSaysItChecksNone) {
  const std::string out = dir_ + "/refined.json";
  const std::string certificate = dir_ + "/certificate.json";
  const auto refined = run_leastpriv({"refine", "--policy", "examples/seed/policy.json", "--findings",
                                      "examples/seed/findings.json", "-o", out, "--certificate", certificate});
  ASSERT_EQ(refined.exit_code, 0) << refined.err;
  const auto bare = run_leastpriv({"check-certificate", certificate, "--result", out});
  EXPECT_EQ(bare.exit_code, 2) << bare.out << bare.err;
  EXPECT_NE(bare.err.find("can only be checked against its inputs"), std::string::npos) << bare.err;

  const auto missing = run_leastpriv({"check-certificate", certificate, "--original", dir_ + "/absent.json",
                                      "--findings", "examples/seed/findings.json", "--result", out});
  EXPECT_EQ(missing.exit_code, 2) << missing.out << missing.err;
  EXPECT_NE(missing.err.find("absent.json"), std::string::npos) << missing.err;

  const auto texts_alone = run_leastpriv({"check-certificate", certificate, "--queries-only"});
  EXPECT_EQ(texts_alone.exit_code, 3) << texts_alone.out << texts_alone.err;  // never a pass
  EXPECT_NE(texts_alone.out.find("NOTHING ties them"), std::string::npos) << texts_alone.out;
  EXPECT_NE(texts_alone.err.find("nothing ties"), std::string::npos) << texts_alone.err;
}

// Found by red-teaming: a genuine certificate re-checks when a scope label was cut inside a
// UTF-8 character (comments are printable ASCII) and when the catalog path is spelled another
// way (texts name the catalog by content, not by path).
TEST_F(VerifyCli, GenuineCertificatesRecheckWhateverTheScopeTextOrCatalogPath) {
  const std::string policy = dir_ + "/policy.json";
  const std::string findings = dir_ + "/findings.json";
  std::string resource = "arn:aws:s3:::bucket/";
  for (int i = 0; i < 40; ++i) resource += "\u00e9";  // é, two bytes each: some cut lands inside one
  testing::write_file(policy, R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:Get*", "Resource": ")" +
                                  resource + R"("}]})");
  testing::write_file(findings, R"([{"serviceNamespace": "s3", "actions": ["GetObject"]}])");
  const std::string out = dir_ + "/out.json";
  const std::string certificate = dir_ + "/certificate.json";
  const auto refined = run_leastpriv({"refine", "--policy", policy, "--findings", findings, "--catalog",
                                      "tests/data/catalog-small.json", "-o", out, "--certificate", certificate});
  ASSERT_EQ(refined.exit_code, 0) << refined.err;
  const auto rechecked = run_leastpriv({"check-certificate", certificate, "--original", policy, "--findings", findings,
                                        "--result", out, "--catalog", "./tests/../tests/data/catalog-small.json"});
  EXPECT_EQ(rechecked.exit_code, 0) << rechecked.out << rechecked.err;
}

// Issue 12 row 3: --timeout bounds the whole verification, not each query: with a budget
// too small for any procedure to start, every query is unknown (exit 3, never a pass), and
// the run ends at once; refine then writes nothing.
TEST_F(VerifyCli, Row3_TimeoutBoundsTheWholeRun) {
  const auto verify = run_leastpriv({"verify", "--original", "examples/seed/policy.json", "--findings",
                                     "examples/seed/findings.json", "--result", "examples/seed/policy.json",
                                     "--timeout", "0.001"});
  EXPECT_EQ(verify.exit_code, 3) << verify.out << verify.err;
  EXPECT_NE(verify.out.find("time budget (--timeout) was spent"), std::string::npos) << verify.out;
  const std::string out = dir_ + "/out.json";
  const auto refine = run_leastpriv({"refine", "--policy", "examples/seed/policy.json", "--findings",
                                     "examples/seed/findings.json", "--timeout", "0.001", "-o", out});
  EXPECT_EQ(refine.exit_code, 3) << refine.err;
  EXPECT_FALSE(std::filesystem::exists(out));
}

// Issue 12 row 7: when only a Deny is left, refine's recommendation keeps a policy with it
// (CREATE_POLICY), and verify of that very file agrees (exit 0).
TEST_F(VerifyCli, Row7_ADenyOnlyResultIsKeptAndVerifyAgrees) {
  const std::string policy = dir_ + "/policy.json";
  const std::string findings = dir_ + "/findings.json";
  testing::write_file(policy, R"({"Version": "2012-10-17", "Statement": [
      {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"},
      {"Sid": "NoDelete", "Effect": "Deny", "Action": "s3:DeleteObject", "Resource": "*"}]})");
  testing::write_file(findings, R"([{"serviceNamespace": "s3", "actions": ["GetObject"]}])");
  const std::string out = dir_ + "/recommendation.json";
  const auto refine = run_leastpriv({"refine", "--policy", policy, "--findings", findings, "--format",
                                     "recommendation", "-o", out});
  ASSERT_EQ(refine.exit_code, 0) << refine.err;
  EXPECT_NE(refine.err.find("only Deny statements are left"), std::string::npos) << refine.err;
  const std::string text = testing::read_file(out);
  EXPECT_NE(text.find("CREATE_POLICY"), std::string::npos) << text;
  EXPECT_NE(text.find("NoDelete"), std::string::npos) << text;
  const auto verify = run_leastpriv({"verify", "--original", policy, "--findings", findings, "--result", out});
  EXPECT_EQ(verify.exit_code, 0) << verify.out << verify.err;
}

TEST_F(VerifyCli, FaultyResultExits1WithTheCounterexampleAction) {
  // DESIGN §4's first fault: adding s3:GetB* gives back unused s3:GetBucket… actions (O2).
  const std::string faulty = dir_ + "/faulty.json";
  std::string text = testing::read_file(testing::source_path("tests/golden/expected/seed.policy.json"));
  text.replace(text.find("\"s3:GetBucketAbac\""), std::string("\"s3:GetBucketAbac\"").size(), "\"s3:GetB*\"");
  testing::write_file(faulty, text);
  const auto result = run_leastpriv({"verify", "--original", "examples/seed/policy.json", "--findings",
                                     "examples/seed/findings.json", "--result", faulty, "--fast"});
  EXPECT_EQ(result.exit_code, 1) << result.out << result.err;
  EXPECT_NE((result.out + result.err).find("O2"), std::string::npos) << result.out;
  EXPECT_NE((result.out + result.err).find("s3:getb"), std::string::npos) << result.out;
}

TEST_F(VerifyCli, AcceptsAnAwsRecommendationAsTheResult) {
  const std::string recommendation = dir_ + "/recommendation.json";
  testing::write_file(recommendation,
                      testing::read_file(testing::source_path("tests/golden/expected/seed.recommendation.json")));
  const auto result = run_leastpriv({"verify", "--original", "examples/seed/policy.json", "--findings",
                                     "examples/seed/findings.json", "--result", recommendation, "--fast"});
  EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
}

TEST_F(VerifyCli, FormatJsonGivesEveryQueryAndTheCounterexample) {
  const std::string fault = "proofs/faults/02-drop-getjobtagging/";
  const auto run = run_leastpriv({"verify", "--fast", "--format", "json", "--original", fault + "original.json", "--findings",
                                  fault + "findings.json", "--result", fault + "result.json"});
  EXPECT_EQ(run.exit_code, 1) << run.err;
  auto json = model::parse_json_text(run.out, "stdout");
  ASSERT_TRUE(json.ok()) << run.out;
  EXPECT_EQ((*json)["verdict"], "counterexample");
  bool found = false;
  for (const auto& obligation : (*json)["obligations"]) {
    found = found || (obligation["verdict"] == "counterexample" && obligation["obligation"] == "O3" &&
                      obligation["counterexample"] == "s3:getjobtagging");
  }
  EXPECT_TRUE(found) << run.out;
  const auto proved = run_leastpriv({"verify", "--fast", "--format", "json", "--original", "examples/seed/policy.json",
                                     "--findings", "examples/seed/findings.json", "--result",
                                     "proofs/faults/00-seed-correct/result.json"});
  EXPECT_EQ(proved.exit_code, 0) << proved.err;
  EXPECT_NE(proved.out.find("\"verdict\": \"proved\""), std::string::npos) << proved.out;
}

}  // namespace
}  // namespace leastpriv
