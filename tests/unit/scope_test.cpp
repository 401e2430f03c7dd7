// Scope texts (model/scope.h): equal exactly when AWS documents the two statements' scopes as
// meaning the same (rules K1-K5, spec/SEMANTICS.md §5); any other difference keeps them apart.
#include "model/json_text.h"
#include "model/scope.h"

#include <gtest/gtest.h>

namespace leastpriv::model {
namespace {

std::string scope_of(const std::string& statement_text) {
  auto parsed = parse_json_text(statement_text, "statement.json");
  EXPECT_TRUE(parsed.ok()) << statement_text;
  return parsed.ok() ? canonical_scope(*parsed) : "";
}

void expect_same(const std::string& a, const std::string& b) { EXPECT_EQ(scope_of(a), scope_of(b)) << a << "\n" << b; }
void expect_apart(const std::string& a, const std::string& b) { EXPECT_NE(scope_of(a), scope_of(b)) << a << "\n" << b; }

TEST(Scope, K1ResourceIsASet) {
  expect_same(R"({"Resource": "*"})", R"({"Resource": ["*"]})");
  expect_same(R"({"Resource": ["arn:a", "arn:b"]})", R"({"Resource": ["arn:b", "arn:a", "arn:b"]})");
  expect_same(R"({"NotResource": "arn:a"})", R"({"NotResource": ["arn:a"]})");
  expect_apart(R"({"Resource": "arn:a"})", R"({"NotResource": "arn:a"})");
  expect_apart(R"({"Resource": ["arn:a"]})", R"({"Resource": ["arn:a", "arn:b"]})");
  expect_apart(R"({"Resource": "arn:A"})", R"({"Resource": "arn:a"})");  // ARNs are not case-folded
  expect_apart(R"({"Resource": "*"})", R"({})");
}

TEST(Scope, K2PrincipalTypesMapToSets) {
  expect_same(R"({"Principal": {"AWS": "arn:a"}})", R"({"Principal": {"AWS": ["arn:a"]}})");
  expect_same(R"({"Principal": {"AWS": ["arn:a", "arn:b"], "Service": "s"}})",
              R"({"Principal": {"Service": ["s"], "AWS": ["arn:b", "arn:a"]}})");
  expect_apart(R"({"Principal": "*"})", R"({"Principal": {"AWS": "*"}})");
  expect_apart(R"({"Principal": {"AWS": "arn:a"}})", R"({"NotPrincipal": {"AWS": "arn:a"}})");
}

TEST(Scope, K3ConditionIsAnAndOfKeyValueSets) {
  // Value lists are sets; a single value is a set of one; block and key order never matter.
  expect_same(R"({"Condition": {"StringEquals": {"aws:username": ["a", "b"]}}})",
              R"({"Condition": {"StringEquals": {"aws:username": ["b", "a", "a"]}}})");
  expect_same(R"({"Condition": {"StringEquals": {"aws:username": "a"}}})",
              R"({"Condition": {"StringEquals": {"aws:username": ["a"]}}})");
  expect_same(R"({"Condition": {"Bool": {"aws:SecureTransport": "true"}, "StringEquals": {"k": "v"}}})",
              R"({"Condition": {"StringEquals": {"k": "v"}, "Bool": {"aws:SecureTransport": "true"}}})");
  // Context key names are not case-sensitive; operators and values are kept as written.
  expect_same(R"({"Condition": {"IpAddress": {"aws:SourceIp": "10.0.0.0/8"}}})",
              R"({"Condition": {"IpAddress": {"AWS:SOURCEIP": "10.0.0.0/8"}}})");
  expect_apart(R"({"Condition": {"StringEquals": {"k": "v"}}})", R"({"Condition": {"stringequals": {"k": "v"}}})");
  expect_apart(R"({"Condition": {"StringEquals": {"k": "v"}}})", R"({"Condition": {"StringEquals": {"k": "V"}}})");
  // Two keys of one operator that differ only in case are two conditions (both must hold),
  // not one key with two values (either may hold).
  expect_apart(R"({"Condition": {"StringEquals": {"aws:a": "x", "AWS:A": "y"}}})",
               R"({"Condition": {"StringEquals": {"aws:a": ["x", "y"]}}})");
  // The same key under two operators is two conditions.
  expect_apart(R"({"Condition": {"StringEquals": {"k": "v"}}})",
               R"({"Condition": {"StringEquals": {"k": "v"}, "StringLike": {"k": "v"}}})");
}

TEST(Scope, K3ValuesAreComparedAsWritten) {
  expect_apart(R"({"Condition": {"NumericLessThan": {"s3:max-keys": "10"}}})",
               R"({"Condition": {"NumericLessThan": {"s3:max-keys": 10}}})");
  expect_apart(R"({"Condition": {"NumericEquals": {"k": 100000000000000000001}}})",
               R"({"Condition": {"NumericEquals": {"k": 100000000000000000000}}})");
  expect_apart(R"({"Condition": {"NumericEquals": {"k": 1.0}}})", R"({"Condition": {"NumericEquals": {"k": 1}}})");
  expect_same(R"({"Condition": {"NumericEquals": {"k": [100000000000000000001, 2]}}})",
              R"({"Condition": {"NumericEquals": {"k": [2, 100000000000000000001]}}})");
}

TEST(Scope, K4OtherFieldsAndOddShapesAreCanonicalJson) {
  expect_same(R"({"Resource": "*", "X-Unknown": {"b": 1, "a": 2}})", R"({"X-Unknown": {"a": 2, "b": 1}, "Resource": "*"})");
  expect_apart(R"({"Resource": "*", "X-Unknown": 1})", R"({"Resource": "*", "X-Unknown": 2})");
  // A Condition written as the canonical form's own shape is not taken for it.
  expect_apart(R"({"Condition": [["StringEquals", "k", ["v"]]]})", R"({"Condition": {"StringEquals": {"k": "v"}}})");
  expect_apart(R"({"Resource": ["set", ["*"]]})", R"({"Resource": "*"})");
  // An unexpected shape is kept as JSON: still a set only when it is one.
  expect_apart(R"({"Resource": [{"a": 1}]})", R"({"Resource": [{"b": 1}]})");
}

TEST(Scope, K5SidEffectAndActionsAreNotScope) {
  expect_same(R"({"Sid": "A", "Effect": "Allow", "Action": "s3:Get*", "Resource": "*"})",
              R"({"Sid": "B", "Effect": "Deny", "NotAction": "iam:*", "Resource": ["*"]})");
}

}  // namespace
}  // namespace leastpriv::model
