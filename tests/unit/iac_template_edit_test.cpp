// Writing action lists back into templates in place: YAML block and flow sequences and scalars,
// JSON arrays on one line or many and strings; every other byte kept; the edited template read
// back must differ from the original only in the replaced values; and the whole path from a
// gate run's proved refinement (examples/ci) to a template whose policy is that refinement.
#include "gate/gate_run.h"
#include "gate/write_back.h"
#include "iac/iac_input.h"
#include "iac/template_edit.h"
#include "model/json_text.h"
#include "tests/support/test_support.h"

#include <gtest/gtest.h>

namespace leastpriv {
namespace {

std::string edit_ok(const std::string& path, const std::string& text, const std::vector<iac::ListReplacement>& edits) {
  auto edited = iac::replace_lists(model::InputFile{path, text}, edits);
  EXPECT_TRUE(edited.ok()) << (edited.ok() ? "" : edited.error().message);
  return edited.ok() ? *edited : "";
}

TEST(IacTemplateEdit, YamlBlockSequenceAtItsColumnWithCommentsKept) {
  const std::string text =
      "# the app\nS:\n  Action:   # what it may do\n    - s3:Get*\n    - s3:List*\n\n  # resources next\n  Resource: '*'\n";
  EXPECT_EQ(edit_ok("t.yaml", text, {{"/S/Action", {"s3:GetObject", "*"}}}),
            "# the app\nS:\n  Action:   # what it may do\n    - s3:GetObject\n    - \"*\"\n\n  # resources next\n  Resource: '*'\n");
}

TEST(IacTemplateEdit, YamlSequenceAtTheKeysColumn) {
  const std::string text = "S:\n  Action:\n  - s3:Get*\n  - s3:List*\n  Resource: x\n";
  EXPECT_EQ(edit_ok("t.yaml", text, {{"/S/Action", {"s3:GetObject"}}}), "S:\n  Action:\n  - s3:GetObject\n  Resource: x\n");
}

TEST(IacTemplateEdit, YamlFlowSequenceAndScalars) {
  const std::string text = "A: [s3:Get*, 's3:List*']  # flow\nB: s3:Get*  # one\nC: \"s3:Put*\"\n";
  EXPECT_EQ(edit_ok("t.yaml", text, {{"/A", {"s3:GetObject", "s3:ListBucket"}}, {"/B", {"s3:GetObject"}}, {"/C", {"a:B", "c:D"}}}),
            "A: [s3:GetObject, s3:ListBucket]  # flow\nB: s3:GetObject  # one\nC: [a:B, c:D]\n");
}

TEST(IacTemplateEdit, JsonArraysKeepTheirLayout) {
  const std::string text = "{\n  \"A\": [\n    \"s3:Get*\",\n    \"s3:List*\"\n  ],\n  \"B\": [\"x:Y\"],\n  \"C\": \"s3:*\"\n}\n";
  EXPECT_EQ(edit_ok("t.json", text, {{"/A", {"s3:GetObject", "s3:ListBucket", "s3:ListAllMyBuckets"}}, {"/B", {"x:Z"}}, {"/C", {"s3:GetObject"}}}),
            "{\n  \"A\": [\n    \"s3:GetObject\",\n    \"s3:ListBucket\",\n    \"s3:ListAllMyBuckets\"\n  ],\n  \"B\": [\"x:Z\"],\n"
            "  \"C\": \"s3:GetObject\"\n}\n");
}

TEST(IacTemplateEdit, WhatCannotBeRewrittenIsRefused) {
  auto tagged = iac::replace_lists(model::InputFile{"t.yaml", "A: !Split [',', 'a,b']\n"}, {{"/A", {"x:Y"}}});
  ASSERT_FALSE(tagged.ok());
  EXPECT_NE(tagged.error().message.find("t.yaml: /A: a value written `!…` is not rewritten in place"), std::string::npos)
      << tagged.error().message;
  auto missing = iac::replace_lists(model::InputFile{"t.yaml", "A: x\n"}, {{"/B", {"x:Y"}}});
  ASSERT_FALSE(missing.ok());
}

TEST(IacTemplateEdit, TheExampleTemplateCarriesItsProvedRefinement) {
  const auto input = testing::source_input("examples/ci/template.yaml");
  auto versions = iac::read_policies(input);
  ASSERT_TRUE(versions.ok());
  auto findings = model::UnusedFindings::from_file(testing::source_path("examples/ci/findings.json"));
  ASSERT_TRUE(findings.ok());
  const auto catalog = model::Catalog::embedded().value();
  gate::GateOptions options;
  options.verify = verifier::fast_options(options.verify);
  auto report = gate::run_gate(versions->current, std::nullopt, {{"ReportRole", "findings.json", *findings}}, catalog, options);
  ASSERT_TRUE(report.ok()) << report.error().message;
  auto edits = gate::write_back_edits(*report, versions->current);
  ASSERT_TRUE(edits.ok()) << edits.error().message;
  ASSERT_EQ(edits->size(), 1u);
  EXPECT_EQ(edits->front().pointer, "/Resources/ReportRole/Properties/Policies/0/PolicyDocument/Statement/0/Action");
  const std::string edited = edit_ok(input.path, input.bytes, *edits);
  // Only the lines of the list changed: the text before and after it is the same.
  const std::size_t list_start = input.bytes.find("                  - s3:Get*");
  EXPECT_EQ(edited.substr(0, list_start), input.bytes.substr(0, list_start));
  const std::string tail = input.bytes.substr(input.bytes.find("                Resource:\n"));
  EXPECT_EQ(edited.substr(edited.size() - tail.size()), tail);
  auto reread = iac::read_policies(model::InputFile{input.path, edited});
  ASSERT_TRUE(reread.ok()) << reread.error().message;
  EXPECT_EQ(model::canonical_json_text(reread->current.policies[0].document),
            model::canonical_json_text(report->findings[0].properties["refinedPolicy"]));
  EXPECT_EQ(model::canonical_json_text(reread->current.policies[1].document),
            model::canonical_json_text(versions->current.policies[1].document));
}

}  // namespace
}  // namespace leastpriv
