// The IAM side of an account, as `aws iam get-account-authorization-details` prints it: roles
// and users (RoleDetailList, UserDetailList) with their inline policies (RolePolicyList,
// UserPolicyList: PolicyName, PolicyDocument), attached managed policies
// (AttachedManagedPolicies: PolicyArn) and, for users, their groups (GroupList); groups
// (GroupDetailList: GroupPolicyList, AttachedManagedPolicies); every managed policy (Policies:
// Arn, PolicyName, AttachmentCount, PolicyVersionList whose IsDefaultVersion entry holds the Document in force).
//
// Tested by: tests/unit/account_details_test.cpp
//
// IMPLEMENTATION: the file is parsed once (model/json_text.h); a document is a URL-encoded JSON
// string (as the IAM API returns it), plain JSON text or an object. Each document is kept as
// its compact JSON text, which is what a unit's certificate binds (batch/unit.h), and read by
// the shared policy reader, so a fault names the file, the pointer of the document and the
// pointer inside it. Several pages (an array of responses, as `--no-paginate` calls give) are
// read as one account. Fields leastpriv does not use (Tags, RoleLastUsed, trust policies) are
// not looked at: they grant nothing a refinement could remove.
#pragma once

#include "model/policy_input.h"
#include "model/result.h"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace leastpriv::account {

// A policy document as found in the file.
struct PolicyText {
  std::string where;   // `auth.json /RoleDetailList/0/RolePolicyList/1/PolicyDocument`
  std::string text;    // the document as compact JSON text
  model::LoadedPolicy policy;
};

struct InlinePolicy {
  std::string name;
  PolicyText document;
};

enum class PrincipalKind { kRole, kUser };

// A role or a user: what unused-access findings are about.
struct Principal {
  PrincipalKind kind = PrincipalKind::kRole;
  std::string name;
  std::string arn;
  std::vector<InlinePolicy> inline_policies;
  std::vector<std::string> attached;  // managed policy ARNs
  std::vector<std::string> groups;    // users only: group names
  std::string permissions_boundary;   // its ARN, or empty
};

struct Group {
  std::string name;
  std::string arn;
  std::vector<InlinePolicy> inline_policies;
  std::vector<std::string> attached;
};

struct ManagedPolicy {
  std::string arn;
  std::string name;
  bool aws_managed = false;   // arn:aws:iam::aws:policy/…: never edited
  bool has_document = false;  // a default version with a Document was given
  // AttachmentCount: to how many roles, users and groups of the account it is attached. More
  // than the file shows means holders the file left out (an export made with --filter).
  std::optional<std::size_t> attachment_count;
  PolicyText document;
};

struct AccountDetails {
  std::vector<Principal> principals;  // roles first, then users, in file order
  std::map<std::string, Group> groups;            // by name
  std::map<std::string, ManagedPolicy> managed;   // by ARN
};

// Is this the ARN of an AWS managed policy (`arn:<partition>:iam::aws:policy/…`)?
bool is_aws_managed_arn(std::string_view arn);

const char* principal_kind_name(PrincipalKind kind);  // `role`, `user`

Result<AccountDetails> read_authorization_details(std::string_view text, const std::string& file);
Result<AccountDetails> read_authorization_details_file(const std::string& path);

}  // namespace leastpriv::account
