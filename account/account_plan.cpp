// Planning an account's refinement; see account_plan.h.
#include "account/account_plan.h"

#include "batch/unit.h"

#include <algorithm>
#include <map>
#include <set>

namespace leastpriv::account {

const char* policy_kind_name(PolicyKind kind) {
  switch (kind) {
    case PolicyKind::kInline: return "inline";
    case PolicyKind::kGroupInline: return "group-inline";
    case PolicyKind::kCustomerManaged: return "customer-managed";
    case PolicyKind::kAwsManaged: return "aws-managed";
  }
  return "inline";
}

model::UnusedFindings unused_by_all(const std::vector<const model::UnusedFindings*>& sets) {
  model::UnusedFindings all;
  if (sets.empty()) return all;
  const auto everyone = [&](auto&& unused) {
    return std::all_of(sets.begin(), sets.end(), [&](const model::UnusedFindings* set) { return unused(*set); });
  };
  for (const auto& service : sets.front()->unused_services()) {
    if (everyone([&](const model::UnusedFindings& set) {
          return std::binary_search(set.unused_services().begin(), set.unused_services().end(), service);
        })) {
      all.add_unused_service(service);
    }
  }
  // An action listed by one set is unused by all when every set lists it or has its whole service.
  for (const model::UnusedFindings* set : sets) {
    for (const auto& action : set->unused_actions()) {
      if (all.is_unused(action)) continue;
      if (!everyone([&](const model::UnusedFindings& other) { return other.is_unused(action); })) continue;
      all.add_unused_action_from(*set, action);
    }
  }
  return all;
}

namespace {

// One policy some principal with findings holds.
struct Source {
  std::string id;
  PolicyKind kind = PolicyKind::kInline;
  std::string name;
  std::string existing_policy_id;
  std::string inline_holder;
  const PolicyText* document = nullptr;  // null: a managed policy the file has no document of
  std::vector<std::size_t> holders;      // principals, in details order
  std::vector<std::size_t> group_holders;  // of those, the ones holding it through a group
};

struct Holding {
  std::string source_id;
  std::string via;
};

std::string principal_path(const Principal& principal) {
  return std::string(principal_kind_name(principal.kind)) + "/" + principal.name;
}

std::string arn_list(const std::vector<std::string>& arns) {
  std::string text;
  for (const auto& arn : arns) text += (text.empty() ? "`" : ", `") + arn + "`";
  return text;
}

class Planner {
 public:
  Planner(const AccountDetails& details, const AccountFindings& findings, const PlanOptions& options)
      : details_(details), findings_(findings), options_(options) {}

  AccountPlan plan() {
    index_holdings();
    std::set<std::string> known;
    for (std::size_t i = 0; i < details_.principals.size(); ++i) {
      const Principal& principal = details_.principals[i];
      known.insert(principal.arn);
      if (unused_of(i) == nullptr) {
        ++plan_.principals_without_findings;
        continue;
      }
      PrincipalEntry entry;
      entry.principal = i;
      std::set<std::string> seen;
      for (const Holding& holding : held_[i]) {
        if (!seen.insert(holding.source_id).second) continue;  // held directly and through a group
        const bool via_group = std::any_of(held_[i].begin(), held_[i].end(), [&](const Holding& other) {
          return other.source_id == holding.source_id && !other.via.empty();
        });
        entry.policies.push_back(decide(sources_.at(holding.source_id), i, holding.via, via_group));
      }
      if (!principal.permissions_boundary.empty()) {
        entry.notes.push_back("permissions boundary `" + principal.permissions_boundary +
                              "` left alone: it limits what the policies grant and grants nothing itself");
      }
      for (const auto& group : principal.groups) {
        if (!details_.groups.contains(group)) {
          entry.notes.push_back("group `" + group + "` is not in the authorization details: its policies were not seen");
        }
      }
      if (entry.policies.empty()) entry.notes.push_back("no identity policy in the authorization details: nothing to refine");
      plan_.principals.push_back(std::move(entry));
    }
    plan_.set_aside = findings_.set_aside;
    for (const auto& [arn, unused] : findings_.by_principal) {
      if (!known.contains(arn)) {
        plan_.set_aside.push_back({"", arn, "no role or user with this ARN in the authorization details: nothing refined"});
      }
    }
    return std::move(plan_);
  }

 private:
  const model::UnusedFindings* unused_of(std::size_t principal) const {
    const auto found = findings_.by_principal.find(details_.principals[principal].arn);
    return found == findings_.by_principal.end() ? nullptr : &found->second;
  }

  void hold(std::size_t principal, Source source, const std::string& via) {
    auto [place, fresh] = sources_.try_emplace(source.id, std::move(source));
    auto& holders = place->second.holders;
    if (std::find(holders.begin(), holders.end(), principal) == holders.end()) holders.push_back(principal);
    auto& group_holders = place->second.group_holders;
    if (!via.empty() && std::find(group_holders.begin(), group_holders.end(), principal) == group_holders.end()) {
      group_holders.push_back(principal);
    }
    held_[principal].push_back({place->first, via});
  }

