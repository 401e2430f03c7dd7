// The gate's library: which results block (--fail-on, --ignore), the outcome, the checks that
// need no comparison (opaque actions, unknown values, new policies, unchanged documents) and
// the findings-based refinement proved as refine proves it; the renderers' escaping and URIs.
// (Comparisons that go to verifier::check_no_new_access are in tests/cli/gate_cli_test.cpp.)
#include "gate/gate_policy.h"
#include "gate/gate_run.h"
#include "gate/junit_report.h"
#include "gate/plain_reports.h"
#include "gate/sarif_report.h"
#include "iac/iac_input.h"
#include "tests/support/test_support.h"

#include <gtest/gtest.h>

namespace leastpriv {
namespace {

gate::GateFinding finding(const std::string& rule_id, const std::string& resource) {
  gate::GateFinding f;
  f.rule_id = rule_id;
  f.level = gate::rule(rule_id).level;
  f.location.resource = resource;
  f.policy_key = resource + "/Policies/p";
  return f;
}

gate::GateReport report_of(std::vector<gate::GateFinding> findings) {
  gate::GateReport report;
  report.findings = std::move(findings);
  return report;
}

TEST(GatePolicy, ErrorsBlockByDefaultWarningsDoNot) {
  auto report = report_of({finding(gate::kNewAccess, "A"), finding(gate::kNewPolicy, "B")});
  EXPECT_EQ(gate::apply_gate_policy(report, {}), gate::GateOutcome::kBlocked);
  EXPECT_TRUE(report.findings[0].blocking);
  EXPECT_FALSE(report.findings[1].blocking);
  auto warnings_only = report_of({finding(gate::kNewPolicy, "B")});
  EXPECT_EQ(gate::apply_gate_policy(warnings_only, {}), gate::GateOutcome::kPass);
}

TEST(GatePolicy, FailOnALevelOrARule) {
  auto by_level = report_of({finding(gate::kNewPolicy, "B")});
  EXPECT_EQ(gate::apply_gate_policy(by_level, {{"warning"}, {}}), gate::GateOutcome::kBlocked);
  auto by_rule = report_of({finding(gate::kNewPolicy, "B"), finding(gate::kUnusedAccess, "C")});
  EXPECT_EQ(gate::apply_gate_policy(by_rule, {{"new-policy"}, {}}), gate::GateOutcome::kBlocked);
  EXPECT_TRUE(by_rule.findings[0].blocking);
  EXPECT_FALSE(by_rule.findings[1].blocking);  // naming a rule sets no level threshold
  auto none = report_of({finding(gate::kNewAccess, "A")});
  EXPECT_EQ(gate::apply_gate_policy(none, {{"none"}, {}}), gate::GateOutcome::kPass);
}

TEST(GatePolicy, IgnoreARuleOrAResource) {
  auto by_rule = report_of({finding(gate::kOpaqueAction, "A"), finding(gate::kNewAccess, "B")});
  EXPECT_EQ(gate::apply_gate_policy(by_rule, {{}, {"opaque-action", "LP001"}}), gate::GateOutcome::kPass);
  EXPECT_TRUE(by_rule.findings.empty());
  auto by_resource = report_of({finding(gate::kNewAccess, "A"), finding(gate::kNewAccess, "B")});
  EXPECT_EQ(gate::apply_gate_policy(by_resource, {{}, {"A"}}), gate::GateOutcome::kBlocked);
  ASSERT_EQ(by_resource.findings.size(), 1u);
  EXPECT_EQ(by_resource.findings[0].location.resource, "B");
  auto by_key = report_of({finding(gate::kNewAccess, "A")});
  EXPECT_EQ(gate::apply_gate_policy(by_key, {{}, {"A/Policies/p"}}), gate::GateOutcome::kPass);
}

TEST(GatePolicy, UndecidedIsNeverAPassNorBlocking) {
  auto report = report_of({finding(gate::kUndecided, "A")});
  EXPECT_EQ(gate::apply_gate_policy(report, {{"note"}, {}}), gate::GateOutcome::kNotDecided);
  EXPECT_FALSE(report.findings[0].blocking);
  auto with_blocking = report_of({finding(gate::kUndecided, "A"), finding(gate::kNewAccess, "B")});
  EXPECT_EQ(gate::apply_gate_policy(with_blocking, {}), gate::GateOutcome::kBlocked);
}

TEST(GatePolicy, UnknownFailOnValueIsAUsageError) {
  EXPECT_TRUE(gate::check_gate_policy({{"error", "LP004", "new-access"}, {}}).ok());
  const auto bad = gate::check_gate_policy({{"fatal"}, {}});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().kind, ErrorKind::kUsage);
}

TEST(GateRules, IdsAreStableAndNamed) {
  const auto& rules = gate::gate_rules();
  ASSERT_EQ(rules.size(), 6u);
  EXPECT_EQ(rules[0].id, "LP001");
  EXPECT_EQ(rules[0].name, "new-access");
  EXPECT_EQ(gate::find_rule("lp002"), &rules[1]);
  EXPECT_EQ(gate::find_rule("unused-access"), &rules[4]);
  EXPECT_EQ(gate::find_rule("LP999"), nullptr);
}

iac::IacVersions versions_of(const std::string& relative) {
  auto read = iac::read_policies(testing::source_input(relative));
  EXPECT_TRUE(read.ok()) << (read.ok() ? "" : read.error().message);
  return read.ok() ? std::move(read).value() : iac::IacVersions{};
}

const model::Catalog& catalog() {
  static const model::Catalog embedded = model::Catalog::embedded().value();
  return embedded;
}

gate::GateOptions fast_options() {
  gate::GateOptions options;
  options.verify = verifier::fast_options(options.verify);
  options.verify.keep_smtlib = false;
  return options;
}

TEST(GateRun, TemplateAloneReportsOpaqueActionsOnTheirLines) {
  const auto versions = versions_of("tests/data/iac/template.yaml");
  auto report = gate::run_gate(versions.current, std::nullopt, {}, catalog(), fast_options());
  ASSERT_TRUE(report.ok()) << report.error().message;
  ASSERT_EQ(report->findings.size(), 2u);
  EXPECT_EQ(report->findings[0].rule_id, gate::kOpaqueAction);
  EXPECT_EQ(report->findings[0].line, 67);  // `Action: [cloudformation:*, !Sub ...]`
  EXPECT_EQ(report->findings[0].pointer, "/Resources/Deployer/Properties/Policies/0/PolicyDocument/Statement/0/Action/1");
  EXPECT_EQ(report->policies.size(), 8u);
  EXPECT_EQ(report->policies[0].outcome, "read");
}

TEST(GateRun, PlanAloneComparesWithItsOwnBeforeVersions) {
  const auto versions = versions_of("tests/data/iac/plan.json");
  // Only the unchanged policies and the unknown one: the changed ones go to the solvers (CLI tests).
  iac::PolicySet current = versions.current;
  std::erase_if(current.policies, [](const iac::FoundPolicy& p) {
    return p.key == "aws_iam_policy.read" || p.key == "aws_iam_role.app/inline_policy/queue";
  });
  auto report = gate::run_gate(current, versions.previous, {}, catalog(), fast_options());
  ASSERT_TRUE(report.ok()) << report.error().message;
  ASSERT_EQ(report->findings.size(), 1u);
  EXPECT_EQ(report->findings[0].rule_id, gate::kUnknownValue);
  EXPECT_EQ(report->findings[0].policy_key, "aws_iam_user_policy.ci");
  for (const auto& policy : report->policies) {
    if (policy.key != "aws_iam_user_policy.ci") {
      EXPECT_EQ(policy.outcome, "no-new-access") << policy.key;
    }
  }
}

TEST(GateRun, APolicyWithNoVersionBeforeIsNew) {
  const auto versions = versions_of("examples/ci/template.yaml");
  iac::PolicySet before = versions.current;
  before.policies.erase(before.policies.begin());  // the role's inline policy did not exist
  auto report = gate::run_gate(versions.current, before, {}, catalog(), fast_options());
  ASSERT_TRUE(report.ok()) << report.error().message;
  ASSERT_EQ(report->findings.size(), 1u);
  EXPECT_EQ(report->findings[0].rule_id, gate::kNewPolicy);
  EXPECT_EQ(report->findings[0].policy_key, "ReportRole/Policies/reports");
  EXPECT_EQ(report->findings[0].line, 18);
}

TEST(GateRun, FindingsRefineTheirPrincipalsPoliciesAndTheResultIsProved) {
  const auto versions = versions_of("examples/ci/template.yaml");
  auto findings = model::UnusedFindings::from_file(testing::source_path("examples/ci/findings.json"));
  ASSERT_TRUE(findings.ok());
  const std::vector<gate::FindingsBinding> bindings = {{"ReportRole", "findings.json", *findings}};
  auto report = gate::run_gate(versions.current, std::nullopt, bindings, catalog(), fast_options());
  ASSERT_TRUE(report.ok()) << report.error().message;
  ASSERT_EQ(report->findings.size(), 1u);  // the queue policy allows nothing unused
  const auto& unused = report->findings[0];
  EXPECT_EQ(unused.rule_id, gate::kUnusedAccess);
  EXPECT_EQ(unused.policy_key, "ReportRole/Policies/reports");
  EXPECT_EQ(unused.line, 21);  // `- Sid: ReadReports`
  ASSERT_TRUE(unused.properties.contains("refinedPolicy"));
  const auto refined = unused.properties["refinedPolicy"]["Statement"][0]["Action"];
  for (const auto& entry : refined) {
    EXPECT_NE(entry.get<std::string>(), "s3:Get*");
    EXPECT_NE(entry.get<std::string>(), "s3:GetBucketPolicy");
  }
  EXPECT_GT(unused.properties["obligationsProved"].get<int>(), 0);
  EXPECT_EQ(report->policies[0].outcome, "read; refined");
  // Bound to another principal, the same findings refine nothing.
  const std::vector<gate::FindingsBinding> elsewhere = {{"OtherRole", "findings.json", *findings}};
  auto untouched = gate::run_gate(versions.current, std::nullopt, elsewhere, catalog(), fast_options());
  ASSERT_TRUE(untouched.ok());
  EXPECT_TRUE(untouched->findings.empty());
}

// A role whose inline policy allows sqs:* and whose managed policy denies sqs:DeleteQueue.
std::string role_template(const std::string& managed_statements) {
  return "Resources:\n"
         "  Worker:\n"
         "    Type: AWS::IAM::Role\n"
         "    Properties:\n"
         "      Policies:\n"
         "        - PolicyName: queues\n"
         "          PolicyDocument:\n"
         "            Statement:\n"
         "              - Effect: Allow\n"
         "                Action: sqs:*\n"
         "                Resource: '*'\n"
         "  Guard:\n"
         "    Type: AWS::IAM::ManagedPolicy\n"
         "    Properties:\n"
         "      Roles: [!Ref Worker]\n"
         "      PolicyDocument:\n"
         "        Statement:\n" +
         managed_statements;
}

const std::string kGuardAllow = "          - Effect: Allow\n            Action: sqs:ReceiveMessage\n            Resource: '*'\n";
const std::string kGuardDeny = "          - Effect: Deny\n            Action: sqs:DeleteQueue\n            Resource: '*'\n";

Result<gate::GateReport> gate_pair(const std::string& before_text, const std::string& after_text) {
  auto before = iac::read_policies(model::InputFile{"before.yaml", before_text});
  auto after = iac::read_policies(model::InputFile{"after.yaml", after_text});
  EXPECT_TRUE(before.ok() && after.ok());
  return gate::run_gate(after->current, before->current, {}, catalog(), fast_options());
}

TEST(GatePrincipals, ADenyRemovedFromOnePolicyWidensAnother) {
  auto report = gate_pair(role_template(kGuardAllow + kGuardDeny), role_template(kGuardAllow));
  ASSERT_TRUE(report.ok()) << report.error().message;
  // Each policy alone allows nothing new; the role does: sqs:DeleteQueue, through `sqs:*`.
  for (const auto& policy : report->policies) EXPECT_EQ(policy.outcome, "no-new-access") << policy.key;
  ASSERT_EQ(report->findings.size(), 1u);
  const auto& found = report->findings[0];
  EXPECT_EQ(found.rule_id, gate::kNewAccess);
  EXPECT_EQ(found.policy_key, "Worker/Policies/queues");
  EXPECT_EQ(found.line, 10);  // `Action: sqs:*`
  EXPECT_EQ(found.properties["action"], "sqs:deletequeue");
  EXPECT_EQ(found.properties["principal"], "Worker");
}

TEST(GatePrincipals, KeptOrMovedDenyIsNoNewAccess) {
  auto kept = gate_pair(role_template(kGuardAllow + kGuardDeny), role_template(kGuardDeny + kGuardAllow));
  ASSERT_TRUE(kept.ok()) << kept.error().message;
  EXPECT_TRUE(kept->findings.empty());
}

TEST(GateRenderers, UrisAndEscaping) {
  EXPECT_EQ(gate::artifact_uri("./examples/ci/t.yaml"), "examples/ci/t.yaml");
  EXPECT_EQ(gate::artifact_uri("/abs/t.yaml"), "file:///abs/t.yaml");
  EXPECT_EQ(gate::xml_escape("a<b & \"c\" 'd'>\x01"), "a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt;?");
}

TEST(GateRenderers, TextAndJsonCountWhatBlocks) {
  auto report = report_of({finding(gate::kNewAccess, "A"), finding(gate::kNewPolicy, "B")});
  report.file = "t.yaml";
  const auto outcome = gate::apply_gate_policy(report, {});
  const std::string text = gate::text_report(report, outcome);
  EXPECT_NE(text.find("error LP001 new-access [blocking]"), std::string::npos) << text;
  EXPECT_NE(text.find("gate: blocked: 0 policies checked in t.yaml, 2 results, 1 blocking"), std::string::npos) << text;
  const auto json = gate::json_report(report, outcome);
  EXPECT_EQ(json["outcome"], "blocked");
  EXPECT_EQ(json["results"][1]["blocking"], false);
}

}  // namespace
}  // namespace leastpriv
