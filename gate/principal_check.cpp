// The policies of one principal taken together; see principal_check.h.
#include "gate/principal_check.h"

#include "gate/finding_text.h"
#include "gate/rules.h"
#include "model/json_text.h"
#include "verifier/access/no_new_access.h"

#include <algorithm>
#include <set>

namespace leastpriv::gate {

namespace {

// A principal's policies as one document; `origin[k]` is the policy of statement k.
struct Combined {
  model::PolicyDocument document;
  std::vector<std::pair<const iac::FoundPolicy*, std::size_t>> origin;  // policy, its statement index
  bool complete = true;  // every policy of the principal could be read
  bool has_deny = false;
};

Combined combine(const iac::PolicySet& set, const std::string& principal) {
  Combined combined;
  combined.document.source = model::Json{{"Version", "2012-10-17"}, {"Statement", model::Json::array()}};
  for (const auto& policy : set.policies) {
    if (std::find(policy.principals.begin(), policy.principals.end(), principal) == policy.principals.end()) continue;
    if (!policy.policy.has_value()) {
      combined.complete = false;
      continue;
    }
    for (std::size_t i = 0; i < policy.policy->statements.size(); ++i) {
      const model::Statement& statement = policy.policy->statements[i];
      combined.has_deny = combined.has_deny || statement.effect == model::Effect::kDeny;
      combined.document.statements.push_back(statement);
      combined.document.source["Statement"].push_back(statement.source);
      combined.origin.emplace_back(&policy, i);
    }
  }
  return combined;
}

// A policy already reported as granting new access, or as new (everything it allows is new).
bool reported_as_new(const GateReport& report, const std::string& policy_key) {
  return std::any_of(report.findings.begin(), report.findings.end(), [&](const GateFinding& finding) {
    return (finding.rule_id == kNewAccess || finding.rule_id == kNewPolicy) && finding.policy_key == policy_key;
  });
}

}  // namespace

Status check_principals(const iac::PolicySet& current, const iac::PolicySet& before, const model::Catalog& catalog,
                        const verifier::VerifyOptions& options, GateReport& report) {
  std::set<std::string> principals;
  for (const auto& policy : before.policies) principals.insert(policy.principals.begin(), policy.principals.end());
  for (const auto& principal : principals) {
    const Combined old_side = combine(before, principal);
    if (!old_side.has_deny) continue;
    const Combined new_side = combine(current, principal);
    if (!old_side.complete || !new_side.complete || new_side.origin.empty()) continue;
    if (model::canonical_json_text(old_side.document.source) == model::canonical_json_text(new_side.document.source)) continue;
    auto result = verifier::check_no_new_access(old_side.document, new_side.document, catalog, verifier::AccessCheckOptions{options});
    if (!result) return result.error();
    if (result->verdict == verifier::AccessVerdict::kNoNewAccess) continue;
    const iac::FoundPolicy& first = *new_side.origin.front().first;
    if (result->verdict == verifier::AccessVerdict::kUnknown) {
      report.findings.push_back(finding_for(kUndecided, first, "",
                                            "`" + principal + "` with all its policies together: no new access could not be decided: " +
                                                result->reason,
                                            "principal|" + principal));
      continue;
    }
    std::set<std::string> reported;
    for (const auto& access : result->new_access) {
      if (access.statement_index >= new_side.origin.size()) continue;
      const auto& [policy, index] = new_side.origin[access.statement_index];
      if (reported_as_new(report, policy->key)) continue;
      const model::Statement& statement = policy->policy->statements[index];
      const std::string statement_pointer =
          policy->policy->statement_as_object ? "/Statement" : "/Statement/" + std::to_string(index);
      std::string entry;
      const std::string pointer = granting_pointer(statement, statement_pointer, access.action, entry);
      if (!reported.insert(policy->key + pointer).second) continue;
      const std::string label = statement_label(statement, index);
      GateFinding finding = finding_for(
          kNewAccess, *policy, pointer,
          "`" + principal + "` with all its policies together allows `" + access.action + "` (through " + policy_label(*policy) +
              ", " + label + ", entry `" + entry + "`), which it did not before: a Deny of its policies that limited it is gone",
          "principal|" + principal + "|" + label + "|" + entry);
      finding.properties = model::Json{{"action", access.action}, {"principal", principal}, {"statement", index},
                                       {"entry", entry}, {"obligation", access.obligation_id}};
      report.findings.push_back(std::move(finding));
    }
  }
  return Ok{};
}

}  // namespace leastpriv::gate
