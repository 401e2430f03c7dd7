// One gate run; see gate_run.h.
#include "gate/gate_run.h"

#include "engine/refine.h"
#include "gate/finding_text.h"
#include "gate/principal_check.h"
#include "engine/strategies/strategy.h"
#include "model/json_text.h"
#include "verifier/access/no_new_access.h"

#include <algorithm>
#include <set>

namespace leastpriv::gate {

namespace {

bool binds(const FindingsBinding& binding, const iac::FoundPolicy& policy) {
  if (binding.principal.empty()) return true;
  if (binding.principal == policy.key || binding.principal == policy.location.resource) return true;
  return std::find(policy.principals.begin(), policy.principals.end(), binding.principal) != policy.principals.end();
}

class GateRun {
 public:
  GateRun(const std::vector<FindingsBinding>& findings, const model::Catalog& catalog, const GateOptions& options)
      : findings_(findings), catalog_(catalog), options_(options) {}

  Status check(const iac::FoundPolicy& policy, const iac::FoundPolicy* before, bool has_before, GateReport& report) {
    CheckedPolicy checked{policy.key, policy.location, ""};
    if (policy.unknown) {
      report.findings.push_back(finding_for(kUnknownValue, policy, "",
                                            policy_label(policy) + ": the policy is known only after apply (after_unknown); "
                                            "it cannot be checked",
                                            "unknown"));
      checked.outcome = "unknown-value";
    } else if (!policy.opaque.empty()) {
      for (const auto& opaque : policy.opaque) {
        report.findings.push_back(finding_for(kOpaqueAction, policy, opaque.pointer,
                                              policy_label(policy) + ": `" + opaque.text + "` at " + opaque.pointer +
                                                  " decides which actions are allowed and is known only at deployment; "
                                                  "not checked (never guessed)",
                                              opaque.pointer + "|" + opaque.text));
      }
      checked.outcome = "opaque";
    } else if (!has_before) {
      checked.outcome = "read";
    } else if (before == nullptr) {
      report.findings.push_back(finding_for(kNewPolicy, policy, "",
                                            policy_label(policy) + " is new: everything it allows is new access", "new"));
      checked.outcome = "new-policy";
    } else {
      auto outcome = compare(policy, *before, report);
      if (!outcome) return outcome.error();
      checked.outcome = *outcome;
    }
    if (policy.policy.has_value()) {
      for (const auto& binding : findings_) {
        if (!binds(binding, policy)) continue;
        auto refined = refine(policy, binding, report);
        if (!refined) return refined.error();
        if (*refined) checked.outcome += "; refined";
      }
    }
    report.policies.push_back(std::move(checked));
    return Ok{};
  }

 private:
  Result<std::string> compare(const iac::FoundPolicy& policy, const iac::FoundPolicy& before, GateReport& report) {
    if (before.unknown || !before.policy.has_value()) {
      report.findings.push_back(finding_for(kUndecided, policy, "",
                                            policy_label(policy) + ": its version before (" + before.location.file + " " +
                                                before.location.pointer + ") is not known or has opaque actions; "
                                                "no comparison is possible",
                                            "before-opaque"));
      return std::string("undecided");
    }
    // The same document text allows the same requests: no query needed.
    if (model::canonical_json_text(before.document) == model::canonical_json_text(policy.document)) {
      return std::string("no-new-access");
    }
    verifier::AccessCheckOptions access_options{options_.verify};
    auto result = verifier::check_no_new_access(*before.policy, *policy.policy, catalog_, access_options);
    if (!result) return result.error();
    if (result->verdict == verifier::AccessVerdict::kNoNewAccess) return std::string("no-new-access");
    if (result->verdict == verifier::AccessVerdict::kUnknown) {
      report.findings.push_back(finding_for(kUndecided, policy, "",
                                            policy_label(policy) + ": no new access could not be decided: " + result->reason,
                                            "compare"));
      return std::string("undecided");
    }
    std::set<std::string> reported;  // one result per granting entry
    for (const auto& access : result->new_access) {
      if (access.statement_index >= policy.policy->statements.size()) continue;
      const model::Statement& statement = policy.policy->statements[access.statement_index];
      std::string entry;
      const std::string pointer = granting_pointer(statement, access.statement_pointer, access.action, entry);
      const std::string label = statement_label(statement, access.statement_index);
      if (!reported.insert(pointer).second) continue;
      GateFinding finding = finding_for(
          kNewAccess, policy, pointer,
          policy_label(policy) + " allows `" + access.action + "`, which its version before does not allow (" + label +
              ", entry `" + entry + "`)" + (access.explanation.empty() ? "" : ": " + access.explanation),
          label + "|" + entry);
      finding.properties = model::Json{{"action", access.action},
                                       {"statement", access.statement_index},
                                       {"statementPointer", access.statement_pointer},
                                       {"entry", entry},
                                       {"obligation", access.obligation_id}};
      if (!access.sid.empty()) finding.properties["sid"] = access.sid;
      report.findings.push_back(std::move(finding));
    }
    return std::string("new-access");
  }

