// `leastpriv account`, the library part: the plan (account_plan.h) carried out — every job
// refined and verified by batch::process_unit (so the cache of `--cache DIR` is the batch
// cache, and a shared policy is refined and verified once; jobs with the same content key run in
// two rounds as batch's units do, batch/same_key_rounds.h, and share the run's entry tries) —
// IAM's size limits checked, and
// the report built: one GetFindingRecommendation-shaped result per principal with findings,
// what was set aside, and a summary.
//
// Tested by: tests/unit/account_plan_test.cpp, tests/cli/account_cli_test.cpp
//
// IMPLEMENTATION: size limits (non-whitespace characters, engine::policy_character_count):
// 6,144 for each managed policy a step creates or replaces; for inline policies the sum over
// one holder: 10,240 for a role's, 2,048 for a user's, 5,120 for a group's (unchanged inline
// policies of the holder count as they are). A result over its limit is kept and marked
// `over`; with `fit`, the jobs concerned are refined again with `bounded:N` — N the managed
// limit, or for an inline policy what the holder's other inline policies leave of the limit,
// largest first — and verified again; a result that then fits is `fitted`, one that does not
// stays `over` — except a managed result, which --fit then splits into several managed
// policies `<name>-recommended-1…N` (account/policy_split.h), verified together as one
// document: CREATE_POLICY of each, then DETACH_POLICY of the policy, size `split`. Only a job with a result is refitted, and a bounded rerun that is not proved
// leaves the proved result in place (a warning says so). Steps: kReplace is CREATE_POLICY with existingPolicyId = the policy (the
// inline policy's name, the managed policy's ARN) and no DETACH_POLICY of it: its document is
// replaced; kCreateAndDetach is CREATE_POLICY (existingPolicyId = the policy it stands for)
// followed by DETACH_POLICY of it, the new policy's name in the report; a result with no Allow
// left is DETACH_POLICY alone. Only proved (or, with --no-verify, unverified) results are
// written as steps; another outcome marks the recommendation FAILED with its reason.
#pragma once

#include "account/account_findings.h"
#include "account/account_plan.h"
#include "account/authorization_details.h"
#include "batch/process_unit.h"
#include "model/policy.h"
#include "model/result.h"

#include <array>
#include <cstddef>
#include <string>
#include <vector>

namespace leastpriv::account {

// IAM's quotas, in non-whitespace characters.
constexpr std::size_t kManagedLimit = 6144;
constexpr std::size_t kRoleInlineLimit = 10240;  // all inline policies of a role together
constexpr std::size_t kGroupInlineLimit = 5120;  // of a group
constexpr std::size_t kUserInlineLimit = 2048;   // of a user

// The limit of the inline policies of `holder` (`role/R`, `user/U`, `group/G`).
std::size_t inline_limit(const std::string& holder);

// The non-whitespace characters of a result line's refined policy (0 for `detach`); an Error
// when it has neither or its policy does not read back — never counted as 0.
Result<std::size_t> refined_characters(const model::Json& line, const std::string& id);

struct AccountOptions {
  batch::RunConfig config;
  PlanOptions plan;
  bool fit = false;
  unsigned jobs = 0;  // 0: one per hardware thread
};

struct AccountOutcome {
  model::Json report;
  std::array<std::size_t, 5> jobs_by_status{};  // indexed by batch::UnitStatus
  std::size_t cache_hits = 0;
  std::size_t same_as_earlier = 0;  // jobs that took the outcome of an earlier job with the same key
  std::size_t over_limit = 0;  // results over their limit (after --fit, if given)
  std::size_t fitted = 0;      // results brought under their limit by --fit (split ones included)
  std::size_t split = 0;       // of those, managed results split into several policies
  std::vector<std::string> warnings;  // one per result over its limit, for stderr

  std::size_t count(batch::UnitStatus status) const { return jobs_by_status[static_cast<std::size_t>(status)]; }
};

// `findings` is taken by value and let go once the plan is made (pass it with std::move).
Result<AccountOutcome> run_account(const AccountDetails& details, AccountFindings findings, const AccountOptions& options);

}  // namespace leastpriv::account
