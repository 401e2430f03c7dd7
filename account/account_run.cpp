// Carrying out an account's plan; see account_run.h.
#include "account/account_run.h"

#include "account/policy_split.h"
#include "batch/same_key_rounds.h"
#include "engine/render/policy_metrics.h"
#include "model/json_text.h"
#include "model/policy_input.h"
#include "support/parallel_for.h"
#include "verifier/decide/verify.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <optional>

namespace leastpriv::account {

std::size_t inline_limit(const std::string& holder) {
  if (holder.rfind("role/", 0) == 0) return kRoleInlineLimit;
  if (holder.rfind("group/", 0) == 0) return kGroupInlineLimit;
  return kUserInlineLimit;
}

Result<std::size_t> refined_characters(const model::Json& line, const std::string& id) {
  if (line.contains("detach") && !line.contains("policy")) return std::size_t{0};
  if (!line.contains("policy")) return Error{ErrorKind::kInternal, "`" + id + "`: the result has neither a policy nor `detach`"};
  auto document = model::parse_policy_document(line["policy"], id, "/policy");
  if (!document) return Error{ErrorKind::kInternal, "the refined policy does not read back: " + document.error().message};
  return engine::policy_character_count(*document);
}

namespace {

using model::Json;
using batch::UnitStatus;

struct JobResult {
  batch::UnitOutcome outcome;
  bool has_result = false;     // proved, or unverified under --no-verify: written as steps
  std::size_t characters = 0;  // of the result (0 when detached), or of the original when there is none
  std::string size = "within";  // within, fitted, over
  std::size_t limit = 0;
  std::string limit_scope;      // `policy`, or the holder whose inline policies count together
  // size `split`: the managed policies (compact JSON) the result was split into, proved together.
  std::vector<std::string> parts;
};

std::size_t characters_of(const PolicyText& text) { return engine::policy_character_count(text.policy.document); }

// `job` as a batch unit; `strategy` empty: the run's.
batch::UnitRead unit_of(const Job& job, const std::string& strategy) {
  batch::Unit unit;
  unit.id = job.id;
  unit.strategy = strategy;
  unit.policy = job.document->policy;
  unit.policy_text = job.document->text;
  unit.findings = job.findings;
  return batch::UnitRead{job.id, std::move(unit)};
}

JobResult run_job(const Job& job, const std::string& strategy, const batch::RunConfig& config) {
  JobResult result;
  result.outcome = batch::process_unit(unit_of(job, strategy), config);
  result.has_result = result.outcome.status == UnitStatus::kProved || result.outcome.status == UnitStatus::kUnverified;
  if (!result.has_result) {
    result.characters = characters_of(*job.document);
  } else if (auto characters = refined_characters(result.outcome.line, job.id); characters) {
    result.characters = *characters;
  } else {
    // A result whose size cannot be told cannot be held to a limit: an error, never 0 characters.
    result.outcome.status = UnitStatus::kError;
    result.outcome.line = Json{{"id", job.id}, {"status", "error"}, {"error", characters.error().message}};
    result.has_result = false;
    result.characters = characters_of(*job.document);
  }
  return result;
}

// What the largest-first order compares: a job's verification costs roughly with its policy
// and its unused actions together (a small policy with 438 of them was the costliest unit of
// bench/reports/batch.md's sample); about 20 characters an action, as in a batch line.
std::size_t job_size(const Job& job) {
  return job.document->text.size() + 20 * (job.findings.unused_actions().size() + job.findings.unused_services().size());
}

class Runner {
 public:
  Runner(const AccountDetails& details, AccountPlan plan, const AccountOptions& options)
      : details_(details), options_(options), plan_(std::move(plan)) {}

