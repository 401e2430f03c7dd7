// Reading a policy from the shapes users have: a bare IAM policy document, the AWS CLI
// wrappers (`get-policy-version`'s PolicyVersion.Document, `get-role-policy`'s
// PolicyDocument, URL-encoded or not), and for candidate results a GetFindingRecommendation
// response whose CREATE_POLICY step carries the policy as a JSON string.
//
// Tested by: tests/unit/policy_input_test.cpp
//
// IMPLEMENTATION: every fault is reported with the file and the JSON pointer of the value at
// fault; inside a document that was a string (URL-encoded or JSON text) the pointer goes
// on from the string's own pointer, so `/PolicyDocument/Statement/0/Effect` is still findable.
//
// TRUSTED: the verifier sees a policy only as this reader reads it (Effect, Action/NotAction,
// the scope): a misread statement would be proved about the wrong policy.
#pragma once

#include "model/policy.h"
#include "model/result.h"

#include <string>

namespace leastpriv::model {

struct LoadedPolicy {
  PolicyDocument document;
  // The policy's name or ARN when the wrapper says it (PolicyName, PolicyArn, existingPolicyId).
  std::string policy_id;
  // A recommendation with only DETACH_POLICY steps: the candidate allows nothing.
  bool detached = false;
};

// Parses an IAM policy document value found at `pointer` in `file`.
Result<PolicyDocument> parse_policy_document(const Json& value, const std::string& file, const std::string& pointer);

// Reads a policy file in any of the accepted shapes.
Result<LoadedPolicy> load_policy_file(const std::string& path);

// Same, from text already read (`file` names it in messages).
Result<LoadedPolicy> load_policy_text(std::string_view text, const std::string& file);

// Same, from a value already parsed by parse_json_text (batch units: one parse a line).
Result<LoadedPolicy> load_policy_value(const Json& root, const std::string& file);

// What a loaded candidate result allows: its document, or nothing for a DETACH_POLICY
// recommendation (compared as an empty policy).
PolicyDocument candidate_document(const LoadedPolicy& loaded);

// Percent-decoding as the IAM API applies it to policy documents.
Result<std::string> url_decode(std::string_view text);

}  // namespace leastpriv::model
