// Tampered certificates (issue 11): each kind of forgery a CI gate could be handed is refused,
// with a reason that names what is wrong; the genuine certificate is accepted. The certificates
// are made by the verifier from proofs/faults/ inputs (the small catalog), then edited as a
// forger would: texts replaced or weakened, obligations dropped, added, relabelled or
// duplicated, inputs swapped or changed with their hashes edited to match, a doctored catalog,
// recorded verdicts that are not `proved`, solvers whose output is more than one answer.
#include "model/json_text.h"
#include "model/verification_files.h"
#include "tests/support/test_support.h"
#include "verifier/certificate/certificate.h"
#include "verifier/certificate/recheck.h"
#include "verifier/certificate/sha256.h"

#include <gtest/gtest.h>

#include <sys/stat.h>

#include <filesystem>
#include <map>
#include <vector>

namespace leastpriv::verifier {
namespace {

// The certificate the verifier writes for `files` (automaton only: the texts are the same).
model::Json certificate_for(const model::VerificationFiles& files) {
  auto inputs = model::parse_verification_files(files);
  EXPECT_TRUE(inputs.ok()) << inputs.error().message;
  VerifyOptions options;
  options.use_z3 = options.use_cvc5 = false;
  auto report = verify_refinement(inputs->original, inputs->findings, inputs->result, inputs->catalog, options);
  EXPECT_TRUE(report.ok());
  return build_certificate(*report, inputs->catalog, CertificateInputs{files, "aws"});
}

// A stand-in solver that prints `output` whatever it is asked: to each text check-certificate
// sends a long-lived z3 or cvc5 (the line `(echo "SENTINEL")` ends a text), and to each framed
// text z3-wasm --serve reads (`text BYTES MS`, then the bytes), followed by the sentinel.
std::string stand_in_solver(const std::string& dir, const std::string& name, const std::string& output) {
  const std::string path = dir + "/" + name;
  EXPECT_TRUE(testing::write_file(
      path, "#!/bin/sh\n"
            "if [ \"$1\" = --version ]; then echo stand-in; exit 0; fi\n"
            "if [ \"$1\" = --serve ]; then\n"
            "  while read -r tag bytes ms; do head -c \"$bytes\" >/dev/null; printf '" + output + "'; printf '\\n%s\\n' \"$2\"; done\n"
            "  exit 0\n"
            "fi\n"
            "while IFS= read -r line; do\n"
            "  case \"$line\" in '(echo \"'*) printf '" + output + "'; printf '%s\\n' \"${line#(echo }\" | tr -d ')' ;; esac\n"
            "done\n"));
  ::chmod(path.c_str(), 0755);
  return path;
}

class CertificateTamper : public ::testing::Test {
 protected:
  void SetUp() override {
    subject_ = testing::fault_files("00-seed-correct");
    certificate_ = certificate_for(subject_);
    ASSERT_EQ(certificate_["verdict"], "proved");
    dir_ = testing::make_temp_dir();
    // Tampered certificates are refused before any solver runs; where one would, these say unsat.
    options_.z3_binary = stand_in_solver(dir_, "z3", "unsat\\n");
    options_.cvc5_binary = stand_in_solver(dir_, "cvc5", "unsat\\n");
    options_.z3_wasm_command = {stand_in_solver(dir_, "z3-wasm", "unsat\\n")};
    options_.solvers = {RecheckSolver::kZ3, RecheckSolver::kCvc5, RecheckSolver::kZ3Wasm};
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  // Index of the first obligation whose id starts with `prefix`.
  std::size_t index_of(const std::string& prefix) const {
    const auto& obligations = certificate_["obligations"];
    for (std::size_t i = 0; i < obligations.size(); ++i) {
      if (obligations[i]["id"].get<std::string>().rfind(prefix, 0) == 0) return i;
    }
    ADD_FAILURE() << "no obligation " << prefix;
    return 0;
  }
  model::Json& obligation(const std::string& prefix) { return certificate_["obligations"][index_of(prefix)]; }
  // A file of the subject changed, and the certificate's hash edited to match the change.
  void replace_input(model::InputFile model::VerificationFiles::*file, const char* key, const std::string& bytes) {
    (subject_.*file).bytes = bytes;
    certificate_["inputs"][key]["sha256"] = sha256_hex(bytes);
  }

  // Refused (verdict not proved, no solver run) with a problem that contains `reason`.
  void expect_refused(const std::string& reason) {
    auto report = recheck_certificate(certificate_, "cert.json", subject_, options_);
    ASSERT_TRUE(report.ok()) << report.error().message;
    EXPECT_EQ(recheck_verdict(*report), Verdict::kCounterexample) << recheck_to_text(*report);
    EXPECT_FALSE(report->solvers_run);
    bool named = false;
    for (const auto& problem : report->problems) named = named || problem.find(reason) != std::string::npos;
    EXPECT_TRUE(named) << "no problem says `" << reason << "`:\n" << recheck_to_text(*report);
    EXPECT_NE(recheck_to_text(*report).find("certificate NOT re-checked"), std::string::npos);
  }

  model::VerificationFiles subject_;
  model::Json certificate_;
  std::string dir_;
  RecheckOptions options_;
};

TEST_F(CertificateTamper, TheGenuineCertificateIsAccepted) {
  auto report = recheck_certificate(certificate_, "cert.json", subject_, options_);
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_TRUE(report->problems.empty()) << recheck_to_text(*report);
  EXPECT_TRUE(report->solvers_run);
  EXPECT_EQ(recheck_verdict(*report), Verdict::kProved) << recheck_to_text(*report);
  // The three solvers on every O1-O3 text, and the report says which binaries they were.
  EXPECT_EQ(report->verdicts.size(), 3 * (certificate_["obligations"].size() - 1));
  const std::string text = recheck_to_text(*report);
  EXPECT_NE(text.find("solver z3: " + options_.z3_binary + " ("), std::string::npos) << text;
  EXPECT_NE(text.find("solver cvc5: " + options_.cvc5_binary + " ("), std::string::npos) << text;
}

TEST_F(CertificateTamper, 01EveryQueryReplacedByAssertFalse) {
  for (auto& entry : certificate_["obligations"]) {
    if (entry.contains("smtlib")) entry["smtlib"] = "(set-logic QF_S)(assert false)(check-sat)";
  }
  expect_refused("the SMT-LIB2 text is not the one rebuilt from the inputs");
}

TEST_F(CertificateTamper, 02AssertFalseInsertedAfterTheDeclarations) {
  auto& entry = obligation("O1/");
  std::string text = entry["smtlib"];
  const auto declaration = text.find("(declare-const x String)");
  ASSERT_NE(declaration, std::string::npos);
  text.insert(declaration + std::string("(declare-const x String)").size(), "\n(assert false)");
  entry["smtlib"] = text;
  expect_refused("obligation `" + entry["id"].get<std::string>() + "`: the SMT-LIB2 text is not");
}

TEST_F(CertificateTamper, 03AGlobRenamedInAText) {
  auto& entry = obligation("O3/");
  std::string text = entry["smtlib"];
  // One letter of the first catalog name (tested as a constant) changed: another action.
  const std::string literal = "(str.in_re \"";
  const auto at = text.find(literal, text.find("(assert"));
  ASSERT_NE(at, std::string::npos);
  char& letter = text[at + literal.size()];
  letter = letter == 'z' ? 'y' : 'z';
  entry["smtlib"] = text;
  expect_refused("the SMT-LIB2 text is not the one rebuilt");
}

TEST_F(CertificateTamper, 04TrailingSpaceAddedToAText) {
  obligation("O2/")["smtlib"] = obligation("O2/")["smtlib"].get<std::string>() + " ";
  expect_refused("the SMT-LIB2 text is not the one rebuilt");
}

TEST_F(CertificateTamper, 05AnObligationDeleted) {
  const std::string id = obligation("O3/")["id"];
  certificate_["obligations"].erase(index_of("O3/"));
  expect_refused("obligation `" + id + "` is missing");
}

TEST_F(CertificateTamper, 06AllButTwoObligationsDropped) {
  auto& obligations = certificate_["obligations"];
  while (obligations.size() > 2) obligations.erase(obligations.size() - 1);
  expect_refused("is missing");
}

TEST_F(CertificateTamper, 07AnObligationRelabelledO0) {
  obligation("O1/")["obligation"] = "O0";
  expect_refused("is labelled `O0`");
}

TEST_F(CertificateTamper, 08AnObligationRenamedO0) {
  obligation("O1/")["id"] = "O0";
  expect_refused("`O0`");
}

TEST_F(CertificateTamper, 09TheDenyObligationDeleted) {
  certificate_["obligations"].erase(index_of("O0"));
  expect_refused("obligation `O0` (unchanged) is missing");
}

TEST_F(CertificateTamper, 10AnExtraObligation) {
  model::Json extra = obligation("O1/");
  extra["id"] = "O1/scope-9/s3";
  certificate_["obligations"].push_back(extra);
  expect_refused("obligation `O1/scope-9/s3` is not one the inputs give (extra)");
}

TEST_F(CertificateTamper, 11AnObligationRecordedTwice) {
  certificate_["obligations"].push_back(obligation("O2/"));
  expect_refused("is recorded more than once");
}

TEST_F(CertificateTamper, 12OriginalAndResultSwappedWithTheirHashes) {
  std::swap(subject_.original, subject_.result);
  std::swap(certificate_["inputs"]["original"], certificate_["inputs"]["result"]);
  expect_refused("the SMT-LIB2 text is not the one rebuilt");
}

TEST_F(CertificateTamper, 13AResultThatAllowsEverythingWithItsHashEdited) {
  replace_input(&model::VerificationFiles::result, "result",
                R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]})");
  expect_refused("the SMT-LIB2 text is not the one rebuilt");
}

TEST_F(CertificateTamper, 14AChangedResultWithoutItsHashEdited) {
  subject_.result.bytes += "\n";
  expect_refused("result `");
}

TEST_F(CertificateTamper, 15FindingsThatSayLessIsUnusedWithTheirHashEdited) {
  // One unused action less: the refinement should have kept it.
  std::string findings = subject_.findings.bytes;
  const auto at = findings.find("\"GetBucketLocation\",");
  ASSERT_NE(at, std::string::npos);
  findings.erase(at, std::string("\"GetBucketLocation\",").size());
  replace_input(&model::VerificationFiles::findings, "findings", findings);
  expect_refused("the SMT-LIB2 text is not the one rebuilt");
}

TEST_F(CertificateTamper, 16ADoctoredCatalogWithItsHashEdited) {
  auto catalog = model::Catalog::from_file_text(subject_.catalog_file->bytes, subject_.catalog_file->path);
  ASSERT_TRUE(catalog.ok());
  // The same catalog without one of the actions the original allows and uses.
  std::map<std::string, std::vector<std::string>> names;
  for (const auto& action : catalog->actions()) {
    if (action.name != "GetJobTagging") names[std::string(action.service)].emplace_back(action.name);
  }
  const std::string doctored = model::Json(names).dump();
  subject_.catalog_file->bytes = doctored;
  auto doctored_catalog = model::Catalog::from_file_text(doctored, "doctored");
  ASSERT_TRUE(doctored_catalog.ok()) << doctored_catalog.error().message;
  certificate_["catalog"]["canonical_sha256"] = catalog_hash(*doctored_catalog);
  expect_refused("obligation `");
}

TEST_F(CertificateTamper, 17AnotherCatalogThanTheCertificates) {
  subject_.catalog_file.reset();  // the embedded catalog, not the small one the proof was made with
  expect_refused("the catalog's canonical SHA-256 is");
  expect_refused("was made with a catalog file (SHA-256 ");
}

TEST_F(CertificateTamper, 18TheRecordedVerdictIsACounterexample) {
  certificate_["verdict"] = "counterexample";
  expect_refused("records the verdict `counterexample`, not `proved`");
}

TEST_F(CertificateTamper, 19AnObligationRecordsUnknown) {
  obligation("O3/")["verdict"] = "unknown";
  expect_refused("records the verdict `unknown`, not `proved`");
}

TEST_F(CertificateTamper, 20AnInputHashRemoved) {
  certificate_["inputs"].erase("findings");
  expect_refused("the certificate records no SHA-256 for `findings`");
}

TEST_F(CertificateTamper, 21AChangedDenyWithTheResultHashEdited) {
  subject_ = testing::fault_files("06-deny-kept-correct");
  certificate_ = certificate_for(subject_);
  ASSERT_EQ(certificate_["verdict"], "proved");
  replace_input(&model::VerificationFiles::result, "result", testing::fault_files("08-change-deny").result.bytes);
  expect_refused("O0 unchanged does not hold");
}

TEST_F(CertificateTamper, 22ACertificateOfAFaultyResult) {
  // The verifier refuted it; a forger flips the recorded verdicts.
  subject_ = testing::fault_files("02-drop-getjobtagging");
  certificate_ = certificate_for(subject_);
  ASSERT_EQ(certificate_["verdict"], "counterexample");
  expect_refused("not `proved`");
}

TEST_F(CertificateTamper, 27TheCatalogFileHashEdited) {
  certificate_["catalog"]["file"]["sha256"] = std::string(64, '0');
  expect_refused("catalog `");
}


// Every solver named must say unsat: z3-wasm saying sat fails the re-check when it is named,
// and is not run at all when it is not (the default: z3 and cvc5, which the report names).
TEST_F(CertificateTamper, 28EverySolverNamedMustSayUnsat) {
  options_.z3_wasm_command = {stand_in_solver(dir_, "z3-wasm-says-sat", "sat\\n")};
  auto named = recheck_certificate(certificate_, "cert.json", subject_, options_);
  ASSERT_TRUE(named.ok());
  EXPECT_EQ(recheck_verdict(*named), Verdict::kCounterexample) << recheck_to_text(*named);
  EXPECT_NE(recheck_to_text(*named).find("z3-wasm says sat"), std::string::npos) << recheck_to_text(*named);

  options_.solvers = default_recheck_solvers();
  auto unnamed = recheck_certificate(certificate_, "cert.json", subject_, options_);
  ASSERT_TRUE(unnamed.ok());
  EXPECT_EQ(recheck_verdict(*unnamed), Verdict::kProved) << recheck_to_text(*unnamed);
  EXPECT_EQ(unnamed->verdicts.size(), 2 * (certificate_["obligations"].size() - 1));
  const std::string text = recheck_to_text(*unnamed);
  EXPECT_EQ(text.find("z3-wasm"), std::string::npos) << text;
  EXPECT_NE(text.find("every one unsat in z3 and cvc5\n"), std::string::npos) << text;

  // A solver list with none in it re-checks nothing: never a pass.
  options_.solvers.clear();
  auto none = recheck_certificate(certificate_, "cert.json", subject_, options_);
  ASSERT_TRUE(none.ok());
  EXPECT_EQ(recheck_verdict(*none), Verdict::kUnknown) << recheck_to_text(*none);
}

TEST(RecheckSolvers, NamedAsTheReportSpellsThem) {
  for (const RecheckSolver solver : kRecheckSolvers) EXPECT_EQ(recheck_solver_named(recheck_solver_name(solver)), solver);
  for (const char* unknown : {"", "Z3", "z3 ", "yices", "z3wasm"}) EXPECT_FALSE(recheck_solver_named(unknown)) << unknown;
  EXPECT_EQ(default_recheck_solvers(), (std::vector<RecheckSolver>{RecheckSolver::kZ3, RecheckSolver::kCvc5}));
}

// Solvers whose whole output is not exactly `unsat` do not pass a genuine certificate.
TEST_F(CertificateTamper, 23SolverOutputIsReadWholeNotByItsFirstWord) {
  for (const std::string output : {"unsat\\nsat\\n", "unsat (trust me)\\n", "unsat\\nunsat\\n", "", "sat\\n"}) {
    options_.z3_binary = stand_in_solver(dir_, "z3-says", output);
    auto report = recheck_certificate(certificate_, "cert.json", subject_, options_);
    ASSERT_TRUE(report.ok());
    EXPECT_TRUE(report->solvers_run);
    EXPECT_NE(recheck_verdict(*report), Verdict::kProved) << "z3 printing `" << output << "` passed";
  }
}

TEST_F(CertificateTamper, 24AnOlderFormatIsRefusedWithAClearMessage) {
  certificate_["format"] = "leastpriv-certificate-0";
  auto report = recheck_certificate(certificate_, "cert.json", subject_, options_);
  ASSERT_FALSE(report.ok());
  EXPECT_NE(report.error().message.find("`leastpriv-certificate-0` is not the one this leastpriv reads"), std::string::npos)
      << report.error().message;
  EXPECT_NE(report.error().message.find("cert.json"), std::string::npos);
  certificate_.erase("format");
  EXPECT_FALSE(recheck_certificate(certificate_, "cert.json", subject_, options_).ok());
}

TEST_F(CertificateTamper, 25ATextThatIsNotAStringIsBadInput) {
  obligation("O1/")["smtlib"] = 42;
  auto report = recheck_certificate(certificate_, "cert.json", subject_, options_);
  ASSERT_FALSE(report.ok());
  EXPECT_NE(report.error().message.find("/smtlib"), std::string::npos) << report.error().message;
}

// Without inputs the forged texts do re-check, but the report says loudly that this binds nothing.
TEST_F(CertificateTamper, 26QueriesOnlySaysNothingTiesTheTextsToAPolicy) {
  for (auto& entry : certificate_["obligations"]) {
    if (entry.contains("smtlib")) entry["smtlib"] = "(set-logic QF_S)(assert false)(check-sat)";
  }
  auto report = recheck_certificate(certificate_, "cert.json", std::nullopt, options_);
  ASSERT_TRUE(report.ok());
  EXPECT_TRUE(report->queries_only);
  const std::string text = recheck_to_text(*report);
  EXPECT_NE(text.find("NOTHING ties them to any policy"), std::string::npos) << text;
  EXPECT_NE(text.find("bound to NO input"), std::string::npos) << text;
  EXPECT_EQ(recheck_verdict(*report), Verdict::kUnknown);  // never a pass (exit 3), whatever the solvers say
}

}  // namespace
}  // namespace leastpriv::verifier
