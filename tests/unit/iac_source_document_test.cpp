// The IaC readers' view of a file: YAML converted as CloudFormation reads it (short-form tags to
// their long form; the same value a separate Python conversion of tests/data/iac/template.yaml
// gives, stored as template.json), and the line of every value in JSON and YAML alike.
#include "iac/json_lines.h"
#include "iac/source_document.h"
#include "model/json_text.h"
#include "tests/support/test_support.h"

#include <gtest/gtest.h>

namespace leastpriv {
namespace {

iac::SourceDocument read_ok(const std::string& path, const std::string& text) {
  auto read = iac::read_source_document(model::InputFile{path, text});
  EXPECT_TRUE(read.ok()) << (read.ok() ? "" : read.error().message);
  return read.ok() ? std::move(read).value() : iac::SourceDocument{};
}

TEST(IacSourceDocument, YamlTemplateEqualsItsJsonConversion) {
  const auto yaml = read_ok("template.yaml", testing::read_file(testing::source_path("tests/data/iac/template.yaml")));
  const auto json = read_ok("template.json", testing::read_file(testing::source_path("tests/data/iac/template.json")));
  EXPECT_EQ(yaml.syntax, iac::SourceSyntax::kYaml);
  EXPECT_EQ(json.syntax, iac::SourceSyntax::kJson);
  EXPECT_EQ(model::dump_json(yaml.root), model::dump_json(json.root));
}

TEST(IacSourceDocument, ShortFormTagsBecomeTheLongForm) {
  const auto doc = read_ok("t.yaml",
                           "a: !Ref Bucket\n"
                           "b: !GetAtt Table.StreamArn\n"
                           "c: !Sub 'arn:${AWS::Partition}:s3:::x'\n"
                           "d: !Join [':', [a, !Ref B]]\n"
                           "e: !If [Prod, x, !Ref AWS::NoValue]\n"
                           "f: !Condition IsProd\n");
  EXPECT_EQ(model::dump_json(doc.root, -1),
            R"({"a":{"Ref":"Bucket"},"b":{"Fn::GetAtt":["Table","StreamArn"]},"c":{"Fn::Sub":"arn:${AWS::Partition}:s3:::x"},)"
            R"("d":{"Fn::Join":[":",["a",{"Ref":"B"}]]},"e":{"Fn::If":["Prod","x",{"Ref":"AWS::NoValue"}]},"f":{"Condition":"IsProd"}})");
}

TEST(IacSourceDocument, PlainScalarsStayTextExceptBooleansAndNull) {
  const auto doc = read_ok("t.yaml", "v: 2012-10-17\nn: 123456789012\nq: 'true'\nb: true\nz: ~\ne:\n");
  EXPECT_EQ(model::dump_json(doc.root, -1), R"({"v":"2012-10-17","n":"123456789012","q":"true","b":true,"z":null,"e":null})");
}

TEST(IacSourceDocument, YamlLinesAreTheKeysLines) {
  const auto doc = read_ok("t.yaml", "Resources:\n  R:\n    Action:\n      - s3:GetObject\n      - !Sub x\n");
  EXPECT_EQ(doc.lines.line_of("/Resources/R"), 2);
  EXPECT_EQ(doc.lines.line_of("/Resources/R/Action"), 3);
  EXPECT_EQ(doc.lines.line_of("/Resources/R/Action/0"), 4);
  EXPECT_EQ(doc.lines.line_of("/Resources/R/Action/1"), 5);
  EXPECT_EQ(doc.lines.line_of("/Resources/R/Action/1/Fn::Sub"), 5);
}

TEST(IacSourceDocument, JsonLinesFollowEscapedKeysAndNesting) {
  const std::string text = "{\n  \"a\\\"b\": [\n    1,\n    {\"c/d\": \"x\\n\",\n     \"\\u00e9\": true}\n  ],\n  \"e\": null\n}\n";
  const auto doc = read_ok("t.json", text);
  EXPECT_EQ(doc.lines.line_of(""), 1);
  EXPECT_EQ(doc.lines.line_of("/a\"b"), 2);
  EXPECT_EQ(doc.lines.line_of("/a\"b/0"), 3);
  EXPECT_EQ(doc.lines.line_of("/a\"b/1/c~1d"), 4);
  EXPECT_EQ(doc.lines.line_of("/a\"b/1/\xC3\xA9"), 5);
  EXPECT_EQ(doc.lines.line_of("/e"), 7);
  // A pointer into a value the index does not hold (inside a JSON string) takes its ancestor's line.
  EXPECT_EQ(doc.lines.line_of("/e/Statement/0"), 7);
}

TEST(IacSourceDocument, JsonLinesOfEveryValueOfAMinifiedDocumentAreOne) {
  const auto lines = iac::json_value_lines(R"({"a":[1,2,{"b":[]}],"c":"}"})");
  EXPECT_EQ(lines.size(), 7u);  // "", /a, /a/0, /a/1, /a/2, /a/2/b, /c
  EXPECT_EQ(lines.line_of("/c"), 1);
}

TEST(IacSourceDocument, BadYamlNamesTheFileAndLine) {
  auto read = iac::read_source_document(model::InputFile{"bad.yaml", "a: [1, 2\nb: c\n"});
  ASSERT_FALSE(read.ok());
  EXPECT_NE(read.error().message.find("bad.yaml: invalid YAML at line"), std::string::npos) << read.error().message;
}

TEST(IacSourceDocument, DuplicateYamlKeyNamesItsPointer) {
  auto read = iac::read_source_document(model::InputFile{"dup.yaml", "S:\n  Effect: Deny\n  Effect: Allow\n"});
  ASSERT_FALSE(read.ok());
  EXPECT_NE(read.error().message.find("dup.yaml: /S/Effect:"), std::string::npos) << read.error().message;
}

TEST(IacSourceDocument, UnknownTagIsAnError) {
  auto read = iac::read_source_document(model::InputFile{"tag.yaml", "a: !Bogus x\n"});
  ASSERT_FALSE(read.ok());
  EXPECT_NE(read.error().message.find("unknown tag `!Bogus`"), std::string::npos) << read.error().message;
}

TEST(IacSourceDocument, BadJsonIsAnErrorOfTheJsonReader) {
  auto read = iac::read_source_document(model::InputFile{"bad.json", "{\"a\": }"});
  ASSERT_FALSE(read.ok());
  EXPECT_NE(read.error().message.find("bad.json"), std::string::npos);
}

}  // namespace
}  // namespace leastpriv
