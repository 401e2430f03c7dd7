// Comparing two policies with the portfolio; see no_new_access.h.
#include "verifier/access/no_new_access.h"

#include "model/json_text.h"
#include "spec/reference_matcher.h"
#include "verifier/access/access_queries.h"
#include "verifier/decide/portfolio.h"
#include "verifier/decide/solvers.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <sstream>

namespace leastpriv::verifier {

namespace {

using Clock = std::chrono::steady_clock;

// The reference semantics (spec/reference_matcher) of one policy for the request (x, P).
struct PolicyAnswer {
  bool allowed = false;
  long allow_statement = -1;  // the first Allow with an atom in P that matches x
  long deny_statement = -1;   // the first Deny with an atom in P that matches x
};

bool statement_matches(const model::Statement& statement, const std::string& action) {
  return spec::reference_statement_allows(true, statement.action_key == model::ActionKey::kNotAction, statement.patterns,
                                          action);
}

PolicyAnswer reference_answer(const model::PolicyDocument& policy, const std::vector<int>& statement_atoms,
                              const std::vector<int>& request, const std::string& action, int preferred_atom) {
  PolicyAnswer answer;
  for (std::size_t i = 0; i < policy.statements.size(); ++i) {
    const auto& statement = policy.statements[i];
    if (!std::binary_search(request.begin(), request.end(), statement_atoms[i])) continue;
    if (!statement_matches(statement, action)) continue;
    const long index = static_cast<long>(i);
    if (statement.effect == model::Effect::kDeny) {
      if (answer.deny_statement < 0) answer.deny_statement = index;
    } else if (answer.allow_statement < 0 ||
               (statement_atoms[i] == preferred_atom &&
                statement_atoms[static_cast<std::size_t>(answer.allow_statement)] != preferred_atom)) {
      answer.allow_statement = index;
    }
  }
  answer.allowed = answer.allow_statement >= 0 && answer.deny_statement < 0;
  return answer;
}

std::string sid_of(const model::Statement& statement) {
  if (statement.source.is_object() && statement.source.contains("Sid") && statement.source["Sid"].is_string()) {
    return statement.source["Sid"].get<std::string>();
  }
  return {};
}

std::string statement_name(const char* which, const model::PolicyDocument& policy, long index) {
  const auto& statement = policy.statements[static_cast<std::size_t>(index)];
  const std::string sid = sid_of(statement);
  return std::string(which) + " statement " + std::to_string(index + 1) + (sid.empty() ? "" : " (Sid `" + sid + "`)");
}

// What the comparison is, for the replay and for naming the new access.
struct Comparison {
  const model::PolicyDocument* reference = nullptr;  // null for --access-not-granted
  const model::PolicyDocument& candidate;
  const std::vector<std::string>* listed = nullptr;  // --access-not-granted
  AccessScopes scopes;
};

// Why `action` is a counterexample to `task` under the reference semantics, or empty.
std::string replay(const Comparison& comparison, const QueryTask& task, const std::string& action) {
  for (char c : action) {
    if (c >= 'A' && c <= 'Z') return {};  // outside the domain (lower-cased actions)
  }
  const auto request = request_atoms(comparison.scopes, task);
  const auto candidate = reference_answer(comparison.candidate, comparison.scopes.candidate_atoms, request, action,
                                          task.scope_index);
  if (!candidate.allowed) return {};
  const std::string allows = statement_name("candidate", comparison.candidate, candidate.allow_statement) + " allows it";
  if (task.kind == ObligationKind::kNotGranted) {
    if (comparison.listed == nullptr || !spec::reference_matches_any(*comparison.listed, action)) return {};
    return allows + ", and it is listed in --access-not-granted";
  }
  if (comparison.reference == nullptr) return {};
  const auto reference = reference_answer(*comparison.reference, comparison.scopes.reference_atoms, request, action,
                                          task.scope_index);
  if (reference.allowed) return {};
  if (reference.deny_statement >= 0) {
    return allows + ", and " + statement_name("reference", *comparison.reference, reference.deny_statement) +
           " (Deny) denies it there; no candidate Deny does";
  }
  return allows + ", and no reference statement allows it in that scope (or a wider one)";
}

NewAccess new_access_of(const Comparison& comparison, const QueryTask& task, const ObligationResult& obligation) {
  NewAccess access;
  access.action = obligation.counterexample;
  access.explanation = obligation.explanation;
  access.obligation_id = obligation.id;
  const auto request = request_atoms(comparison.scopes, task);
  const auto answer = reference_answer(comparison.candidate, comparison.scopes.candidate_atoms, request,
                                       obligation.counterexample, task.scope_index);
  // INVARIANT: the replay confirmed the counterexample, so some candidate Allow matches it.
  const std::size_t index = static_cast<std::size_t>(std::max(0L, answer.allow_statement));
  const auto& statement = comparison.candidate.statements[index];
  access.statement_index = index;
  access.statement_pointer =
      comparison.candidate.statement_as_object ? std::string("/Statement") : "/Statement/" + std::to_string(index);
  access.sid = sid_of(statement);
  access.scope = statement.scope;
  for (const char* key : {"Resource", "NotResource"}) {
    if (statement.source.is_object() && statement.source.contains(key)) {
      access.resource = std::string(key) + " " + model::canonical_json_text(statement.source[key]);
    }
  }
  return access;
}

// A catalog action that is as much a counterexample to `task` as the solver's model (the model
// is any string: `s3:` is one when the candidate allows `s3:*`); the first in catalog order, or
// empty when no catalog action of the task's group is one.
std::string catalog_counterexample(const Comparison& comparison, const QueryTask& task, const model::Catalog& catalog) {
  const auto& group = task.query.group;
  const auto try_range = [&](std::size_t first, std::size_t last) -> std::string {
    for (std::size_t i = first; i < last; ++i) {
      const std::string action(catalog.actions()[i].lower_full);
      if (group.other) {
        const auto colon = action.find(':');
        const std::string service = action.substr(0, colon);
        if (std::find(group.services.begin(), group.services.end(), service) != group.services.end()) continue;
      }
      if (!replay(comparison, task, action).empty()) return action;
    }
    return {};
  };
  if (group.other) return try_range(0, catalog.actions().size());
  for (const auto& service : group.services) {
    const auto [first, last] = catalog.prefix_range(service + ":");
    if (auto found = try_range(first, last); !found.empty()) return found;
  }
  return {};
}

Result<AccessCheckResult> decide(const Comparison& comparison, const std::vector<QueryTask>& tasks,
                                 const model::Catalog& catalog, const AccessCheckOptions& options) {
  const auto began = Clock::now();
  AccessCheckResult result;
  auto& report = result.report;
  report.z3_version = options.verify.use_z3 ? z3_version_text() : "";
  report.cvc5_version = options.verify.use_cvc5 ? cvc5_version_text() : "";
  auto decided = decide_queries(tasks, options.verify, [&comparison](const QueryTask& task, const std::string& action) {
    return replay(comparison, task, action);
  }, began);
  if (!decided) return decided.error();
  report.obligations = std::move(*decided);
  judge_report(report);
  for (std::size_t i = 0; i < tasks.size(); ++i) {
    const auto& obligation = report.obligations[i];
    if (obligation.verdict == Verdict::kCounterexample) {
      // Name a real action when one is as good a counterexample (replayed like the model).
      const std::string known = catalog_counterexample(comparison, tasks[i], catalog);
      ObligationResult named = obligation;
      if (!known.empty()) {
        named.counterexample = known;
        named.explanation = replay(comparison, tasks[i], known);
      }
      result.new_access.push_back(new_access_of(comparison, tasks[i], named));
      result.new_access.back().model = obligation.counterexample;
    } else if (obligation.verdict == Verdict::kUnknown && result.reason.empty()) {
      result.reason = obligation.id + ": " + obligation.reason;
    }
  }
  result.verdict = report.verdict == Verdict::kProved           ? AccessVerdict::kNoNewAccess
                   : report.verdict == Verdict::kCounterexample ? AccessVerdict::kNewAccess
                                                                : AccessVerdict::kUnknown;
  if (report.disagreement) result.verdict = AccessVerdict::kUnknown;
  report.seconds = std::chrono::duration<double>(Clock::now() - began).count();
  return result;
}

std::string format_seconds(double seconds) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.3f s", seconds);
  return buffer;
}

}  // namespace

