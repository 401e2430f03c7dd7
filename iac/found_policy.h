// An IAM policy found where it lives (a CloudFormation template, a Terraform plan, a policy
// file), with everything a CI report needs to point at it: the file, the resource (logical id
// or address), the JSON pointer of the document and its line; and the key that identifies the
// same policy in another version of the file (before/after a pull request).
//
// Tested by: tests/unit/iac_readers_test.cpp
#pragma once

#include "iac/intrinsics.h"
#include "iac/source_document.h"
#include "model/policy.h"
#include "model/result.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace leastpriv::iac {

struct PolicyLocation {
  std::string file;
  std::string resource;       // `AppRole` (logical id), `module.app.aws_iam_policy.read` (address)
  std::string resource_type;  // `AWS::IAM::Role`, `aws_iam_role`, `policy` for a policy file
  std::string policy_name;    // PolicyName, an inline policy's name; empty when the resource has one
  std::string pointer;        // the JSON pointer of the policy document (or its JSON string) in the file
  int line = 0;               // its 1-based line
};

struct FoundPolicy {
  // Identity across versions of the file: `AppRole/Policies/app`, `aws_iam_role.app/inline_policy/app`.
  std::string key;
  PolicyLocation location;
  // The principals the policy applies to, as the file names them (a role's own logical id, the
  // `Ref`s of an AWS::IAM::Policy's Roles/Users/Groups, a plan's role attribute): what
  // `gate --findings PRINCIPAL=F.json` matches, besides the resource itself.
  std::vector<std::string> principals;
  // A plan value known only after apply: there is no document to check.
  bool unknown = false;
  // Intrinsic functions where the actions are decided (intrinsics.h): not checked.
  std::vector<OpaqueValue> opaque;
  // The document as JSON (parsed from its string when it was one), and as a policy when its
  // actions are known.
  Json document;
  bool document_was_text = false;
  std::optional<model::PolicyDocument> policy;
  // The lines of the whole file, shared by the policies found in it.
  std::shared_ptr<const LineIndex> lines;

  // The line of a value inside the document (`/Statement/1/Action/0`): its own line when the
  // document is written out in the file, else the line of the string that holds it.
  int line_of(const std::string& document_pointer) const;
};

// Finishes a policy a reader found, whose key, location (file, resource, pointer), lines and
// `document` (the value as written: an object, a JSON string or an intrinsic) are set: parses a
// string document, sets the line, finds opaque actions and, when there are none, parses the
// policy. A malformed policy is an error naming the file and the pointer (exit 2).
Status complete_found_policy(FoundPolicy& found);

struct PolicySet {
  std::string file;
  std::string kind;  // `cloudformation`, `terraform-plan`, `policy`
  std::vector<FoundPolicy> policies;
};

// complete_found_policy, then adds the policy to `set`; a second policy with the same key in
// one file is an error (before/after matching would be ambiguous).
Status add_found_policy(FoundPolicy found, PolicySet& set);

// `object[key]` when it is a string, else "" (names and addresses that are optional).
std::string string_member(const Json& object, const char* key);

}  // namespace leastpriv::iac