  Source managed_source(const std::string& arn) const {
    Source source;
    source.id = arn;
    source.existing_policy_id = arn;
    source.kind = is_aws_managed_arn(arn) ? PolicyKind::kAwsManaged : PolicyKind::kCustomerManaged;
    const auto found = details_.managed.find(arn);
    if (found != details_.managed.end()) {
      source.name = found->second.name;
      if (found->second.has_document) source.document = &found->second.document;
    } else {
      source.name = arn.substr(arn.rfind('/') + 1);
    }
    return source;
  }

  static Source inline_source(const std::string& holder, const InlinePolicy& policy, PolicyKind kind) {
    Source source;
    source.id = holder + "/inline/" + policy.name;
    source.kind = kind;
    source.name = policy.name;
    source.existing_policy_id = policy.name;
    source.inline_holder = holder;
    source.document = &policy.document;
    return source;
  }

  void index_holdings() {
    for (const auto& principal : details_.principals) {
      for (const auto& arn : principal.attached) ++attachments_seen_[arn];
    }
    for (const auto& [name, group] : details_.groups) {
      for (const auto& arn : group.attached) ++attachments_seen_[arn];
    }
    held_.resize(details_.principals.size());
    for (std::size_t i = 0; i < details_.principals.size(); ++i) {
      const Principal& principal = details_.principals[i];
      for (const auto& policy : principal.inline_policies) hold(i, inline_source(principal_path(principal), policy, PolicyKind::kInline), "");
      for (const auto& arn : principal.attached) hold(i, managed_source(arn), "");
      for (const auto& group_name : principal.groups) {
        const auto group = details_.groups.find(group_name);
        if (group == details_.groups.end()) continue;
        const std::string via = "group/" + group_name;
        for (const auto& policy : group->second.inline_policies) hold(i, inline_source(via, policy, PolicyKind::kGroupInline), via);
        for (const auto& arn : group->second.attached) hold(i, managed_source(arn), via);
      }
    }
  }

  // The job refining `source` against `unused` under `job_id` (one per id), or kNoJob when the
  // policy allows none of those actions.
  std::size_t job_for(const Source& source, const std::string& job_id, const model::UnusedFindings& unused) {
    if (const auto found = job_of_.find(job_id); found != job_of_.end()) return found->second;
    std::size_t index = kNoJob;
    // Only what the policy can allow: the rest is about the principal's other policies, and
    // would only make the findings warnings of process_unit noisy.
    model::UnusedFindings touching = batch::touching_findings(source.document->policy.document, unused);
    if (!touching.empty()) {
      Job job;
      job.id = job_id;
      job.document = source.document;
      job.findings = std::move(touching);
      job.managed_result = source.kind == PolicyKind::kCustomerManaged || source.kind == PolicyKind::kAwsManaged ||
                           job_id != source.id;
      if (!job.managed_result) job.inline_holder = source.inline_holder;
      index = plan_.jobs.size();
      plan_.jobs.push_back(std::move(job));
    }
    job_of_[job_id] = index;
    return index;
  }

  // What of the principal's own unused actions `source` allows but `unused` keeps, and who uses each.
  std::vector<std::string> kept_for_others(const Source& source, std::size_t principal, const model::UnusedFindings& unused,
                                           const std::vector<std::size_t>& others) const {
    std::vector<std::string> kept;
    const model::UnusedFindings own = batch::touching_findings(source.document->policy.document, *unused_of(principal));
    const auto users = [&](auto&& uses) {
      std::vector<std::string> arns;
      for (std::size_t other : others) {
        const model::UnusedFindings* theirs = unused_of(other);
        if (theirs == nullptr || uses(*theirs)) arns.push_back(details_.principals[other].arn);
      }
      return arns;
    };
    for (const auto& action : own.unused_actions()) {
      if (unused.is_unused(action)) continue;
      kept.push_back(own.spelling(action) + " (used by " +
                     arn_list(users([&](const model::UnusedFindings& theirs) { return !theirs.is_unused(action); })) + ")");
    }
    for (const auto& service : own.unused_services()) {
      if (std::binary_search(unused.unused_services().begin(), unused.unused_services().end(), service)) continue;
      kept.push_back(service + ":* (partly used by " + arn_list(users([&](const model::UnusedFindings& theirs) {
                       return !std::binary_search(theirs.unused_services().begin(), theirs.unused_services().end(), service);
                     })) + ")");
    }
    return kept;
  }

  void refine(PolicyEntry& entry, const Source& source, std::size_t principal, const std::string& job_id,
              const model::UnusedFindings& unused, const std::vector<std::size_t>& sharing) {
    entry.job = job_for(source, job_id, unused);
    std::vector<std::size_t> others;
    for (std::size_t holder : sharing) {
      if (holder != principal) others.push_back(holder);
    }
    if (!others.empty()) entry.kept_for_others = kept_for_others(source, principal, unused, others);
    if (entry.job == kNoJob) {
      entry.step = StepKind::kUnchanged;
      entry.reason = others.empty() ? "it allows none of the unused actions"
                                    : "it allows none of the actions all its principals leave unused";
    }
  }

