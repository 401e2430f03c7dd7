// `leastpriv gate` end to end (cli/commands/gate_command.cpp) over examples/ci and
// tests/data/iac: every report format (SARIF validated against spec/sarif-schema-2.1.0.json,
// JUnit XML, JSON, text), the exit codes (0 pass, 1 blocking, 2 bad input or usage, 3
// undecided), --before pairs and a plan's own before versions, --fail-on and --ignore, findings,
// and bad input named by file and pointer with no report written.
#include "model/json_text.h"
#include "support/process.h"
#include "tests/support/test_support.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace leastpriv {
namespace {

using testing::run_leastpriv;

const std::string kMain = "examples/ci/template.yaml";
const std::string kNarrowing = "examples/ci/pull-requests/narrowing.yaml";
const std::string kWidening = "examples/ci/pull-requests/widening.yaml";

class GateCli : public testing::TempDirTest {
 protected:
  static model::Json json_of(const std::string& text) {
    auto parsed = model::parse_json_text(text, "output");
    EXPECT_TRUE(parsed.ok()) << text;
    return parsed.ok() ? *parsed : model::Json();
  }

  // The SARIF schema validator's exit status for `path` (0 valid, 1 invalid).
  static int validate_sarif(const std::string& path, std::string& output) {
    const auto checked = support::run_process({"/usr/bin/python3", testing::source_path("tests/support/validate_json_schema.py"),
                                               testing::source_path("spec/sarif-schema-2.1.0.json"), path},
                                              60);
    output = checked.output;
    return checked.started ? checked.exit_status : -1;
  }
};

TEST_F(GateCli, NarrowingPullRequestPasses) {
  const auto result = run_leastpriv({"gate", kNarrowing, "--before", kMain});
  EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
  EXPECT_NE(result.out.find("gate: pass: 2 policies checked in " + kNarrowing + " against " + kMain + ", 0 results"),
            std::string::npos)
      << result.out;
}

TEST_F(GateCli, WideningPullRequestFailsWithSarifOnTheLineThatWidened) {
  const std::string sarif = dir_ + "/gate.sarif";
  const auto result = run_leastpriv({"gate", kWidening, "--before", kMain, "--format", "sarif", "-o", sarif});
  EXPECT_EQ(result.exit_code, 1) << result.err;
  EXPECT_TRUE(result.out.empty());
  std::string output;
  EXPECT_EQ(validate_sarif(sarif, output), 0) << output;
  const model::Json log = json_of(testing::read_file(sarif));
  EXPECT_EQ(log["version"], "2.1.0");
  const auto& run = log["runs"][0];
  EXPECT_EQ(run["tool"]["driver"]["rules"].size(), 6u);
  ASSERT_EQ(run["results"].size(), 1u) << model::dump_json(run["results"]);
  const auto& found = run["results"][0];
  EXPECT_EQ(found["ruleId"], "LP001");
  EXPECT_EQ(found["level"], "error");
  EXPECT_EQ(found["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], kWidening);
  EXPECT_EQ(found["locations"][0]["physicalLocation"]["region"]["startLine"], 26);  // `- s3:PutObject`
  EXPECT_EQ(found["locations"][0]["logicalLocations"][0]["fullyQualifiedName"], "ReportRole/Policies/reports");
  EXPECT_EQ(found["properties"]["action"], "s3:putobject");
  EXPECT_EQ(found["properties"]["blocking"], true);
  EXPECT_EQ(found["partialFingerprints"]["leastprivFingerprint/v1"].get<std::string>().size(), 64u);
}

TEST_F(GateCli, FingerprintsDoNotMoveWithLines) {
  const std::string shifted = file("widening.yaml", "# a comment that moves every line down\n" + testing::read_file(testing::source_path(kWidening)));
  const auto after = run_leastpriv({"gate", shifted, "--before", kMain, "--format", "sarif"});
  ASSERT_EQ(after.exit_code, 1) << after.err;
  const auto result = json_of(after.out)["runs"][0]["results"][0];
  EXPECT_EQ(result["locations"][0]["physicalLocation"]["region"]["startLine"], 27);
  const auto first = run_leastpriv({"gate", kWidening, "--before", kMain, "--format", "sarif"});
  EXPECT_EQ(json_of(first.out)["runs"][0]["results"][0]["partialFingerprints"], result["partialFingerprints"]);
}

TEST_F(GateCli, JunitJsonAndTextAgree) {
  const auto junit = run_leastpriv({"gate", kWidening, "--before", kMain, "--format", "junit"});
  EXPECT_EQ(junit.exit_code, 1);
  EXPECT_NE(junit.out.find("<testsuites name=\"leastpriv gate\" tests=\"2\" failures=\"1\" errors=\"0\">"), std::string::npos)
      << junit.out;
  EXPECT_NE(junit.out.find("<failure type=\"LP001\""), std::string::npos);
  EXPECT_NE(junit.out.find("name=\"ReportQueuePolicy\""), std::string::npos);
  const auto json = run_leastpriv({"gate", kWidening, "--before", kMain, "--format", "json"});
  EXPECT_EQ(json.exit_code, 1);
  const auto parsed = json_of(json.out);
  EXPECT_EQ(parsed["outcome"], "blocked");
  EXPECT_EQ(parsed["results"][0]["line"], 26);
  EXPECT_EQ(parsed["policies"][0]["outcome"], "new-access");
  EXPECT_EQ(parsed["policies"][1]["outcome"], "no-new-access");
  const auto text = run_leastpriv({"gate", kWidening, "--before", kMain});
  EXPECT_EQ(text.exit_code, 1);
  EXPECT_EQ(text.out.rfind(kWidening + ":26: error LP001 new-access [blocking]: `ReportRole` policy `reports` allows `s3:putobject`", 0), 0u)
      << text.out;
}

TEST_F(GateCli, PlansCompareWithTheirOwnBeforeVersions) {
  const auto narrowing = run_leastpriv({"gate", "examples/ci/pull-requests/plan.narrowing.json"});
  EXPECT_EQ(narrowing.exit_code, 0) << narrowing.out << narrowing.err;
  const auto widening = run_leastpriv({"gate", "examples/ci/pull-requests/plan.widening.json", "--format", "json"});
  EXPECT_EQ(widening.exit_code, 1) << widening.err;
  const auto parsed = json_of(widening.out);
  ASSERT_EQ(parsed["results"].size(), 1u);
  EXPECT_EQ(parsed["results"][0]["policy"], "module.reporting.aws_iam_role_policy.reports");
  EXPECT_EQ(parsed["results"][0]["pointer"],
            "/planned_values/root_module/child_modules/0/resources/0/values/policy/Statement/0/Action/2");
  EXPECT_EQ(parsed["results"][0]["properties"]["action"], "s3:putobject");
}

TEST_F(GateCli, UnknownAndOpaqueValuesBlockUnlessIgnored) {
  const auto plan = run_leastpriv({"gate", "tests/data/iac/plan.json", "--ignore", "aws_iam_policy.read"});
  EXPECT_EQ(plan.exit_code, 1) << plan.err;
  EXPECT_NE(plan.out.find("error LP003 unknown-value [blocking]: `aws_iam_user_policy.ci`"), std::string::npos) << plan.out;
  const auto opaque = run_leastpriv({"gate", "tests/data/iac/template.yaml"});
  EXPECT_EQ(opaque.exit_code, 1);
  EXPECT_NE(opaque.out.find("tests/data/iac/template.yaml:67: error LP002 opaque-action"), std::string::npos) << opaque.out;
  const auto ignored = run_leastpriv({"gate", "tests/data/iac/template.yaml", "--ignore", "LP002"});
  EXPECT_EQ(ignored.exit_code, 0) << ignored.out;
  const auto one_resource = run_leastpriv({"gate", "tests/data/iac/template.yaml", "--ignore", "Deployer", "--ignore", "AdminsPolicy"});
  EXPECT_EQ(one_resource.exit_code, 0) << one_resource.out;
}

TEST_F(GateCli, FindingsGiveAWarningThatFailOnCanMakeBlocking) {
  const auto warned = run_leastpriv({"gate", kMain, "--findings", "ReportRole=examples/ci/findings.json", "--format", "json"});
  EXPECT_EQ(warned.exit_code, 0) << warned.err;
  const auto parsed = json_of(warned.out);
  ASSERT_EQ(parsed["results"].size(), 1u);
  EXPECT_EQ(parsed["results"][0]["ruleId"], "LP005");
  EXPECT_TRUE(parsed["results"][0]["properties"].contains("refinedPolicy"));
  const auto blocked = run_leastpriv({"gate", kMain, "--findings", "ReportRole=examples/ci/findings.json", "--fail-on", "unused-access"});
  EXPECT_EQ(blocked.exit_code, 1) << blocked.out;
}

TEST_F(GateCli, ReportIsWrittenWhateverTheOutcome) {
  const std::string out = dir_ + "/report.xml";
  const auto result = run_leastpriv({"gate", "--after", kWidening, "--before", kMain, "--format", "junit", "--output", out});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(testing::read_file(out).find("<failure type=\"LP001\""), std::string::npos);
  EXPECT_NE(result.err.find("gate: blocked, report written to"), std::string::npos) << result.err;
}

TEST_F(GateCli, BadInputNamesFileAndPointerAndWritesNothing) {
  const std::string bad = file("bad.yaml",
                               "Resources:\n  P:\n    Type: AWS::IAM::Policy\n    Properties:\n      PolicyDocument:\n"
                               "        Statement:\n          - Effect: Allow\n            Action: {Bad: 1, Worse: 2}\n");
  const std::string out = dir_ + "/out.sarif";
  const auto result = run_leastpriv({"gate", bad, "--format", "sarif", "-o", out});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find(bad + ": /Resources/P/Properties/PolicyDocument/Statement/0/Action:"), std::string::npos) << result.err;
  EXPECT_FALSE(std::filesystem::exists(out));
  const auto not_iac = run_leastpriv({"gate", "examples/seed/findings.json"});
  EXPECT_EQ(not_iac.exit_code, 2);
  EXPECT_NE(not_iac.err.find("examples/seed/findings.json: /: expected a CloudFormation template"), std::string::npos) << not_iac.err;
  const auto yaml = run_leastpriv({"gate", file("broken.yaml", "Resources: [a\n")});
  EXPECT_EQ(yaml.exit_code, 2);
  EXPECT_NE(yaml.err.find("invalid YAML at line"), std::string::npos) << yaml.err;
}

TEST_F(GateCli, UsageErrors) {
  EXPECT_EQ(run_leastpriv({"gate"}).exit_code, 2);
  EXPECT_EQ(run_leastpriv({"gate", kMain, "--after", kMain}).exit_code, 2);
  const auto fail_on = run_leastpriv({"gate", kMain, "--fail-on", "fatal"});
  EXPECT_EQ(fail_on.exit_code, 2);
  EXPECT_NE(fail_on.err.find("--fail-on `fatal`"), std::string::npos);
  EXPECT_EQ(run_leastpriv({"gate", kMain, "--format", "xml"}).exit_code, 2);
  EXPECT_EQ(run_leastpriv({"gate", kMain, "-o", kMain}).exit_code, 2);
}

TEST_F(GateCli, PolicyFilesArePairsToo) {
  const std::string before = file("before.json", R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:Get*", "Resource": "*"}]})");
  const std::string after = file("after.json", "{\"Version\": \"2012-10-17\",\n \"Statement\": [{\"Effect\": \"Allow\",\n  \"Action\": \"s3:*\", \"Resource\": \"*\"}]}\n");
  const auto result = run_leastpriv({"gate", after, "--before", before});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.out.find(after + ":3: error LP001"), std::string::npos) << result.out;
}

TEST_F(GateCli, WriteBackCarriesTheProvedRefinementIntoTheTemplate) {
  const std::string original = testing::read_file(testing::source_path(kMain));
  const std::string copy = file("template.yaml", original);
  const auto written = run_leastpriv({"gate", copy, "--findings", "ReportRole=examples/ci/findings.json", "--write-back"});
  ASSERT_EQ(written.exit_code, 0) << written.err;
  EXPECT_NE(written.err.find("refined policies written back into `" + copy + "`"), std::string::npos) << written.err;
  const std::string edited = testing::read_file(copy);
  EXPECT_NE(edited, original);
  EXPECT_EQ(edited.find("- s3:Get*"), std::string::npos);
  EXPECT_NE(edited.find("                  - s3:GetObject*\n"), std::string::npos);
  // The edited template grants nothing the original did not, and its findings are used up.
  const auto narrowed = run_leastpriv({"gate", copy, "--before", kMain});
  EXPECT_EQ(narrowed.exit_code, 0) << narrowed.out;
  const auto again = run_leastpriv({"gate", copy, "--findings", "ReportRole=examples/ci/findings.json", "--format", "json"});
  EXPECT_EQ(again.exit_code, 0);
  EXPECT_TRUE(json_of(again.out)["results"].empty()) << again.out;
  // A plan is not rewritten: exit 2, nothing written.
  const std::string plan = file("plan.json", testing::read_file(testing::source_path("tests/data/iac/plan.json")));
  const auto refused = run_leastpriv({"gate", plan, "--findings", file("f.json", R"([{"serviceNamespace": "s3"}])"), "--write-back",
                                      "--ignore", "LP001", "--ignore", "LP003"});
  EXPECT_EQ(refused.exit_code, 2) << refused.err;
  EXPECT_NE(refused.err.find("--write-back rewrites CloudFormation templates only"), std::string::npos) << refused.err;
  EXPECT_EQ(testing::read_file(plan), testing::read_file(testing::source_path("tests/data/iac/plan.json")));
}

}  // namespace
}  // namespace leastpriv