  // True when the findings changed the policy and the result was proved.
  Result<bool> refine(const iac::FoundPolicy& policy, const FindingsBinding& binding, GateReport& report) {
    auto strategy = engine::make_strategy(options_.strategy);
    if (!strategy) return strategy.error();
    const engine::Refinement refinement = engine::refine_policy(*policy.policy, binding.findings, catalog_, **strategy);
    // Findings are about a principal, which may have several policies: an unused action one of
    // them does not allow is no news about that policy, so only a changed policy's warnings count.
    if (!refinement.changed()) return false;
    for (const auto& warning : refinement.warnings) report.warnings.push_back(policy.key + ": " + warning);
    const model::PolicyDocument refined = refinement.detach ? model::PolicyDocument{} : refinement.document;
    auto verified = verifier::verify_refinement(*policy.policy, binding.findings, refined, catalog_, options_.verify);
    if (!verified) return verified.error();
    if (verified->verdict != verifier::Verdict::kProved || verified->disagreement) {
      report.findings.push_back(finding_for(kUndecided, policy, "",
                                            policy_label(policy) + ": the refinement with the findings of `" + binding.file +
                                                "` was not proved (" + verifier::verdict_name(verified->verdict) + ")",
                                            "refine|" + binding.file));
      return false;
    }
    std::vector<std::string> entries;
    model::Json changes = model::Json::array();
    for (const auto& change : refinement.changes) {
      for (const auto& entry : change.entries) {
        entries.push_back("`" + entry.entry + "`");
        changes.push_back(model::Json{{"statement", change.statement_index}, {"entry", entry.entry},
                                      {"replacement", entry.replacement}});
      }
      for (const auto& added : change.added_to_not_action) {
        changes.push_back(model::Json{{"statement", change.statement_index}, {"addedToNotAction", added}});
      }
    }
    const std::size_t first_statement = refinement.changes.front().statement_index;
    const std::string where = policy.policy->statement_as_object ? "/Statement" : "/Statement/" + std::to_string(first_statement);
    std::string listed;
    for (std::size_t i = 0; i < entries.size() && i < 5; ++i) listed += (i ? ", " : "") + entries[i];
    if (entries.size() > 5) listed += ", ...";
    GateFinding finding = finding_for(
        kUnusedAccess, policy, where,
        policy_label(policy) + " allows actions that the findings of `" + binding.file + "` show unused" +
            (listed.empty() ? "" : " (entries " + listed + ")") +
            (refinement.detach ? "; no statement is needed: detach the policy"
                               : "; the refined policy, proved to allow exactly the original minus the unused actions, "
                                 "is in properties.refinedPolicy"),
        binding.file);
    finding.properties = model::Json{{"findings", binding.file}, {"changes", changes}, {"detach", refinement.detach},
                                     {"obligationsProved", verified->obligations.size()}};
    if (!refinement.detach) finding.properties["refinedPolicy"] = model::policy_to_json(refinement.document);
    report.findings.push_back(std::move(finding));
    return true;
  }

  const std::vector<FindingsBinding>& findings_;
  const model::Catalog& catalog_;
  const GateOptions& options_;
};

}  // namespace

Result<GateReport> run_gate(const iac::PolicySet& current, const std::optional<iac::PolicySet>& before,
                            const std::vector<FindingsBinding>& findings, const model::Catalog& catalog,
                            const GateOptions& options) {
  GateReport report;
  report.file = current.file;
  if (before.has_value()) report.reference_file = before->file;
  GateRun run(findings, catalog, options);
  for (const auto& policy : current.policies) {
    const iac::FoundPolicy* previous = nullptr;
    if (before.has_value()) {
      for (const auto& candidate : before->policies) {
        if (candidate.key == policy.key) previous = &candidate;
      }
    }
    if (auto status = run.check(policy, previous, before.has_value(), report); !status) return status.error();
  }
  if (before.has_value()) {
    if (auto status = check_principals(current, *before, catalog, options.verify, report); !status) return status.error();
  }
  return report;
}

}  // namespace leastpriv::gate
