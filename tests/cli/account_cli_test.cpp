// `leastpriv account` end to end (cli/commands/account_command.cpp): the example account under
// examples/account/ refined and verified into one GetFindingRecommendation-shaped result per
// principal, the report on stdout or -o, JSON Lines findings, a bad input named by file and
// pointer with nothing written, --per-principal-copies, the batch cache reused by a second run,
// and a result over its size limit (exit 4) that --fit brings under.
#include "model/json_text.h"
#include "tests/support/test_support.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace leastpriv {
namespace {

using testing::run_leastpriv;

const std::string kCatalog = "tests/data/catalog-small.json";
const std::string kDetails = "examples/account/authorization-details.json";
const std::string kFindings = "examples/account/findings";

class AccountCli : public testing::TempDirTest {
 protected:
  model::Json report(const std::string& path) {
    auto parsed = model::parse_json_text(testing::read_file(path), path);
    EXPECT_TRUE(parsed.ok());
    return parsed.ok() ? *parsed : model::Json();
  }

  static std::vector<std::string> step_list(const model::Json& recommendation) {
    std::vector<std::string> steps;
    for (const auto& step : recommendation["recommendedSteps"]) {
      const auto& inner = step["unusedPermissionsRecommendedStep"];
      steps.push_back(inner["recommendedAction"].get<std::string>() + " " + inner["existingPolicyId"].get<std::string>());
    }
    return steps;
  }

};

TEST_F(AccountCli, TheExampleAccountGetsOneVerifiedRecommendationPerPrincipal) {
  const std::string out = dir_ + "/report.json";
  const auto result = run_leastpriv({"account", "--authorization-details", kDetails, "--findings", kFindings, "--catalog", kCatalog, "-o", out});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_TRUE(result.out.empty());
  EXPECT_NE(result.err.find("account: 3 principals with findings, 7 steps; 5 policies refined: 5 proved"), std::string::npos) << result.err;
  const model::Json json = report(out);
  EXPECT_EQ(json["format"], "leastpriv-account-1");
  EXPECT_EQ(json["verification"], "full");
  ASSERT_EQ(json["recommendations"].size(), 3U);
  const auto& app = json["recommendations"][0];
  EXPECT_EQ(app["resourceArn"], "arn:aws:iam::123456789012:role/AppRole");
  EXPECT_EQ(app["status"], "SUCCEEDED");
  EXPECT_EQ(step_list(app), (std::vector<std::string>{"CREATE_POLICY AppKms",
                                                       "CREATE_POLICY arn:aws:iam::123456789012:policy/SharedLambdaAccess",
                                                       "CREATE_POLICY arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess",
                                                       "DETACH_POLICY arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"}));
  EXPECT_EQ(app["leastpriv"]["policies"][2]["newPolicyName"], "AmazonS3ReadOnlyAccess-recommended");
  // BatchRole's inline policy allows only unused actions: DETACH_POLICY alone.
  EXPECT_EQ(step_list(json["recommendations"][1])[0], "DETACH_POLICY BatchS3");
  // alice is refined through her group.
  const auto& alice = json["recommendations"][2];
  EXPECT_EQ(step_list(alice), std::vector<std::string>{"CREATE_POLICY DevLambda"});
  EXPECT_EQ(alice["leastpriv"]["policies"][1]["via"], "group/Developers");
  for (const auto& recommendation : json["recommendations"]) {
    for (const auto& policy : recommendation["leastpriv"]["policies"]) {
      if (policy.contains("verification")) {
        EXPECT_EQ(policy["verification"], "proved") << policy["policy"];
      }
    }
  }
  // The password finding is set aside, said why.
  ASSERT_EQ(json["setAside"].size(), 1U);
  EXPECT_EQ(json["summary"]["proved"], 5);
  EXPECT_EQ(json["summary"]["sizeLimits"], "within");
}

TEST_F(AccountCli, StdoutAndJsonLinesFindingsGiveTheSameReport) {
  const auto folder = run_leastpriv({"account", "--authorization-details", kDetails, "--findings", kFindings, "--catalog", kCatalog, "--no-verify"});
  ASSERT_EQ(folder.exit_code, 0) << folder.err;
  EXPECT_NE(folder.err.find("--no-verify: the results are NOT verified"), std::string::npos);
  std::string lines;
  for (const auto& entry : std::filesystem::directory_iterator(testing::source_path(kFindings))) {
    auto parsed = model::parse_json_text(testing::read_file(entry.path().string()), entry.path().string());
    ASSERT_TRUE(parsed.ok());
    lines += model::dump_json(*parsed, -1) + "\n";
  }
  testing::write_file(dir_ + "/findings.jsonl", lines);
  const auto jsonl = run_leastpriv({"account", "--authorization-details", kDetails, "--findings", dir_ + "/findings.jsonl", "--catalog", kCatalog, "--no-verify"});
  ASSERT_EQ(jsonl.exit_code, 0) << jsonl.err;
  auto a = model::parse_json_text(folder.out, "folder");
  auto b = model::parse_json_text(jsonl.out, "jsonl");
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ((*a)["recommendations"], (*b)["recommendations"]);
}

TEST_F(AccountCli, ABadInputIsNamedAndNothingIsWritten) {
  testing::write_file(dir_ + "/auth.json", R"({"RoleDetailList": [{"RoleName": "R", "Arn": "arn:aws:iam::1:role/R",
      "RolePolicyList": [{"PolicyName": "P", "PolicyDocument": "%7B%22Statement%22%3A5%7D"}]}]})");
  const std::string out = dir_ + "/report.json";
  const auto result = run_leastpriv({"account", "--authorization-details", dir_ + "/auth.json", "--findings", kFindings, "-o", out});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find(dir_ + "/auth.json /RoleDetailList/0/RolePolicyList/0/PolicyDocument: /Statement"), std::string::npos) << result.err;
  EXPECT_FALSE(std::filesystem::exists(out));
  testing::write_file(dir_ + "/bad.jsonl", "{\"resource\": \"arn:aws:iam::1:role/R\", \"findingDetails\": 3}\n");
  const auto bad_findings = run_leastpriv({"account", "--authorization-details", kDetails, "--findings", dir_ + "/bad.jsonl", "-o", out});
  EXPECT_EQ(bad_findings.exit_code, 2);
  EXPECT_NE(bad_findings.err.find(dir_ + "/bad.jsonl:1: /findingDetails"), std::string::npos) << bad_findings.err;
  EXPECT_FALSE(std::filesystem::exists(out));
}

