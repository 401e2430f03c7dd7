// The account's unused-access findings, by principal: a folder of JSON files or one JSON Lines
// file, each file (or line) a GetFindingV2 response of IAM Access Analyzer — whose `resource`
// ARN names the role or user — or a ListFindingsV2 page (`findings`: the summaries, which say
// which principals have findings but not which actions are unused).
//
// Tested by: tests/unit/account_details_test.cpp
//
// IMPLEMENTATION: a response is read by the one findings reader both sides share
// (model::UnusedFindings), so the unused set of a principal is exactly what `refine --findings`
// would make of the same response. Responses about one principal are merged (each says what is
// unused; their union is). A finding that is not of type UnusedPermission (UnusedIAMRole,
// UnusedIAMUserAccessKey, UnusedIAMUserPassword) or not ACTIVE removes nothing and is set
// aside with the reason, never dropped silently; so is a principal a ListFindingsV2 page lists
// with an UnusedPermission finding whose GetFindingV2 response was not given. Folder entries
// are read in name order (a run does not depend on the directory's order).
#pragma once

#include "model/findings.h"
#include "model/result.h"

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace leastpriv::account {

// A finding that removes nothing, and why.
struct SetAside {
  std::string where;     // `findings/r1.json`, `findings.jsonl:3`
  std::string resource;  // the principal's ARN, when the finding names one
  std::string reason;
};

struct AccountFindings {
  std::map<std::string, model::UnusedFindings> by_principal;  // by resource ARN
  std::vector<SetAside> set_aside;
  std::set<std::string> listed;  // ARNs with an UnusedPermission finding in a ListFindingsV2 page
  std::size_t responses = 0;     // GetFindingV2 responses read
};

// Adds one JSON value's text (a GetFindingV2 response, a ListFindingsV2 page, or an array of
// either) to `findings`; `where` names it in messages.
Status add_findings_text(std::string_view text, const std::string& where, AccountFindings& findings);

// Reads a folder (every `*.json` file in it) or a JSON Lines file (one value a line; blank
// lines skipped). Afterwards, principals listed but without details are set aside.
Result<AccountFindings> read_account_findings(const std::string& path);

// `into` ∪ `more` (both unused: so is every action either lists).
void merge_findings(model::UnusedFindings& into, const model::UnusedFindings& more);

}  // namespace leastpriv::account
