// Tests of the JSON reader's and writer's rules (model/json_text.h): the depth limit,
// duplicate keys, numbers kept as written, pointers in every error, short quoting of input.
// Named after the rows of issue 12's red-team table they pin.
#include "model/json_text.h"

#include "model/catalog.h"
#include "model/findings.h"
#include "model/policy_input.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace leastpriv::model {
namespace {

std::string error_of(const std::string& text) {
  auto parsed = parse_json_text(text, "f.json");
  return parsed.ok() ? std::string("(no error)") : parsed.error().message;
}

std::string nested_arrays(std::size_t depth) { return std::string(depth, '[') + std::string(depth, ']'); }

TEST(JsonText, Row1NestingDeeperThanTheLimitIsAnErrorWithItsPointer) {
  EXPECT_TRUE(parse_json_text(nested_arrays(kMaxJsonDepth), "f.json").ok());
  const std::string error = error_of(nested_arrays(kMaxJsonDepth + 1));
  EXPECT_NE(error.find("f.json: /0/0/0"), std::string::npos) << error;
  EXPECT_NE(error.find("nested deeper than 128 levels"), std::string::npos) << error;
  // 65,000 levels (140 KB) once crashed a recursive copy; now the parser stops at the limit.
  EXPECT_NE(error_of(nested_arrays(65000)).find("nested deeper"), std::string::npos);
  EXPECT_NE(error_of(R"({"Statement": [{"Condition": )" + std::string(70000, '[')).find("/Statement/0/Condition"),
            std::string::npos);
}

TEST(JsonText, Row1DeepInputInEveryReaderIsExitTwoNotACrash) {
  const std::string deep = std::string(70000, '[');
  auto policy = load_policy_text(R"({"Statement": )" + deep, "p.json");
  ASSERT_FALSE(policy.ok());
  EXPECT_NE(policy.error().message.find("p.json: /Statement/0/0"), std::string::npos) << policy.error().message;
  // A document given as a JSON string is parsed under the same limit.
  auto wrapped = load_policy_text(R"({"PolicyDocument": ")" + std::string(70000, '[') + "\"}", "w.json");
  ASSERT_FALSE(wrapped.ok());
  EXPECT_NE(wrapped.error().message.find("nested deeper"), std::string::npos) << wrapped.error().message;
  auto findings = UnusedFindings::from_text("[" + deep, "f.json");
  ASSERT_FALSE(findings.ok());
  EXPECT_NE(findings.error().message.find("nested deeper"), std::string::npos);
}

TEST(JsonText, Row2OutputOfTheDeepestAcceptedValueIsSmall) {
  auto parsed = parse_json_text(nested_arrays(kMaxJsonDepth), "f.json");
  ASSERT_TRUE(parsed.ok());
  // 128 levels pretty-printed: each line at most 2 * 128 spaces of indent.
  EXPECT_LT(dump_json(*parsed).size(), 2 * 2 * kMaxJsonDepth * kMaxJsonDepth);
  EXPECT_EQ(dump_json(*parsed, -1), nested_arrays(kMaxJsonDepth - 1).insert(kMaxJsonDepth - 1, "[]"));
}

TEST(JsonText, Row8NumbersAreKeptAsWritten) {
  const std::string text =
      R"({"big":100000000000000000001,"bigger":123456789012345678901234567890,"neg":-99999999999999999999,)"
      R"("f":1.10,"e":1E2,"small":42,"neg_small":-7,"u":18446744073709551615,"d":2.5})";
  auto parsed = parse_json_text(text, "f.json");
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  EXPECT_EQ(dump_json(*parsed, -1), text);
  EXPECT_TRUE(is_raw_number((*parsed)["big"]));
  EXPECT_EQ(raw_number_text((*parsed)["big"]), "100000000000000000001");
  EXPECT_FALSE(is_raw_number((*parsed)["small"]));
  EXPECT_FALSE(is_raw_number((*parsed)["d"]));
  // Two numbers that a double cannot tell apart stay different.
  auto other = parse_json_text(R"({"big":100000000000000000000})", "f.json");
  ASSERT_TRUE(other.ok());
  EXPECT_NE((*parsed)["big"], (*other)["big"]);
  EXPECT_NE(canonical_json_text(*parsed), canonical_json_text(*other));
  // Pretty-printed too, and a raw number is no string: it cannot pass as an action.
  EXPECT_NE(dump_json(*parsed).find("\"big\": 100000000000000000001,"), std::string::npos);
  EXPECT_FALSE((*parsed)["big"].is_string());
}

