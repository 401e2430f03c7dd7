// Golden tests: the bundled MyRole example (examples/seed, examples/aws-shapes) through the
// binary with the embedded catalog, in every output format. The expected files were checked
// by hand against the catalog: every s3 Get action that is not unused (41 of 63 in
// 0.21.202609261) is allowed by the new entries and none of the 22 unused ones is;
// s3:GetBucketAbac and s3:GetBucketMetadataTableConfiguration are new since the findings were
// made and stay.
#include "tests/support/test_support.h"

#include <gtest/gtest.h>

namespace leastpriv {
namespace {

using testing::read_file;
using testing::run_leastpriv;
using testing::source_path;

TEST(SeedGolden, PolicyFormat) {
  const auto result = run_leastpriv({"refine", "--policy", "examples/seed/policy.json", "--findings",
                                     "examples/seed/findings.json", "--no-verify"});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, read_file(source_path("tests/golden/expected/seed.policy.json")));
  EXPECT_NE(result.err.find("NOT verified"), std::string::npos);
}

TEST(SeedGolden, DiffFormat) {
  const auto result = run_leastpriv({"refine", "--policy", "examples/seed/policy.json", "--findings",
                                     "examples/seed/findings.json", "--no-verify", "--format", "diff"});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, read_file(source_path("tests/golden/expected/seed.diff")));
}

TEST(SeedGolden, RecommendationFormatFromAwsShapes) {
  const auto result = run_leastpriv({"refine", "--policy", "examples/aws-shapes/get-policy-version.seed.json",
                                     "--findings", "examples/aws-shapes/get-finding-v2.seed.json", "--no-verify",
                                     "--format", "recommendation", "--policy-id",
                                     "arn:aws:iam::123456789012:policy/MyRolePolicy"});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, read_file(source_path("tests/golden/expected/seed.recommendation.json")));
}

TEST(SeedGolden, UrlEncodedInlinePolicyGivesTheSameResult) {
  const auto result = run_leastpriv({"refine", "--policy", "examples/aws-shapes/get-role-policy.urlencoded.seed.json",
                                     "--findings", "examples/seed/findings.json", "--no-verify"});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, read_file(source_path("tests/golden/expected/seed.policy.json")));
}

}  // namespace
}  // namespace leastpriv
