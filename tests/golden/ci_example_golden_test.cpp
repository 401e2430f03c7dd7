// Golden tests: the worked CI example (examples/ci, README "Use it in CI") through the binary
// with the embedded catalog. The narrowing pull request passes with an empty SARIF run; the
// widening one fails with one LP001 result on line 26 (`- s3:PutObject`), as SARIF and, for
// its Terraform plan, as JUnit; the main template with its findings gets one LP005 warning whose
// refined policy was checked by hand: s3:Get*/s3:List* minus the nine unused actions, the other
// statement and the Deny untouched. The expected files are in tests/golden/expected/ci/.
#include "tests/support/test_support.h"

#include <gtest/gtest.h>

namespace leastpriv {
namespace {

using testing::read_file;
using testing::run_leastpriv;
using testing::source_path;

void expect_golden(const std::vector<std::string>& arguments, int exit_code, const std::string& expected) {
  const auto result = run_leastpriv(arguments);
  EXPECT_EQ(result.exit_code, exit_code) << result.err;
  EXPECT_EQ(result.out, read_file(source_path("tests/golden/expected/ci/" + expected))) << expected;
}

TEST(CiExampleGolden, NarrowingPullRequestPasses) {
  expect_golden({"gate", "examples/ci/pull-requests/narrowing.yaml", "--before", "examples/ci/template.yaml", "--format", "sarif"},
                0, "narrowing.sarif");
}

TEST(CiExampleGolden, WideningPullRequestFailsOnTheLineThatWidened) {
  expect_golden({"gate", "examples/ci/pull-requests/widening.yaml", "--before", "examples/ci/template.yaml", "--format", "sarif"},
                1, "widening.sarif");
}

TEST(CiExampleGolden, WideningPlanAsJunit) {
  expect_golden({"gate", "examples/ci/pull-requests/plan.widening.json", "--format", "junit"}, 1, "plan.widening.junit.xml");
}

TEST(CiExampleGolden, NarrowingPlanAsText) {
  expect_golden({"gate", "examples/ci/pull-requests/plan.narrowing.json"}, 0, "plan.narrowing.txt");
}

TEST(CiExampleGolden, FindingsRefineTheRolesPolicy) {
  expect_golden({"gate", "examples/ci/template.yaml", "--findings", "ReportRole=examples/ci/findings.json", "--format", "json"}, 0,
                "findings.json");
}

}  // namespace
}  // namespace leastpriv