TEST_F(AccountCli, PerPrincipalCopiesGiveEachRoleItsOwnPolicy) {
  const auto result = run_leastpriv({"account", "--authorization-details", kDetails, "--findings", kFindings, "--catalog", kCatalog,
                                     "--fast", "--per-principal-copies"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  auto json = model::parse_json_text(result.out, "out");
  ASSERT_TRUE(json.ok());
  const auto& batch_role = (*json)["recommendations"][1];
  const auto& shared = batch_role["leastpriv"]["policies"][1];
  EXPECT_EQ(shared["action"], "create-and-detach");
  EXPECT_EQ(shared["newPolicyName"], "SharedLambdaAccess-BatchRole-recommended");
  EXPECT_FALSE(shared.contains("keptForOthers"));
  EXPECT_EQ(step_list(batch_role).back(), "DETACH_POLICY arn:aws:iam::123456789012:policy/SharedLambdaAccess");
}

TEST_F(AccountCli, ASecondRunWithTheCacheVerifiesNothingAgain) {
  const std::string cache = dir_ + "/cache";
  const std::vector<std::string> run = {"account", "--authorization-details", kDetails, "--findings", kFindings, "--catalog", kCatalog,
                                        "--fast", "--cache", cache};
  const auto first = run_leastpriv(run);
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_NE(first.err.find("0 from the cache"), std::string::npos) << first.err;
  const auto second = run_leastpriv(run);
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_NE(second.err.find("5 from the cache"), std::string::npos) << second.err;
  auto a = model::parse_json_text(first.out, "first");
  auto b = model::parse_json_text(second.out, "second");
  ASSERT_TRUE(a.ok() && b.ok());
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_EQ((*a)["recommendations"][i]["recommendedSteps"], (*b)["recommendations"][i]["recommendedSteps"]);
  }
  EXPECT_EQ((*b)["recommendations"][0]["leastpriv"]["policies"][0]["cached"], true);
  EXPECT_EQ((*b)["summary"]["cacheHits"], 5);
}

TEST_F(AccountCli, OverTheSizeLimitIsExitFourAndFitBringsItUnder) {
  testing::write_file(dir_ + "/auth.json", R"({"UserDetailList": [{"UserName": "u", "Arn": "arn:aws:iam::1:user/u",
      "UserPolicyList": [{"PolicyName": "Lambda", "PolicyDocument": {"Statement": [{"Effect": "Allow", "Action": "lambda:*", "Resource": "*"}]}}]}]})");
  testing::write_file(dir_ + "/findings.jsonl", R"({"resource": "arn:aws:iam::1:user/u", "findingType": "UnusedPermission", "findingDetails": [{"unusedPermissionDetails": {"serviceNamespace": "lambda", "actions": [{"action": "DeleteFunction"}]}}]})"
                                                "\n");
  const std::vector<std::string> run = {"account", "--authorization-details", dir_ + "/auth.json", "--findings", dir_ + "/findings.jsonl",
                                        "--catalog", kCatalog, "--strategy", "exact", "--fast", "-o", dir_ + "/out.json"};
  const auto over = run_leastpriv(run);
  EXPECT_EQ(over.exit_code, 4) << over.err;
  EXPECT_NE(over.err.find("warning: `user/u`: its inline policies together have"), std::string::npos) << over.err;
  EXPECT_EQ(report(dir_ + "/out.json")["summary"]["sizeLimits"], "over");  // written, and marked
  auto fit = run;
  fit.push_back("--fit");
  const auto fitted = run_leastpriv(fit);
  EXPECT_EQ(fitted.exit_code, 0) << fitted.err;
  const model::Json json = report(dir_ + "/out.json");
  EXPECT_EQ(json["summary"]["sizeLimits"], "fitted");
  EXPECT_EQ(json["recommendations"][0]["leastpriv"]["policies"][0]["verification"], "proved");
}

}  // namespace
}  // namespace leastpriv
