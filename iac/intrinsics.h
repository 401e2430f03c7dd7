// What a policy in a template or plan holds that no reader can know before deployment:
// CloudFormation intrinsic functions (`{"Ref": …}`, `{"Fn::Sub": …}`, `{"Fn::Join": …}`, …, also
// written `!Ref`/`!Sub` in YAML) and Terraform values unknown until apply. Inside Resource,
// NotResource, Condition or Principal they are harmless: a statement's scope is an opaque atom
// (model/scope.h), compared as the text written. In Effect, Action or NotAction, or as a
// whole statement, they decide which actions are allowed: such a policy is reported, never
// guessed.
//
// Tested by: tests/unit/iac_readers_test.cpp
#pragma once

#include "model/policy.h"

#include <string>
#include <vector>

namespace leastpriv::iac {

using model::Json;

// An object of one key that is `Ref`, `Condition` or `Fn::…`: how CloudFormation spells a function.
bool is_intrinsic(const Json& value);

// A value of a policy that decides its actions and is not known.
struct OpaqueValue {
  std::string pointer;  // inside the policy document: `/Statement/1/Action/0`
  std::string text;     // the value as written (compact JSON)
};

// Every intrinsic that stands where a statement, its Effect, Action or NotAction (or one of
// their entries) should be. Empty: the document's actions are known.
std::vector<OpaqueValue> opaque_action_values(const Json& document);

}  // namespace leastpriv::iac
