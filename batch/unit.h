// One work unit of `leastpriv batch`: a line `{"id": "…", "policy": {…}, "findings": […]}`
// (optional `"strategy"`), read into what refine needs, and the unit's content key.
//
// Tested by: tests/unit/batch_unit_test.cpp
//
// IMPLEMENTATION: the findings a unit's result depends on are only the unused actions its
// policy can allow (touching_findings): a refinement removes from what the original allows, and
// O2/O3 ask about U ∩ (what O allows) only once O1 holds (R ⊆ O). So the unit is refined and
// verified against those findings, and its key — SHA-256 of the format, leastpriv's version, the
// catalog's canonical hash, the strategy, the verification mode, the policy as written and the
// touching findings' text — is the same for every principal whose findings agree on this policy:
// a shared managed policy is refined, verified and certified once (batch/cache.h).
#pragma once

#include "model/findings.h"
#include "model/policy.h"
#include "model/policy_input.h"
#include "model/result.h"

#include <string>
#include <string_view>

namespace leastpriv::batch {

struct Unit {
  std::string id;
  std::string strategy;          // empty: the run's strategy
  model::LoadedPolicy policy;    // as read
  std::string policy_text;       // the policy value as written (compact): what a certificate binds
  model::UnusedFindings findings;  // as given
};

// Reads one input line (`where` names it in messages: `in.jsonl:12`). The id, when the line
// has one, is returned even for an otherwise bad line, so its output line can name it.
struct UnitRead {
  std::string id;
  Result<Unit> unit;
};
UnitRead read_unit(std::string_view line, const std::string& where);

// The findings restricted to what `policy` can allow: unused actions some Allow pattern
// matches, wholly unused services some Allow pattern could reach (everything, for an
// Allow+NotAction statement). Over-approximates U ∩ allows(O), which is all refinement and
// verification look at.
model::UnusedFindings touching_findings(const model::PolicyDocument& policy, const model::UnusedFindings& findings);

// The findings as the list form's text (`[{"serviceNamespace": "s3", "actions": [...]}, …]`),
// sorted: the bytes a unit's certificate binds as its findings file.
std::string findings_text(const model::UnusedFindings& findings);

// What else decides a unit's outcome besides its policy and touching findings.
struct KeyContext {
  std::string leastpriv_version;
  std::string catalog_sha256;
  std::string strategy;
  std::string verification;  // `none`, `fast`, `full`
};

// Lower-case hex SHA-256 of everything the unit's outcome depends on (header above).
std::string unit_key(const KeyContext& context, const std::string& policy_text, const std::string& touching_text);

}  // namespace leastpriv::batch