  AccountOutcome run() {
    results_.resize(plan_.jobs.size());
    // Largest first, as `batch` does (batch/run.h): the costliest verifications start first, so
    // no core idles at the end while one large job runs alone. Results keep plan order.
    std::vector<std::size_t> order(plan_.jobs.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return job_size(plan_.jobs[a]) > job_size(plan_.jobs[b]); });
    std::vector<Request> requests;
    for (std::size_t job : order) requests.push_back(Request{job, ""});
    std::vector<JobResult> results = run_requests(requests);
    for (std::size_t k = 0; k < order.size(); ++k) results_[order[k]] = std::move(results[k]);
    for (const auto& result : results_) {
      if (result.outcome.cache_hit) ++outcome_.cache_hits;
      if (result.outcome.same_as_earlier) ++outcome_.same_as_earlier;
    }
    check_managed_limits();
    check_inline_limits();
    for (const auto& result : results_) {
      ++outcome_.jobs_by_status[static_cast<std::size_t>(result.outcome.status)];
      if (result.size == "over") ++outcome_.over_limit;
      if (result.size == "fitted" || result.size == "split") ++outcome_.fitted;
      if (result.size == "split") ++outcome_.split;
    }
    render();
    return std::move(outcome_);
  }

 private:
  // One job to run under a strategy (empty: the run's).
  struct Request {
    std::size_t job = 0;
    std::string strategy;
  };

  // Runs `requests` side by side and returns their results in the same order. When verifying or
  // caching, requests with the same content key (the same policy text, touching findings and
  // strategy: identical inline policies, per-principal copies) run in two rounds
  // (batch/same_key_rounds.h): the first of each key, then the others taking its outcome, so a
  // repeat costs no verification and never races its twin to the cache (the report does not
  // depend on which finished first).
  std::vector<JobResult> run_requests(const std::vector<Request>& requests) const {
    std::vector<JobResult> results(requests.size());
    std::vector<std::size_t> all(requests.size());
    std::iota(all.begin(), all.end(), std::size_t{0});
    batch::run_in_key_rounds(
        all, options_.jobs, options_.config,
        [&](std::size_t k, const batch::RunConfig& config) {
          return batch::current_unit_key(unit_of(plan_.jobs[requests[k].job], requests[k].strategy), config);
        },
        [&](std::size_t k, const batch::RunConfig& config) {
          results[k] = run_job(plan_.jobs[requests[k].job], requests[k].strategy, config);
        });
    return results;
  }

  static std::string bounded(std::size_t budget) { return "bounded:" + std::to_string(budget); }

  // Puts the result of refining `job` again as `bounded:budget` in place when it is a result
  // (proved, or unverified under --no-verify); else the proved, over-limit result stands and a
  // warning (in `warnings`) says why. Only a job with a result is refitted.
  void apply_refit(std::size_t job, std::size_t budget, JobResult again, std::vector<std::string>& warnings) {
    if (again.outcome.cache_hit) ++outcome_.cache_hits;
    if (again.outcome.same_as_earlier) ++outcome_.same_as_earlier;
    if (!again.has_result) {
      warnings.push_back("`" + plan_.jobs[job].id + "`: `" + bounded(budget) + "` was not proved (" +
                         batch::unit_status_name(again.outcome.status) + "); the proved result is kept");
      return;
    }
    results_[job] = std::move(again);
  }

  void check_managed_limits() {
    std::vector<std::size_t> over;
    for (std::size_t j = 0; j < plan_.jobs.size(); ++j) {
      if (!plan_.jobs[j].managed_result) continue;
      results_[j].limit = kManagedLimit;
      results_[j].limit_scope = "policy";
      if (results_[j].has_result && results_[j].characters > kManagedLimit) over.push_back(j);
    }
    std::vector<JobResult> refits;
    if (options_.fit) {
      std::vector<Request> requests;
      for (std::size_t j : over) requests.push_back(Request{j, bounded(kManagedLimit)});
      refits = run_requests(requests);
    }
    for (std::size_t k = 0; k < over.size(); ++k) {
      const std::size_t j = over[k];
      const std::size_t before = results_[j].characters;
      if (options_.fit) apply_refit(j, kManagedLimit, std::move(refits[k]), outcome_.warnings);
      results_[j].limit = kManagedLimit;
      results_[j].limit_scope = "policy";
      const bool fits = options_.fit && results_[j].characters <= kManagedLimit;
      const bool split = !fits && options_.fit && split_result(j);
      results_[j].size = fits ? "fitted" : split ? "split" : "over";
      if (!fits && !split) {
        outcome_.warnings.push_back("`" + plan_.jobs[j].id + "`: the refined managed policy has " + std::to_string(results_[j].characters) +
                                    " characters, over IAM's limit of " + std::to_string(kManagedLimit) +
                                    (options_.fit ? " even as `" + bounded(kManagedLimit) + "`, and cannot be split"
                                                  : " (before: " + std::to_string(before) + "; --fit tries `bounded`)"));
      }
    }
  }