const char* access_verdict_name(AccessVerdict verdict) {
  switch (verdict) {
    case AccessVerdict::kNoNewAccess: return "no-new-access";
    case AccessVerdict::kNewAccess: return "new-access";
    case AccessVerdict::kUnknown: return "unknown";
  }
  return "unknown";
}

Result<AccessCheckResult> check_no_new_access(const model::PolicyDocument& reference,
                                              const model::PolicyDocument& candidate, const model::Catalog& catalog,
                                              const AccessCheckOptions& options) {
  auto queries = build_no_new_access_queries(reference, candidate, catalog);
  if (!queries) return queries.error();
  const Comparison comparison{&reference, candidate, nullptr, std::move(queries->scopes)};
  return decide(comparison, queries->tasks, catalog, options);
}

Result<AccessCheckResult> check_access_not_granted(const model::PolicyDocument& candidate,
                                                   const std::vector<std::string>& actions,
                                                   const model::Catalog& catalog, const AccessCheckOptions& options) {
  auto queries = build_not_granted_queries(candidate, actions, catalog);
  if (!queries) return queries.error();
  const Comparison comparison{nullptr, candidate, &actions, std::move(queries->scopes)};
  return decide(comparison, queries->tasks, catalog, options);
}

std::string access_result_to_text(const AccessCheckResult& result) {
  std::ostringstream out;
  for (const auto& access : result.new_access) {
    out << "new access: `" << access.action << "` is allowed by candidate statement " << access.statement_index + 1;
    if (!access.sid.empty()) out << " (Sid `" << access.sid << "`)";
    out << " at " << access.statement_pointer << "\n";
    if (!access.resource.empty()) out << "  " << access.resource << "\n";
    out << "  scope: " << (access.scope.size() > 200 ? access.scope.substr(0, 200) + "…" : access.scope) << "\n";
    out << "  why: " << access.explanation << " [" << access.obligation_id << "]\n";
  }
  if (result.verdict == AccessVerdict::kUnknown) out << "undecided: " << result.reason << "\n";
  int proved = 0;
  for (const auto& obligation : result.report.obligations) proved += obligation.verdict == Verdict::kProved ? 1 : 0;
  out << "verdict: " << access_verdict_name(result.verdict) << (result.report.disagreement ? " (PROCEDURES DISAGREE)" : "")
      << ", " << proved << " of " << result.report.obligations.size() << " queries proved in "
      << format_seconds(result.report.seconds) << "\n";
  return out.str();
}