// `-0` is written back as `-0` and is another value than `0` (a scope holding one is another
// scope); `-0.0`, `0` and numbers after a string that looks like one are unaffected.
TEST(JsonText, NegativeZeroIsKeptAsWritten) {
  const std::string text = R"({"s":"-0 and 1","a":-0,"b":[0,-0,-0.0,-01e1],"c":0,"k":{"-0":-0}})";
  auto parsed = parse_json_text(R"({"s":"-0 and 1","a":-0,"b":[0,-0,-0.0],"c":0,"k":{"-0":-0}})", "f.json");
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  EXPECT_EQ(dump_json(*parsed, -1), R"({"s":"-0 and 1","a":-0,"b":[0,-0,-0.0],"c":0,"k":{"-0":-0}})");
  EXPECT_TRUE(is_raw_number((*parsed)["a"]));
  EXPECT_FALSE(is_raw_number((*parsed)["c"]));
  EXPECT_FALSE(is_raw_number((*parsed)["b"][0]));
  EXPECT_NE(canonical_json_text((*parsed)["a"]), canonical_json_text((*parsed)["c"]));
  EXPECT_NE(error_of(text), "(no error)");  // `-01e1` is no JSON number: still refused
}

// nlohmann's lexer ends at a NUL byte; we refuse it where it stands instead of ignoring the rest.
TEST(JsonText, ANulByteIsAnErrorNotTheEndOfInput) {
  const std::string text = std::string(R"({"a": 1})") + '\0' + R"({"Statement": "*"})";
  const std::string error = error_of(text);
  EXPECT_NE(error.find("f.json: invalid JSON at line 1, column 9: a NUL byte"), std::string::npos) << error;
  EXPECT_NE(error_of(std::string("[\"a\0b\"]", 7)), "(no error)");
}

TEST(JsonText, Row8BigNumbersInAPolicyComeThroughAndSeparateScopes) {
  const std::string condition = R"({"NumericLessThan": {"s3:max-keys": 100000000000000000001}})";
  auto policy = load_policy_text(R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*", "Condition": )" +
                                     condition + "}]}",
                                 "p.json");
  ASSERT_TRUE(policy.ok()) << policy.error().message;
  EXPECT_NE(policy_to_text(policy->document).find("100000000000000000001"), std::string::npos);
  auto rounded = load_policy_text(R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*", "Condition": {"NumericLessThan": {"s3:max-keys": 100000000000000000000}}}]})",
                                  "p.json");
  ASSERT_TRUE(rounded.ok());
  EXPECT_NE(policy->document.statements[0].scope, rounded->document.statements[0].scope);
}

TEST(JsonText, Row9ADuplicateKeyIsAnErrorAtTheSecondKey) {
  EXPECT_EQ(error_of(R"({"Statement": [{"Effect": "Deny", "Effect": "Allow"}]})"),
            "f.json: /Statement/0/Effect: duplicate key `Effect`");
  EXPECT_EQ(error_of(R"({"Statement": [], "Statement": []})"), "f.json: /Statement: duplicate key `Statement`");
  EXPECT_EQ(error_of(R"([{"serviceNamespace": "s3", "actions": ["GetObject"], "actions": null}])"),
            "f.json: /0/actions: duplicate key `actions`");
  // The same key in two objects is fine.
  EXPECT_EQ(error_of(R"([{"a": 1}, {"a": 2}])"), "(no error)");
  auto policy = load_policy_text(R"({"Statement": {"Effect": "Deny", "Action": "*", "Effect": "Allow"}})", "p.json");
  ASSERT_FALSE(policy.ok());
  EXPECT_NE(policy.error().message.find("p.json: /Statement/Effect: duplicate key"), std::string::npos);
}

TEST(JsonText, Row13ErrorsQuoteInputShortAndEscaped) {
  EXPECT_EQ(quoted_text("plain"), "`plain`");
  EXPECT_EQ(quoted_text(std::string("a\0b\x7f\xc3\xa9", 6)), "`a\\x00b\\x7f\\xc3\\xa9`");
  const std::string shown = quoted_text(std::string(600000, 'x'));
  EXPECT_EQ(shown.size(), 80 + 2 + 3);
  EXPECT_LE(quoted_text(std::string(600000, '\x01')).size(), 84 + 2 + 3);
  EXPECT_EQ(quoted_value(Json(std::string(1000, 'y'))).size(), 80 + 2 + 3);
}