  // --fit, when even `bounded` is over the managed limit: the result split into several managed
  // policies (account/policy_split.h), read back from the texts that are written and verified
  // together as one document against the job's original and findings. False (a warning says
  // why) when it cannot be split or the set is not proved.
  bool split_result(std::size_t j) {
    JobResult& result = results_[j];
    const Job& job = plan_.jobs[j];
    if (!result.has_result || !result.outcome.line.contains("policy")) return false;
    auto document = model::parse_policy_document(result.outcome.line["policy"], job.id, "/policy");
    if (!document) return false;
    const auto parts = split_to_fit(*document, kManagedLimit);
    if (!parts || parts->size() < 2) return false;
    std::vector<std::string> texts;
    std::vector<model::PolicyDocument> read_back;
    for (const auto& part : *parts) {
      texts.push_back(model::dump_json(model::policy_to_json(part), -1));
      auto again = model::load_policy_text(texts.back(), job.id + " (part " + std::to_string(texts.size()) + ")");
      if (!again) return false;
      read_back.push_back(std::move(again->document));
    }
    if (options_.config.verify) {
      auto report = verifier::verify_refinement(job.document->policy.document, job.findings, joined(read_back),
                                                *options_.config.catalog, options_.config.verify_options);
      if (!report || verifier::report_verdict(*report) != verifier::Verdict::kProved) {
        outcome_.warnings.push_back("`" + job.id + "`: the split into " + std::to_string(texts.size()) +
                                    " managed policies was not proved together: " +
                                    (report ? verifier::verdict_name(verifier::report_verdict(*report)) : report.error().message));
        return false;
      }
    }
    result.parts = std::move(texts);
    return true;
  }

  // The inline documents of a holder (`role/R`, `user/U`, `group/G`).
  std::vector<const PolicyText*> inline_documents(const std::string& holder) const {
    std::vector<const PolicyText*> documents;
    const auto slash = holder.find('/');
    const std::string kind = holder.substr(0, slash);
    const std::string name = holder.substr(slash + 1);
    const std::vector<InlinePolicy>* policies = nullptr;
    if (kind == "group") {
      if (const auto group = details_.groups.find(name); group != details_.groups.end()) policies = &group->second.inline_policies;
    } else {
      for (const auto& principal : details_.principals) {
        if (principal_kind_name(principal.kind) == kind && principal.name == name) policies = &principal.inline_policies;
      }
    }
    if (policies != nullptr) {
      for (const auto& policy : *policies) documents.push_back(&policy.document);
    }
    return documents;
  }

  // One holder whose inline policies count against one limit together.
  struct InlineHolder {
    const std::string* name = nullptr;
    const std::vector<std::size_t>* jobs = nullptr;
    std::size_t limit = 0;
    std::vector<const PolicyText*> documents;
    std::vector<std::size_t> largest_first;  // its jobs, the largest result first (for --fit)
    std::size_t next = 0;                    // the next of them to refit
    bool fitting = false;                    // over its limit, and --fit may still bring it under
    std::vector<std::string> warnings;       // its refits' warnings, in order
  };

