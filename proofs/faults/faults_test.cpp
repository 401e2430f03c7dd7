// Faulty refinements the verifier must reject, each on the right obligation with a correct
// counterexample, and correct ones (controls) it must prove. One folder per case under
// proofs/faults/: original.json, findings.json, result.json and expected.json
// (`{"description", "catalog", "fails": {"O2": "s3:getb*"}}`: the obligations that must fail,
// each with a glob the counterexample must match; every other obligation must be proved).
// The proof failing on these is the test (STYLE.md, after s2n-tls).
//
// Tested by: itself (CTest label `proof`).
#include "model/catalog.h"
#include "model/findings.h"
#include "model/json_text.h"
#include "model/policy_input.h"
#include "spec/reference_matcher.h"
#include "verifier/decide/verify.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <set>

namespace leastpriv::verifier {
namespace {

std::string source_dir() { return LEASTPRIV_SOURCE_DIR; }

std::vector<std::string> fault_cases() {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(source_dir() + "/proofs/faults")) {
    if (entry.is_directory() && std::filesystem::exists(entry.path() / "expected.json")) {
      names.push_back(entry.path().filename().string());
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

class FaultCase : public ::testing::TestWithParam<std::string> {};

TEST_P(FaultCase, RejectedOnTheRightObligation) {
  const std::string folder = source_dir() + "/proofs/faults/" + GetParam();
  auto expected_text = model::read_text_file(folder + "/expected.json");
  ASSERT_TRUE(expected_text.ok()) << expected_text.error().message;
  auto expected = model::parse_json_text(*expected_text, folder + "/expected.json");
  ASSERT_TRUE(expected.ok()) << expected.error().message;
  auto catalog = model::Catalog::from_file(source_dir() + "/" + (*expected)["catalog"].get<std::string>());
  ASSERT_TRUE(catalog.ok()) << catalog.error().message;
  auto original = model::load_policy_file(folder + "/original.json");
  ASSERT_TRUE(original.ok()) << original.error().message;
  auto findings = model::UnusedFindings::from_file(folder + "/findings.json");
  ASSERT_TRUE(findings.ok()) << findings.error().message;
  auto result = model::load_policy_file(folder + "/result.json");
  ASSERT_TRUE(result.ok()) << result.error().message;

  VerifyOptions options;
  options.timeout_seconds = 60;
  auto report = verify_refinement(original->document, *findings, result->document, *catalog, options);
  ASSERT_TRUE(report.ok()) << report.error().message;
  SCOPED_TRACE(report_to_text(*report));
  EXPECT_FALSE(report->disagreement);

  std::map<std::string, std::string> must_fail;
  for (const auto& [code, glob] : (*expected)["fails"].items()) must_fail[code] = glob.get<std::string>();
  std::set<std::string> failed;
  for (const auto& obligation : report->obligations) {
    const std::string code = obligation_code(obligation.kind);
    EXPECT_NE(obligation.verdict, Verdict::kUnknown) << obligation.id << ": " << obligation.reason;
    if (obligation.verdict != Verdict::kCounterexample) continue;
    failed.insert(code);
    ASSERT_TRUE(must_fail.count(code) != 0) << obligation.id << " fails but should be proved: `"
                                              << obligation.counterexample << "` " << obligation.explanation;
    const std::string& glob = must_fail[code];
    if (!glob.empty()) {
      EXPECT_TRUE(spec::reference_matches(glob, obligation.counterexample))
          << obligation.id << ": counterexample `" << obligation.counterexample << "` does not match `" << glob << "`";
    }
    EXPECT_FALSE(obligation.explanation.empty()) << obligation.id;
  }
  for (const auto& [code, glob] : must_fail) EXPECT_TRUE(failed.count(code) != 0) << code << " should fail but was proved";
  EXPECT_EQ(report->verdict, must_fail.empty() ? Verdict::kProved : Verdict::kCounterexample);
  EXPECT_FALSE(report->disagreement);
}

INSTANTIATE_TEST_SUITE_P(ProofsFaults, FaultCase, ::testing::ValuesIn(fault_cases()),
                         [](const ::testing::TestParamInfo<std::string>& param) {
                           std::string name;
                           for (char c : param.param) name += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
                           return name;
                         });

}  // namespace
}  // namespace leastpriv::verifier