  // Why a customer managed policy may not be edited although every holder in the file has
  // findings: IAM attaches it to more roles, users and groups than the file shows (an export
  // made with --filter leaves holders out), and editing it would change those too. Empty: it may.
  std::string holders_left_out(const Source& source) const {
    const auto found = details_.managed.find(source.id);
    if (found == details_.managed.end()) return "";
    const std::size_t seen = attachments_seen_.count(source.id) != 0 ? attachments_seen_.at(source.id) : 0;
    const auto& count = found->second.attachment_count;
    if (!count) {
      return "the authorization details give no AttachmentCount of `" + source.id +
             "`, so holders outside them cannot be ruled out: not edited";
    }
    if (*count == seen) return "";
    return "IAM says `" + source.id + "` is attached " + std::to_string(*count) + " times, the authorization details show " +
           std::to_string(seen) + " (an export made with --filter?): editing it would change holders not seen; not edited";
  }

  PolicyEntry decide(const Source& source, std::size_t principal, const std::string& via, bool via_group) {
    PolicyEntry entry;
    entry.policy_id = source.id;
    entry.kind = source.kind;
    entry.name = source.name;
    entry.existing_policy_id = source.existing_policy_id;
    entry.via = via;
    std::vector<std::size_t> with;
    std::vector<std::string> without;
    for (std::size_t holder : source.holders) {
      if (holder != principal) entry.shared_with.push_back(details_.principals[holder].arn);
      if (unused_of(holder) != nullptr) {
        with.push_back(holder);
      } else {
        without.push_back(details_.principals[holder].arn);
      }
    }
    if (source.document == nullptr) {
      entry.step = StepKind::kSkipped;
      entry.reason = "the authorization details hold no default version of `" + source.id +
                     "` (made with a --filter that left out its kind of managed policy?)";
      return entry;
    }
    const Principal& holder = details_.principals[principal];
    const bool managed = source.kind == PolicyKind::kCustomerManaged || source.kind == PolicyKind::kAwsManaged;
    // A copy is for a policy the principal holds itself: one held through a group cannot be
    // detached from one member.
    if (managed && options_.per_principal_copies && source.holders.size() > 1 && !via_group) {
      entry.step = StepKind::kCreateAndDetach;
      entry.new_policy_name = source.name + "-" + holder.name + "-recommended";
      refine(entry, source, principal, source.id + "#" + holder.arn, *unused_of(principal), {});
      return entry;
    }
    if (source.kind == PolicyKind::kAwsManaged && via_group) {
      // Its DETACH_POLICY is from the group: every member loses it, so a member without
      // findings (who counts as using every action) blocks it as for any shared policy.
      std::vector<std::string> members_without;
      for (std::size_t member : source.group_holders) {
        if (unused_of(member) == nullptr) members_without.push_back(details_.principals[member].arn);
      }
      if (!members_without.empty()) {
        entry.step = StepKind::kSkipped;
        entry.reason = "held through " + via + ", whose members include " + arn_list(members_without) +
                       ", which has no findings (a principal without findings counts as using every action): not replaced";
        return entry;
      }
    }
    if (source.kind == PolicyKind::kAwsManaged) {
      // Never edited; the holders without findings keep it as it is (held directly, it is
      // detached from the principals with findings alone), so they do not block.
      entry.step = StepKind::kCreateAndDetach;
      entry.new_policy_name = source.name + "-recommended";
      std::vector<const model::UnusedFindings*> sets;
      for (std::size_t h : with) sets.push_back(unused_of(h));
      refine(entry, source, principal, source.id, unused_by_all(sets), with);
      return entry;
    }
    if (!without.empty()) {
      entry.step = StepKind::kSkipped;
      entry.reason = std::string(source.kind == PolicyKind::kGroupInline ? "the group's members include " : "also attached to ") +
                     arn_list(without) +
                     ", which has no findings (a principal without findings counts as using every action): not refined";
      if (source.kind == PolicyKind::kCustomerManaged) entry.reason += "; --per-principal-copies gives each principal with findings its own refined copy";
      return entry;
    }
    if (source.kind == PolicyKind::kCustomerManaged) {
      if (std::string left_out = holders_left_out(source); !left_out.empty()) {
        entry.step = StepKind::kSkipped;
        entry.reason = std::move(left_out);
        return entry;
      }
    }
    entry.step = StepKind::kReplace;
    std::vector<const model::UnusedFindings*> sets;
    for (std::size_t h : with) sets.push_back(unused_of(h));
    refine(entry, source, principal, source.id, sets.size() == 1 ? *sets.front() : unused_by_all(sets), with);
    return entry;
  }

  const AccountDetails& details_;
  const AccountFindings& findings_;
  const PlanOptions& options_;
  std::map<std::string, Source> sources_;
  std::vector<std::vector<Holding>> held_;
  std::map<std::string, std::size_t> job_of_;
  std::map<std::string, std::size_t> attachments_seen_;  // managed policy ARN -> roles, users and groups it is attached to
  AccountPlan plan_;
};

}  // namespace

AccountPlan plan_account(const AccountDetails& details, const AccountFindings& findings, const PlanOptions& options) {
  return Planner(details, findings, options).plan();
}

}  // namespace leastpriv::account
