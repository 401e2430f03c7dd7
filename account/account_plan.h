// What `leastpriv account` will do, before anything is refined: for each principal with
// findings, each of its policies — its own inline ones, its attached managed ones, and through
// its groups (users) the groups' inline and attached ones — with the step AWS would recommend
// and the unused set it is refined against; the refinement jobs, one per distinct result.
//
// Tested by: tests/unit/account_plan_test.cpp
//
// IMPLEMENTATION: the rule for a policy several principals hold (a customer managed policy
// attached to several roles, a group's policy held by every member): editing it changes every
// holder, so it may lose only what ALL holders leave unused — the intersection of their unused
// sets (unused_by_all). A holder without findings is taken to use everything, so it blocks the
// refinement (the plan says so on every holder with findings). `--per-principal-copies`
// instead gives each holder with findings its own refined copy (CREATE_POLICY
// `<name>-<principal>-recommended` plus DETACH_POLICY of the shared one), refined against its
// own findings; group policies — inline or managed ones attached to the group — cannot be
// detached from one member, so they always follow the intersection. An AWS managed policy is
// never edited: its holders with findings get a customer managed copy `<name>-recommended`,
// refined against what they all leave unused (or, with --per-principal-copies, one copy each);
// holders without findings keep the AWS policy and do not block — unless it is held through a
// group, whose DETACH_POLICY every member feels: then a member without findings blocks it. A
// customer managed policy is edited only when its AttachmentCount equals the attachments the
// file shows: an export made with --filter may leave holders out, and editing would change them.
// A policy none of whose allowed actions is unused by its holders needs no job.
// Every per-principal entry records what stays allowed because another holder uses it.
#pragma once

#include "account/account_findings.h"
#include "account/authorization_details.h"
#include "model/findings.h"

#include <cstddef>
#include <limits>
#include <string>
#include <vector>

namespace leastpriv::account {

enum class PolicyKind {
  kInline,          // the principal's own inline policy
  kGroupInline,     // an inline policy of one of the user's groups
  kCustomerManaged,
  kAwsManaged,
};
const char* policy_kind_name(PolicyKind kind);  // `inline`, `group-inline`, `customer-managed`, `aws-managed`

// How a policy's refined result is applied.
enum class StepKind {
  kReplace,          // the policy itself gets the refined document (inline, customer managed)
  kCreateAndDetach,  // a new customer managed policy with the refined document; the old one detached
  kUnchanged,        // nothing it allows is unused by its holders
  kSkipped,          // not refined; `reason` says why
};

constexpr std::size_t kNoJob = std::numeric_limits<std::size_t>::max();

// One refinement: a document refined against one unused set (batch::process_unit).
struct Job {
  std::string id;  // the policy id, `#<principal ARN>` appended for a per-principal copy
  const PolicyText* document = nullptr;
  model::UnusedFindings findings;
  // Where a size limit applies to the result alone (managed policies), or to the sum of one
  // holder's inline policies (`role/R`, `user/U`, `group/G`).
  bool managed_result = false;
  std::string inline_holder;
};

// One policy of one principal.
struct PolicyEntry {
  std::string policy_id;           // the ARN, or `role/R/inline/P`, `group/G/inline/P`
  PolicyKind kind = PolicyKind::kInline;
  std::string name;                // PolicyName
  std::string existing_policy_id;  // what the steps name: the ARN, or the inline policy's name
  std::string via;                 // `group/G` when held through a group
  StepKind step = StepKind::kSkipped;
  std::string reason;              // for kSkipped and kUnchanged
  std::size_t job = kNoJob;
  std::string new_policy_name;     // kCreateAndDetach
  std::vector<std::string> shared_with;      // the first 10 other holders' ARNs, in details order
  std::size_t shared_with_count = 0;         // every other holder
  // `s3:PutObject (used by `arn:…`)`: up to 3 ARNs named, or of more the first and `and N more`.
  std::vector<std::string> kept_for_others;
};

struct PrincipalEntry {
  std::size_t principal = 0;  // index into AccountDetails::principals
  std::vector<PolicyEntry> policies;
  std::vector<std::string> notes;  // things seen and left alone (a permissions boundary, a missing group)
};

struct PlanOptions {
  bool per_principal_copies = false;
};

struct AccountPlan {
  std::vector<Job> jobs;
  std::vector<PrincipalEntry> principals;  // the principals with findings, in details order
  std::vector<SetAside> set_aside;         // findings about no principal of the details, and the reader's
  std::size_t principals_without_findings = 0;
};

// The actions every one of `sets` says are unused: an action one of them uses is not in it.
model::UnusedFindings unused_by_all(const std::vector<const model::UnusedFindings*>& sets);

AccountPlan plan_account(const AccountDetails& details, const AccountFindings& findings, const PlanOptions& options);

}  // namespace leastpriv::account