  void check_inline_limits() {
    std::map<std::string, std::vector<std::size_t>> jobs_of;
    std::map<const PolicyText*, std::size_t> job_of_document;
    for (std::size_t j = 0; j < plan_.jobs.size(); ++j) {
      if (plan_.jobs[j].managed_result) continue;
      jobs_of[plan_.jobs[j].inline_holder].push_back(j);
      job_of_document[plan_.jobs[j].document] = j;
    }
    std::vector<InlineHolder> holders;
    for (const auto& [name, jobs] : jobs_of) {
      InlineHolder holder;
      holder.name = &name;
      holder.jobs = &jobs;
      holder.limit = inline_limit(name);
      holder.documents = inline_documents(name);
      holders.push_back(std::move(holder));
    }
    const auto total = [&](const InlineHolder& holder) {
      std::size_t sum = 0;
      for (const PolicyText* document : holder.documents) {
        const auto job = job_of_document.find(document);
        sum += job == job_of_document.end() ? characters_of(*document) : results_[job->second].characters;
      }
      return sum;
    };
    std::vector<char> was_over(holders.size(), 0);
    for (std::size_t h = 0; h < holders.size(); ++h) {
      was_over[h] = total(holders[h]) > holders[h].limit ? 1 : 0;
      if (!was_over[h] || !options_.fit) continue;
      holders[h].largest_first = *holders[h].jobs;
      std::sort(holders[h].largest_first.begin(), holders[h].largest_first.end(),
                [&](std::size_t a, std::size_t b) { return results_[a].characters > results_[b].characters; });
      holders[h].fitting = true;
    }
    // --fit in rounds: each holder still over its limit asks for its largest result not yet
    // refitted, as `bounded` at what the holder's other policies leave of the limit; a round's
    // refits run side by side (run_requests), and holders that fit or can fit no further drop out.
    for (;;) {
      std::vector<Request> requests;
      std::vector<std::pair<std::size_t, std::size_t>> asked;  // (holder, budget) per request
      for (std::size_t h = 0; h < holders.size(); ++h) {
        InlineHolder& holder = holders[h];
        bool asking = false;
        while (holder.fitting && !asking) {
          const std::size_t now = total(holder);
          if (now <= holder.limit || holder.next == holder.largest_first.size()) {
            holder.fitting = false;
            break;
          }
          const std::size_t j = holder.largest_first[holder.next++];
          const std::size_t others = now - results_[j].characters;
          if (others >= holder.limit) {
            holder.fitting = false;
            break;
          }
          if (!results_[j].has_result) continue;  // only a job with a result is refitted
          requests.push_back(Request{j, bounded(holder.limit - others)});
          asked.emplace_back(h, holder.limit - others);
          asking = true;
        }
      }
      if (requests.empty()) break;
      std::vector<JobResult> refits = run_requests(requests);
      for (std::size_t k = 0; k < requests.size(); ++k) {
        apply_refit(requests[k].job, asked[k].second, std::move(refits[k]), holders[asked[k].first].warnings);
      }
    }
    for (std::size_t h = 0; h < holders.size(); ++h) {
      InlineHolder& holder = holders[h];
      std::string size = "within";
      if (was_over[h]) {
        size = options_.fit && total(holder) <= holder.limit ? "fitted" : "over";
        for (auto& warning : holder.warnings) outcome_.warnings.push_back(std::move(warning));
        if (size == "over") {
          outcome_.warnings.push_back("`" + *holder.name + "`: its inline policies together have " + std::to_string(total(holder)) +
                                      " characters, over IAM's limit of " + std::to_string(holder.limit) +
                                      (options_.fit ? " even with `bounded`" : " (--fit tries `bounded`)"));
        }
      }
      for (std::size_t j : *holder.jobs) {
        results_[j].size = size;
        results_[j].limit = holder.limit;
        results_[j].limit_scope = "inline policies of " + *holder.name + " together: " + std::to_string(total(holder));
      }
    }
  }

