// The policy data model: an IAM identity policy as statements whose action lists we may
// change, plus the JSON of everything else, carried through untouched.
//
// Tested by: tests/unit/policy_input_test.cpp, tests/golden (fields carried over)
//
// IMPLEMENTATION: each Statement keeps the JSON object it was read from (nlohmann's
// ordered_json keeps key order), so Sid, Resource, Condition, Principal and any field we do
// not know come back byte-for-byte in meaning and in order. Only the Action / NotAction
// value is rewritten. The engine and the verifier share this model and nothing else.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace leastpriv::model {

using Json = nlohmann::ordered_json;

enum class Effect { kAllow, kDeny };
enum class ActionKey { kAction, kNotAction };

struct Statement {
  Effect effect = Effect::kAllow;
  ActionKey action_key = ActionKey::kAction;
  // The Action or NotAction values as written (may be empty: `"Action": []`).
  std::vector<std::string> patterns;
  // `"Action": "s3:Get*"` rather than `["s3:Get*"]`; kept when one pattern remains.
  bool patterns_as_string = false;
  // Canonical text of everything that limits which requests the statement applies to
  // (Principal, NotPrincipal, Resource, NotResource, Condition; model/scope.h). Two statements
  // with equal scope apply to the same requests; the verifier gives each distinct scope one atom.
  std::string scope;
  // The statement object exactly as read.
  Json source;
};

struct PolicyDocument {
  std::vector<Statement> statements;
  // `"Statement": {...}` rather than `[{...}]`.
  bool statement_as_object = false;
  // The whole document as read (Version, Id, and anything else we do not change).
  Json source;
};

bool is_allow_with_actions(const Statement& statement);

// The statement's JSON with its action list replaced by `statement.patterns` (in place,
// same key, same string-vs-array shape when one pattern remains).
Json statement_to_json(const Statement& statement);

// The document's JSON with its Statement value rebuilt from `document.statements`.
Json policy_to_json(const PolicyDocument& document);

// Pretty-printed with two spaces, as the CLI writes policies.
std::string policy_to_text(const PolicyDocument& document);

}  // namespace leastpriv::model