TEST(JsonText, Row14ANumberNoDoubleHoldsIsAnErrorAtItsPointer) {
  const std::string error = error_of(R"({"Statement": [{"Condition": {"NumericEquals": {"k": 1e400}}}]})");
  EXPECT_NE(error.find("f.json: /Statement/0/Condition/NumericEquals/k: number out of range"), std::string::npos) << error;
  EXPECT_NE(error_of("[1, 2, 1e400]").find("f.json: /2: number out of range"), std::string::npos);
}

TEST(JsonText, SyntaxErrorsKeepLineAndColumn) {
  EXPECT_NE(error_of("{\n  \"a\": ,\n}").find("f.json: invalid JSON at line 2, column 8"), std::string::npos)
      << error_of("{\n  \"a\": ,\n}");
}

TEST(JsonText, WriterIsNlohmannsLayoutForEverythingElse) {
  const std::string text =
      R"({"a":[1,2,{"b":{},"c":[]}],"s":"x\u00e9\u0001\"\\","t":true,"n":null,"f":-2.5e-07,"nested":{"k":["v"]}})";
  auto parsed = parse_json_text(text, "f.json");
  ASSERT_TRUE(parsed.ok());
  for (const int indent : {-1, 0, 2, 4}) {
    EXPECT_EQ(dump_json(*parsed, indent), parsed->dump(indent, ' ', false, nlohmann::json::error_handler_t::replace))
        << indent;
  }
  EXPECT_EQ(canonical_json_text(*parse_json_text(R"({"b":1,"a":{"d":2,"c":3}})", "f.json")), R"({"a":{"c":3,"d":2},"b":1})");
}

// The writer prints plain strings itself and leaves the rest to nlohmann: on every single byte,
// every pair of bytes from an alphabet of the interesting ones (quote, backslash, controls,
// DEL, UTF-8 lead and continuation bytes) and random byte strings, as values and as keys, it
// writes what nlohmann writes.
TEST(JsonText, StringsAreWrittenAsNlohmannWritesThem) {
  const auto nlohmann_text = [](const Json& value, int indent) {
    return value.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
  };
  std::vector<std::string> texts{"", "s3:GetObject", "a\"b", "a\\b", "\"\\\"", "caf\xc3\xa9", "\xff", "\xc3", "\x7f"};
  for (int c = 0; c < 256; ++c) texts.emplace_back(1, static_cast<char>(c));
  const std::string alphabet = std::string("a\"\\/ ~\x7f\x01\x1f\n\t\xc3\xa9\xe2\x82\xac\xff", 17) + '\0';
  for (char a : alphabet) {
    for (char b : alphabet) texts.push_back(std::string{a, b});
  }
  std::mt19937 random(14);
  for (int i = 0; i < 2000; ++i) {
    std::string text;
    for (int n = static_cast<int>(random() % 12); n > 0; --n) {
      text += random() % 2 == 0 ? alphabet[random() % alphabet.size()] : static_cast<char>('a' + random() % 26);
    }
    texts.push_back(text);
  }
  for (const std::string& text : texts) {
    const Json value(text);
    EXPECT_EQ(dump_json(value, -1), nlohmann_text(value, -1)) << testing::PrintToString(text);
    const Json object{{text, Json::array({text, 1, true, nullptr})}};
    EXPECT_EQ(dump_json(object, -1), nlohmann_text(object, -1)) << testing::PrintToString(text);
    EXPECT_EQ(dump_json(object, 2), nlohmann_text(object, 2)) << testing::PrintToString(text);
  }
}

TEST(Catalog, Row12TextThatIsNotACatalogIsRefused) {
  auto readme = Catalog::from_snapshot_text("# leastpriv\n\n`leastpriv` removes unused permissions\n", "README.md");
  ASSERT_FALSE(readme.ok());
  EXPECT_NE(readme.error().message.find("README.md: not a catalog"), std::string::npos) << readme.error().message;
  auto bad_word = Catalog::from_snapshot_text("# leastpriv catalog snapshot\ns3 GetObject Get`Object\n", "c.txt");
  ASSERT_FALSE(bad_word.ok());
  EXPECT_EQ(bad_word.error().message, "c.txt: line 2: `Get`Object` is not a service or action name (letters, digits, `-` and `_` only)");
  EXPECT_TRUE(Catalog::from_snapshot_text("# leastpriv catalog snapshot\ns3 GetObject\n", "c.txt").ok());
}

TEST(Catalog, Row13And14ABomIsSkippedAndABadNameHasItsPointer) {
  auto bom = Catalog::from_snapshot_text("\xEF\xBB\xBF# leastpriv catalog snapshot\ns3 GetObject\n", "c.txt");
  EXPECT_TRUE(bom.ok());
}

}  // namespace
}  // namespace leastpriv::model