  static Json step(const char* action, const std::string& existing, const std::string* policy_text) {
    Json inner = Json::object();
    inner["recommendedAction"] = action;
    if (policy_text != nullptr) inner["recommendedPolicy"] = *policy_text;
    inner["existingPolicyId"] = existing;
    return Json::object({{"unusedPermissionsRecommendedStep", inner}});
  }

  static const char* step_name(StepKind kind) {
    switch (kind) {
      case StepKind::kReplace: return "replace";
      case StepKind::kCreateAndDetach: return "create-and-detach";
      case StepKind::kUnchanged: return "unchanged";
      case StepKind::kSkipped: return "skipped";
    }
    return "skipped";
  }

  // One policy of a principal: its report entry, and its steps appended to `steps`.
  // A list of strings as a JSON array, each string moved (nlohmann copies a std::vector's
  // strings); the list is left empty.
  static Json moved_into_json(std::vector<std::string>& strings) {
    Json array = Json::array();
    for (auto& text : strings) array.push_back(std::move(text));
    strings.clear();
    strings.shrink_to_fit();
    return array;
  }

  // Moves the entry's lists into the report (render is the plan's last use).
  Json render_entry(PolicyEntry& entry, Json& steps, bool& failed) {
    Json report = Json::object();
    report["policy"] = entry.policy_id;
    report["name"] = entry.name;
    report["kind"] = policy_kind_name(entry.kind);
    if (!entry.via.empty()) report["via"] = entry.via;
    std::string action = step_name(entry.step);
    if (!entry.shared_with.empty()) {
      report["sharedWith"] = moved_into_json(entry.shared_with);
      report["sharedWithCount"] = entry.shared_with_count;
    }
    if (entry.job != kNoJob) {
      const JobResult& result = results_[entry.job];
      const Json& line = result.outcome.line;
      report["verification"] = batch::unit_status_name(result.outcome.status);
      if (!result.parts.empty()) action = "split";
      if (line.contains("key")) report["key"] = line["key"];
      if (line.contains("strategy")) report["strategy"] = line["strategy"];
      if (result.outcome.cache_hit) report["cached"] = true;
      if (!result.has_result) {
        failed = true;
        action = "failed";
        report["reason"] = line.value("reason", line.value("error", std::string("not proved")));
      } else if (!result.parts.empty()) {
        // Several managed policies in its place: each created, then the policy detached.
        const std::string base = entry.new_policy_name.empty() ? entry.name + "-recommended" : entry.new_policy_name;
        std::vector<std::string> names;
        for (const auto& part : result.parts) {
          steps.push_back(step("CREATE_POLICY", entry.existing_policy_id, &part));
          names.push_back(base + "-" + std::to_string(names.size() + 1));
        }
        steps.push_back(step("DETACH_POLICY", entry.existing_policy_id, nullptr));
        report["newPolicyNames"] = names;
      } else if (line.contains("detach")) {
        action = "detach";
        steps.push_back(step("DETACH_POLICY", entry.existing_policy_id, nullptr));
      } else {
        const std::string text = model::dump_json(line["policy"], -1);
        steps.push_back(step("CREATE_POLICY", entry.existing_policy_id, &text));
        if (entry.step == StepKind::kCreateAndDetach) steps.push_back(step("DETACH_POLICY", entry.existing_policy_id, nullptr));
      }
      if (action == "create-and-detach") report["newPolicyName"] = entry.new_policy_name;
      report["characters"] = result.characters;
      report["limit"] = result.limit;
      report["limitScope"] = result.limit_scope;
      report["size"] = result.size;
      if (line.contains("warnings") && !line["warnings"].empty()) report["warnings"] = line["warnings"];
    } else if (!entry.reason.empty()) {
      report["reason"] = entry.reason;
    }
    report["action"] = action;
    if (!entry.kept_for_others.empty()) report["keptForOthers"] = moved_into_json(entry.kept_for_others);
    return report;
  }

