// `leastpriv compare` and `leastpriv explain` through the binary: every strategy appears and is
// proved on the seed (by the verifier's own automaton/enumeration procedures: Z3 and cvc5 take
// minutes for five results on a loaded machine, and `leastpriv verify` tests cover them), the JSON and CSV forms parse, explain's words name the unsafe nodes, and
// its DOT is rendered by graphviz (`dot`, installed with the test dependencies).
#include "model/json_text.h"

#include "tests/support/test_support.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <map>

namespace leastpriv {
namespace {

using testing::run_leastpriv;
using testing::source_path;

const std::string kPolicy = source_path("examples/seed/policy.json");
const std::string kFindings = source_path("examples/seed/findings.json");
const std::string kOlderCatalog = source_path("spec/catalog/history/iam-data-0.9.202411201.txt");
const std::string kNewerCatalog = source_path("spec/catalog/aws-catalog.txt");

TEST(CompareCli, EveryStrategyIsMeasuredAndProvedAsJson) {
  const auto result = run_leastpriv({"compare", "--policy", kPolicy, "--findings", kFindings, "--catalog", kOlderCatalog,
                                     "--newer-catalog", kNewerCatalog, "--format", "json", "--no-z3", "--no-cvc5"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  auto parsed = model::parse_json_text(result.out, "stdout");
  ASSERT_TRUE(parsed.ok()) << result.out;
  const auto& rows = (*parsed)["strategies"];
  ASSERT_EQ(rows.size(), 5u);
  std::map<std::string, model::Json> by_name;
  for (const auto& row : rows) {
    by_name[row["strategy"].get<std::string>()] = row;
    EXPECT_EQ(row["verification"], "proved") << row.dump();
    EXPECT_TRUE(row["future_exposure"].is_number());
  }
  // exact adds no wildcard, so it is exposed only through the entries kept as they were.
  EXPECT_LE(by_name["exact"]["future_exposure"].get<int>(), by_name["aws"]["future_exposure"].get<int>());
  EXPECT_GE(by_name["exact"]["entries"].get<int>(), by_name["aws"]["entries"].get<int>());
  EXPECT_LE(by_name["fewest"]["entries"].get<int>(), by_name["aws"]["entries"].get<int>());
  EXPECT_LE(by_name["char"]["characters"].get<int>(), by_name["aws"]["characters"].get<int>());
}

TEST(CompareCli, TableAndCsvWithoutVerification) {
  const auto table = run_leastpriv({"compare", "--policy", kPolicy, "--findings", kFindings, "--no-verify"});
  ASSERT_EQ(table.exit_code, 0) << table.err;
  EXPECT_NE(table.out.find("future exposure"), std::string::npos);
  EXPECT_NE(table.out.find("fewest"), std::string::npos);
  EXPECT_NE(table.err.find("NOT verified"), std::string::npos);
  const auto csv = run_leastpriv({"compare", "--policy", kPolicy, "--findings", kFindings, "--no-verify", "--format", "csv",
                                  "--strategies", "aws,bounded:100"});
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  EXPECT_EQ(csv.out.substr(0, csv.out.find('\n')),
            "strategy,entries,characters,wildcards,refine_ms,verification,verify_ms,future_exposure");
  EXPECT_NE(csv.out.find("\nbounded:100,"), std::string::npos);
  EXPECT_NE(csv.err.find("over the budget of 100"), std::string::npos);
}

TEST(CompareCli, BadFormatIsAUsageError) {
  const auto result = run_leastpriv({"compare", "--policy", kPolicy, "--findings", kFindings, "--format", "xml"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("unknown --format `xml`"), std::string::npos);
}

TEST(ExplainCli, WordsNameTheUnusedActionThatMakesANodeUnsafe) {
  const auto result = run_leastpriv({"explain", "--policy", kPolicy, "--findings", kFindings, "--entry", "s3:Get*"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("entry `s3:Get*`"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("unsafe: `s3:GetBucket*` reaches unused"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("aws result:"), std::string::npos);
  EXPECT_EQ(result.out.find("lambda:"), std::string::npos);  // only the entry asked for
}

TEST(ExplainCli, UnknownEntryIsAUsageError) {
  const auto result = run_leastpriv({"explain", "--policy", kPolicy, "--findings", kFindings, "--entry", "ec2:*"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("no changed entry `ec2:*`"), std::string::npos);
}

TEST(ExplainCli, DotRendersWithGraphviz) {
  const auto result = run_leastpriv({"explain", "--policy", kPolicy, "--findings", kFindings, "--format", "dot"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("fillcolor=\"#a6dba0\""), std::string::npos);  // safe: green
  EXPECT_NE(result.out.find("fillcolor=\"#fdb863\""), std::string::npos);  // unsafe: orange
  EXPECT_NE(result.out.find("penwidth=3"), std::string::npos);             // emitted: bold
  const std::string dir = testing::make_temp_dir();
  {
    std::ofstream out(dir + "/explain.dot");
    out << result.out;
  }
  const std::string command = "dot -Tsvg '" + dir + "/explain.dot' -o '" + dir + "/explain.svg'";
  ASSERT_EQ(std::system(command.c_str()), 0) << "graphviz rejected the DOT:\n" << result.out;
  EXPECT_NE(testing::read_file(dir + "/explain.svg").find("<svg"), std::string::npos);
}

TEST(ExplainCli, SvgFormatRunsDot) {
  const auto result = run_leastpriv({"explain", "--policy", kPolicy, "--findings", kFindings, "--entry", "s3:Get*",
                                     "--format", "svg"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("<svg"), std::string::npos);
}

}  // namespace
}  // namespace leastpriv