model::Json access_result_to_json(const AccessCheckResult& result) {
  model::Json json = model::Json::object();
  json["verdict"] = access_verdict_name(result.verdict);
  json["disagreement"] = result.report.disagreement;
  model::Json accesses = model::Json::array();
  for (const auto& access : result.new_access) {
    accesses.push_back(model::Json{{"action", access.action},
                                   {"model", access.model},
                                   {"statement_index", access.statement_index},
                                   {"statement_pointer", access.statement_pointer},
                                   {"sid", access.sid},
                                   {"scope", access.scope},
                                   {"resource", access.resource},
                                   {"explanation", access.explanation},
                                   {"obligation", access.obligation_id}});
  }
  json["new_access"] = std::move(accesses);
  if (!result.reason.empty()) json["reason"] = result.reason;
  model::Json obligations = model::Json::array();
  for (const auto& obligation : result.report.obligations) {
    model::Json procedures = model::Json::array();
    for (const auto& procedure : obligation.procedures) {
      procedures.push_back(model::Json{{"name", procedure.procedure},
                                       {"verdict", verdict_name(procedure.verdict)},
                                       {"seconds", procedure.seconds}});
    }
    obligations.push_back(model::Json{{"id", obligation.id},
                                      {"verdict", verdict_name(obligation.verdict)},
                                      {"agreeing", obligation.agreeing},
                                      {"procedures", std::move(procedures)}});
  }
  json["obligations"] = std::move(obligations);
  json["seconds"] = result.report.seconds;
  return json;
}

}  // namespace leastpriv::verifier
