// Planning an account's refinement; see account_plan.h.
#include "account/account_plan.h"

#include "batch/unit.h"

#include <algorithm>
#include <map>
#include <set>
#include <string_view>
#include <unordered_map>

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
  // Counted, not compared pairwise: a popular AWS managed policy has thousands of holders, and
  // asking every set about every other set's actions was quadratic in them. A service is unused
  // by all when every set leaves it wholly unused; an action of another service when every set
  // lists it or leaves its whole service unused (a set that does both counts once).
  std::unordered_map<std::string_view, std::size_t> wholly;
  for (const model::UnusedFindings* set : sets) {
    for (const auto& service : set->unused_services()) ++wholly[service];
  }
  for (const auto& service : sets.front()->unused_services()) {
    if (wholly[service] == sets.size()) all.add_unused_service(service);
  }
  const auto service_of = [](const std::string& action) { return std::string_view(action).substr(0, action.find(':')); };
  std::unordered_map<std::string_view, std::size_t> listed;
  for (const model::UnusedFindings* set : sets) {
    const auto& services = set->unused_services();
    for (const auto& action : set->unused_actions()) {
      if (!std::binary_search(services.begin(), services.end(), service_of(action))) ++listed[action];
    }
  }
  // In set order, so an action takes the spelling of the first set that lists it.
  for (const model::UnusedFindings* set : sets) {
    for (const auto& action : set->unused_actions()) {
      if (all.is_unused(action)) continue;
      const auto whole = wholly.find(service_of(action));
      if (listed[action] + (whole == wholly.end() ? 0 : whole->second) == sets.size()) all.add_unused_action_from(*set, action);
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

// A list of principals is named whole up to this many ARNs; a longer one names its first and
// counts the rest (`and 41 more`). A policy held by thousands of principals would otherwise
// name all of them in each holder's entry: the report grew with the square of the account
// (1.9 GB for 10,000 roles).
constexpr std::size_t kArnsNamed = 3;
constexpr std::size_t kSharedWithNamed = 10;

// `arns` and `more` principals besides them, as text.
std::string arn_list(const std::vector<std::string>& arns, std::size_t more = 0) {
  const std::size_t total = arns.size() + more;
  const std::size_t named = total <= kArnsNamed ? arns.size() : std::min<std::size_t>(1, arns.size());
  std::string text;
  for (std::size_t i = 0; i < named; ++i) text += (text.empty() ? "`" : ", `") + arns[i] + "`";
  if (total > named) text += " and " + std::to_string(total - named) + " more";
  return text;
}

class Planner {
 public:
  Planner(const AccountDetails& details, const AccountFindings& findings, const PlanOptions& options)
      : details_(details), findings_(findings), options_(options) {
    unused_.reserve(details_.principals.size());
    for (const Principal& principal : details_.principals) {
      const auto found = findings_.by_principal.find(principal.arn);
      unused_.push_back(found == findings_.by_principal.end() ? nullptr : &found->second);
    }
  }

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
  const model::UnusedFindings* unused_of(std::size_t principal) const { return unused_[principal]; }

  // A policy's holders with findings, and the ARNs of those without: the same for every holder
  // that asks, so split once per policy (each holder walking all holders was quadratic).
  struct HolderSplit {
    std::vector<std::size_t> with;
    std::vector<std::string> without;
  };
  const HolderSplit& holder_split(const Source& source) {
    if (const auto found = holder_split_of_.find(source.id); found != holder_split_of_.end()) return found->second;
    HolderSplit split;
    for (std::size_t holder : source.holders) {
      if (unused_of(holder) != nullptr) {
        split.with.push_back(holder);
      } else {
        split.without.push_back(details_.principals[holder].arn);
      }
    }
    return holder_split_of_.emplace(source.id, std::move(split)).first->second;
  }

  void hold(std::size_t principal, Source source, const std::string& via) {
    auto [place, fresh] = sources_.try_emplace(source.id, std::move(source));
    // Principals are indexed in order (index_holdings), so one already holding it is the last.
    auto& holders = place->second.holders;
    if (holders.empty() || holders.back() != principal) holders.push_back(principal);
    auto& group_holders = place->second.group_holders;
    if (!via.empty() && (group_holders.empty() || group_holders.back() != principal)) group_holders.push_back(principal);
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
                                           const std::vector<std::size_t>& others) {
    std::vector<std::string> kept;
    const model::UnusedFindings own = batch::touching_findings(source.document->policy.document, *unused_of(principal));
    for (const auto& action : own.unused_actions()) {
      if (unused.is_unused(action)) continue;
      kept.push_back(own.spelling(action) + " (used by " + users_of(source, action, others) + ")");
    }
    for (const auto& service : own.unused_services()) {
      if (std::binary_search(unused.unused_services().begin(), unused.unused_services().end(), service)) continue;
      kept.push_back(service + ":* (partly used by " + users_of(source, service + ":*", others) + ")");
    }
    return kept;
  }

  // Who of `others` uses `action` (`service:*`: uses part of the service), as arn_list names
  // them. The principal asking leaves it unused, so the answer is the same for every holder
  // that asks: kept once per policy and action (quadratic in the holders otherwise).
  const std::string& users_of(const Source& source, const std::string& action, const std::vector<std::size_t>& others) {
    auto& of_policy = users_of_[source.id];
    if (const auto found = of_policy.find(action); found != of_policy.end()) return found->second;
    const bool service = action.size() > 2 && action.compare(action.size() - 2, 2, ":*") == 0;
    const std::string service_name = service ? action.substr(0, action.size() - 2) : "";
    std::vector<std::string> named;
    std::size_t more = 0;
    for (std::size_t other : others) {
      const model::UnusedFindings* theirs = unused_of(other);
      const bool uses = theirs == nullptr ||
                        (service ? !std::binary_search(theirs->unused_services().begin(), theirs->unused_services().end(), service_name)
                                 : !theirs->is_unused(action));
      if (!uses) continue;
      if (named.size() <= kArnsNamed) {
        named.push_back(details_.principals[other].arn);
      } else {
        ++more;
      }
    }
    return of_policy.emplace(action, arn_list(named, more)).first->second;
  }

  // The actions every holder with findings of `source` leaves unused, once per policy.
  const model::UnusedFindings& unused_by_all_holders(const Source& source, const std::vector<std::size_t>& with) {
    if (const auto found = unused_by_all_of_.find(source.id); found != unused_by_all_of_.end()) return found->second;
    std::vector<const model::UnusedFindings*> sets;
    for (std::size_t h : with) sets.push_back(unused_of(h));
    return unused_by_all_of_.emplace(source.id, unused_by_all(sets)).first->second;
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
    const HolderSplit& split = holder_split(source);
    const std::vector<std::size_t>& with = split.with;
    const std::vector<std::string>& without = split.without;
    entry.shared_with_count = source.holders.size() - 1;  // the principal is one of them
    for (std::size_t k = 0; k < source.holders.size() && entry.shared_with.size() < kSharedWithNamed; ++k) {
      if (source.holders[k] != principal) entry.shared_with.push_back(details_.principals[source.holders[k]].arn);
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
                       (members_without.size() == 1 ? ", which has" : ", which have") +
                       " no findings (a principal without findings counts as using every action): not replaced";
        return entry;
      }
    }
    if (source.kind == PolicyKind::kAwsManaged) {
      // Never edited; the holders without findings keep it as it is (held directly, it is
      // detached from the principals with findings alone), so they do not block.
      entry.step = StepKind::kCreateAndDetach;
      entry.new_policy_name = source.name + "-recommended";
      refine(entry, source, principal, source.id, unused_by_all_holders(source, with), with);
      return entry;
    }
    if (!without.empty()) {
      entry.step = StepKind::kSkipped;
      entry.reason = std::string(source.kind == PolicyKind::kGroupInline ? "the group's members include " : "also attached to ") +
                     arn_list(without) + (without.size() == 1 ? ", which has" : ", which have") +
                     " no findings (a principal without findings counts as using every action): not refined";
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
    refine(entry, source, principal, source.id, with.size() == 1 ? *unused_of(with.front()) : unused_by_all_holders(source, with), with);
    return entry;
  }

  const AccountDetails& details_;
  const AccountFindings& findings_;
  const PlanOptions& options_;
  std::map<std::string, Source> sources_;
  std::vector<std::vector<Holding>> held_;
  std::map<std::string, std::size_t> job_of_;
  std::map<std::string, std::size_t> attachments_seen_;  // managed policy ARN -> roles, users and groups it is attached to
  std::map<std::string, model::UnusedFindings> unused_by_all_of_;  // by policy id (unused_by_all_holders)
  // By policy id, then action (users_of).
  std::unordered_map<std::string, std::unordered_map<std::string, std::string>> users_of_;
  std::map<std::string, HolderSplit> holder_split_of_;             // by policy id (holder_split)
  std::vector<const model::UnusedFindings*> unused_;               // by principal index; null: no findings
  AccountPlan plan_;
};

}  // namespace

AccountPlan plan_account(const AccountDetails& details, const AccountFindings& findings, const PlanOptions& options) {
  return Planner(details, findings, options).plan();
}

}  // namespace leastpriv::account