  void render() {
    Json recommendations = Json::array();
    std::size_t steps_total = 0;
    std::size_t failed_total = 0;
    std::size_t skipped_total = 0;
    for (PrincipalEntry& principal_entry : plan_.principals) {
      const Principal& principal = details_.principals[principal_entry.principal];
      Json steps = Json::array();
      Json policies = Json::array();
      bool failed = false;
      for (PolicyEntry& entry : principal_entry.policies) {
        policies.push_back(render_entry(entry, steps, failed));
        if (entry.step == StepKind::kSkipped) ++skipped_total;
      }
      steps_total += steps.size();
      if (failed) ++failed_total;
      Json recommendation = Json::object();
      recommendation["resourceArn"] = principal.arn;
      recommendation["recommendationType"] = "UnusedPermissionRecommendation";
      recommendation["status"] = failed ? "FAILED" : "SUCCEEDED";
      recommendation["recommendedSteps"] = std::move(steps);
      Json leastpriv = Json::object();
      leastpriv["principal"] = Json::object({{"type", principal_kind_name(principal.kind)}, {"name", principal.name}});
      leastpriv["policies"] = std::move(policies);
      if (!principal_entry.notes.empty()) leastpriv["notes"] = principal_entry.notes;
      recommendation["leastpriv"] = std::move(leastpriv);
      recommendations.push_back(std::move(recommendation));
    }
    Json set_aside = Json::array();
    for (const SetAside& item : plan_.set_aside) {
      Json entry = Json::object();
      if (!item.where.empty()) entry["where"] = item.where;
      entry["resource"] = item.resource;
      entry["reason"] = item.reason;
      set_aside.push_back(std::move(entry));
    }
    Json summary = Json::object();
    summary["principals"] = details_.principals.size();
    summary["principalsWithFindings"] = plan_.principals.size();
    summary["principalsWithoutFindings"] = plan_.principals_without_findings;
    summary["recommendations"] = plan_.principals.size();
    summary["failedRecommendations"] = failed_total;
    summary["steps"] = steps_total;
    summary["policiesRefined"] = plan_.jobs.size();
    for (auto status : {UnitStatus::kProved, UnitStatus::kUnverified, UnitStatus::kUnknown, UnitStatus::kCounterexample, UnitStatus::kError}) {
      summary[batch::unit_status_name(status)] = outcome_.jobs_by_status[static_cast<std::size_t>(status)];
    }
    summary["cacheHits"] = outcome_.cache_hits;
    summary["skippedPolicies"] = skipped_total;
    summary["setAside"] = plan_.set_aside.size();
    summary["overLimit"] = outcome_.over_limit;
    summary["fitted"] = outcome_.fitted;
    summary["split"] = outcome_.split;
    summary["sizeLimits"] = outcome_.over_limit > 0 ? "over" : outcome_.fitted > 0 ? "fitted" : "within";
    Json report = Json::object();
    report["format"] = "leastpriv-account-1";
    report["strategy"] = options_.config.strategy;
    report["verification"] = options_.config.verification;
    report["recommendations"] = std::move(recommendations);
    report["setAside"] = std::move(set_aside);
    report["summary"] = std::move(summary);
    outcome_.report = std::move(report);
  }

  const AccountDetails& details_;
  const AccountOptions& options_;
  AccountPlan plan_;
  std::vector<JobResult> results_;
  AccountOutcome outcome_;
};

}  // namespace

Result<AccountOutcome> run_account(const AccountDetails& details, AccountFindings findings, const AccountOptions& options) {
  if (options.config.catalog == nullptr) return Error{ErrorKind::kInternal, "account: no catalog"};
  // As batch does: an AWS managed policy's wildcard entries are refined for every principal that
  // holds it, so their token tries are built once per run.
  AccountOptions shared = options;
  batch::share_entry_tries(shared.config);
  AccountPlan plan = plan_account(details, findings, shared.plan);
  // The jobs hold what they need of the findings: every principal's whole findings (hundreds of
  // MB for 10,000 roles) are let go before the verification's solvers take their memory.
  findings = AccountFindings{};
  return Runner(details, std::move(plan), shared).run();
}

}  // namespace leastpriv::account
