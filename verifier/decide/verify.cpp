// Running the portfolio over every query and judging the answers; see verify.h.
#include "verifier/decide/verify.h"

#include "verifier/decide/portfolio.h"

#include "model/findings_warnings.h"
#include "verifier/decide/automaton.h"
#include "verifier/decide/verdict_memo.h"
#include "verifier/encode/obligation_texts.h"
#include "verifier/encode/obligations.h"
#include "verifier/decide/solvers.h"
#include "support/parallel_for.h"

#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <sstream>
#include <unordered_map>

namespace leastpriv::verifier {

namespace {

using Clock = std::chrono::steady_clock;

// Below this a procedure is not started: solvers count their limits in milliseconds, and a
// limit of 0 would mean none.
constexpr double kShortestRun = 0.01;

// The whole run's budget (VerifyOptions::budget_seconds; none when 0).
struct Deadline {
  Clock::time_point began;
  double budget_seconds;

  // How long a procedure that would take up to `seconds` may run now: all of it without a
  // budget, else at most what is left of it (0 or less: nothing is left).
  double limit(double seconds) const {
    if (budget_seconds <= 0) return seconds;
    const double left = budget_seconds - std::chrono::duration<double>(Clock::now() - began).count();
    return left < kShortestRun ? 0 : std::min(seconds, left);
  }
};

std::string format_seconds(double seconds) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.3f s", seconds);
  return buffer;
}

std::string printable(const std::string& action) {
  std::string out;
  for (char c : action) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= ' ' && u <= '~') {
      out += c;
    } else {
      char buffer[8];
      std::snprintf(buffer, sizeof buffer, "\\x%02x", u);
      out += buffer;
    }
  }
  return out;
}

// The portfolio rule (DESIGN §4): proved when at least `required` procedures say unsat and
// none says sat; a sat is believed only after the reference matcher replays it; sat against
// unsat is a disagreement, reported loudly and never a pass.
void judge(ObligationResult& obligation, const QueryTask& task, const ReplayFunction& replay, int required) {
  int unsat = 0;
  int sat = 0;
  std::vector<std::string> unknown_reasons;
  for (const auto& procedure : obligation.procedures) {
    if (procedure.verdict == Verdict::kProved) ++unsat;
    if (procedure.verdict == Verdict::kCounterexample) ++sat;
    if (procedure.verdict == Verdict::kUnknown) unknown_reasons.push_back(procedure.procedure + ": " + procedure.reason);
  }
  if (sat > 0 && unsat > 0) {
    obligation.verdict = Verdict::kUnknown;
    obligation.disagreement = true;
    std::string answers;
    for (const auto& procedure : obligation.procedures) {
      answers += " " + procedure.procedure + "=" + verdict_name(procedure.verdict);
      if (procedure.verdict == Verdict::kCounterexample) answers += " (`" + printable(procedure.counterexample) + "`)";
    }
    obligation.reason = "DISAGREEMENT between procedures:" + answers;
    return;
  }
  if (sat > 0) {
    for (const auto& procedure : obligation.procedures) {
      if (procedure.verdict != Verdict::kCounterexample) continue;
      const std::string why = replay(task, procedure.counterexample);
      if (why.empty()) {
        obligation.verdict = Verdict::kUnknown;
        obligation.disagreement = true;
        obligation.reason = "DISAGREEMENT with the reference semantics: " + procedure.procedure + "'s counterexample `" +
                            printable(procedure.counterexample) + "` does not replay through spec::reference_matches";
        return;
      }
      if (obligation.counterexample.empty()) {
        obligation.counterexample = procedure.counterexample;
        obligation.explanation = why;
      }
    }
    obligation.verdict = Verdict::kCounterexample;
    obligation.agreeing = sat;
    return;
  }
  if (unsat >= std::max(required, 1)) {
    obligation.verdict = Verdict::kProved;
    obligation.agreeing = unsat;
    return;
  }
  obligation.verdict = Verdict::kUnknown;
  obligation.agreeing = unsat;
  std::string reasons;
  for (const auto& reason : unknown_reasons) reasons += (reasons.empty() ? "" : "; ") + reason;
  obligation.reason = unsat > 0 ? std::to_string(unsat) + " procedure(s) proved it, " + std::to_string(required) +
                                      " required; " + reasons
                                : reasons.empty() ? "no procedure was run" : reasons;
}

// The CPU time of the calling thread, in seconds.
double thread_cpu_seconds() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

// Runs one procedure and notes the CPU time it took on this thread.
template <typename Procedure>
ProcedureVerdict timed(Procedure&& procedure) {
  const double began = thread_cpu_seconds();
  ProcedureVerdict verdict = procedure();
  verdict.cpu_seconds = thread_cpu_seconds() - began;
  return verdict;
}

// A procedure that did not run because the run's budget was spent: unknown, never a pass.
ProcedureVerdict not_run(const std::string& procedure) {
  ProcedureVerdict verdict;
  verdict.procedure = procedure;
  verdict.reason = "not run: the verification's time budget (--timeout) was spent";
  return verdict;
}

// The procedures' verdicts on one query (its ObligationResult without names and text).
// `smtlib` is the query's text, or empty when it was not made (VerifyOptions::keep_smtlib).
ObligationResult run_task(const QueryTask& task, const std::string& smtlib, const VerifyOptions& options,
                          const Deadline& deadline, const ReplayFunction& replay) {
  ObligationResult obligation;
  const bool run_solvers = !task.ground || options.solvers_for_ground || options.require_agreement >= 2;
  // The automaton first: when it finds a counterexample that the reference semantics confirms,
  // the solvers only confirm that string (a full search for a model can take Z3 seconds and
  // cvc5 minutes, and cannot change the verdict); otherwise they search on their own.
  std::string confirmed;
  double solver_timeout = options.timeout_seconds;
  bool solvers_needed = true;
  if (options.use_automaton) {
    const double limit = deadline.limit(options.timeout_seconds);
    obligation.procedures.push_back(limit > 0 ? timed([&] { return decide_with_automaton(task.query, limit); })
                                               : not_run("automaton"));
    const auto& automaton = obligation.procedures.back();
    if (automaton.verdict == Verdict::kCounterexample &&
        !replay(task, automaton.counterexample).empty()) {
      confirmed = automaton.counterexample;
    }
    const bool decided = automaton.verdict == Verdict::kProved || !confirmed.empty();
    if (decided && options.require_agreement < 2) {
      solvers_needed = options.solvers_when_decided;
      solver_timeout = std::min(solver_timeout, options.confirm_timeout_seconds);
    }
  }
  const bool run_solvers_now = run_solvers && solvers_needed;
  if (options.use_z3 && run_solvers_now) {
    const double limit = deadline.limit(solver_timeout);
    if (limit > 0) {
      // Without kept texts (VerifyOptions::keep_smtlib), Z3's text is made for it alone.
      const std::string made = smtlib.empty() ? query_to_smtlib(task.query) : std::string();
      const std::string& z3_text = smtlib.empty() ? made : smtlib;
      obligation.procedures.push_back(timed([&] { return decide_with_z3(z3_text, limit, confirmed); }));
    } else {
      obligation.procedures.push_back(not_run("z3"));
    }
  }
  if (options.use_cvc5 && run_solvers_now) {
    const double limit = deadline.limit(solver_timeout);
    obligation.procedures.push_back(limit > 0 ? timed([&] { return decide_with_cvc5(task.query, limit, confirmed); })
                                               : not_run("cvc5"));
  }
  // Models may use characters outside printable ASCII; any character the query does not
  // mention is as good as any other, so show a readable one (the replay still judges it).
  const std::string fresh = fresh_domain_character(task.query);
  for (auto& procedure : obligation.procedures) procedure.counterexample = printable_model(procedure.counterexample, fresh);
  return obligation;
}

// Everything a query's answer depends on: its kind and groundness (which procedures run), its
// group and its literals' languages, but not its comment or labels, which name the scope.
// Two tasks with the same key are the same formula, so every procedure answers both alike.
std::string formula_key(const QueryTask& task) {
  std::string key = obligation_code(task.kind);
  key += task.ground ? 'g' : 'l';
  key += task.query.group.other ? 'o' : 'n';
  auto add = [&key](const std::string& text) {
    key += std::to_string(text.size());
    key += ':';
    key += text;
  };
  for (const auto& service : task.query.group.services) add(service);
  for (const auto& literal : task.query.literals) {
    key += literal.member ? "|+g" : "|-g";
    for (const auto& glob : literal.language.globs) add(glob);
    for (const auto& complement : literal.language.complements) {
      key += 'c';
      for (const auto& glob : complement) add(glob);
    }
    key += 'w';
    for (const auto& word : literal.language.words) add(word);
  }
  return key;
}

// The verdicts of a query decided as another with the same formula: the same answers, with no
// time of their own (the time was spent once, on the first).
std::vector<ProcedureVerdict> same_formula_as(std::vector<ProcedureVerdict> procedures) {
  for (auto& procedure : procedures) {
    procedure.seconds = 0;
    procedure.cpu_seconds = 0;
  }
  return procedures;
}

// May a query's verdicts go into the run's memo? Not when a procedure was cut short by the
// verification's budget (--timeout): another unit with more of its budget left could decide it.
bool rememberable(const ObligationResult& obligation, const VerifyOptions& options) {
  if (options.budget_seconds <= 0) return true;
  return std::none_of(obligation.procedures.begin(), obligation.procedures.end(),
                      [](const ProcedureVerdict& procedure) { return procedure.verdict == Verdict::kUnknown; });
}

// One distinct query decided: from the run's memo when it holds the same question (the same
// procedures, formula and exact text), else by the procedures, and then remembered.
ObligationResult decide_task(const QueryTask& task, const std::string& formula, const std::string& kept_smtlib,
                             const std::string& procedures_key, const VerifyOptions& options, const Deadline& deadline,
                             const ReplayFunction& replay) {
  if (options.memo == nullptr) return run_task(task, kept_smtlib, options, deadline, replay);
  // The memo names a query by its text: made here when the texts are not kept, and then handed
  // to Z3 (which would make it anyway).
  const std::string made = kept_smtlib.empty() ? query_to_smtlib(task.query) : std::string();
  const std::string& smtlib = kept_smtlib.empty() ? made : kept_smtlib;
  const std::string key = VerdictMemo::key_of(procedures_key, formula, smtlib);
  if (auto known = options.memo->find(key)) {
    ObligationResult obligation;
    obligation.procedures = same_formula_as(std::move(*known));
    return obligation;
  }
  ObligationResult obligation = run_task(task, smtlib, options, deadline, replay);
  if (rememberable(obligation, options)) options.memo->remember(key, obligation.procedures);
  return obligation;
}

}  // namespace

const char* obligation_code(ObligationKind kind) {
  switch (kind) {
    case ObligationKind::kUnchanged: return "O0";
    case ObligationKind::kSoundness: return "O1";
    case ObligationKind::kRemoval: return "O2";
    case ObligationKind::kCompleteness: return "O3";
    case ObligationKind::kAllowCovered: return "N1";
    case ObligationKind::kDenyKept: return "N2";
    case ObligationKind::kNotGranted: return "N3";
  }
  return "O?";
}

const char* obligation_name(ObligationKind kind) {
  switch (kind) {
    case ObligationKind::kUnchanged: return "unchanged";
    case ObligationKind::kSoundness: return "soundness";
    case ObligationKind::kRemoval: return "removal";
    case ObligationKind::kCompleteness: return "completeness";
    case ObligationKind::kAllowCovered: return "allow-covered";
    case ObligationKind::kDenyKept: return "deny-kept";
    case ObligationKind::kNotGranted: return "not-granted";
  }
  return "?";
}

const char* verdict_name(Verdict verdict) {
  switch (verdict) {
    case Verdict::kProved: return "proved";
    case Verdict::kCounterexample: return "counterexample";
    case Verdict::kUnknown: return "unknown";
  }
  return "?";
}

namespace {

// O0 is structural: the result's document fields and Deny statements are the original's.
ObligationResult unchanged_obligation(const model::PolicyDocument& original, const model::PolicyDocument& result) {
  ObligationResult unchanged;
  unchanged.kind = ObligationKind::kUnchanged;
  unchanged.id = "O0";
  ProcedureVerdict structural{"structural", kAutomatonVersion, Verdict::kProved, {}, {}, 0};
  const auto started = Clock::now();
  const std::string difference = unchanged_difference(original, result);
  structural.seconds = std::chrono::duration<double>(Clock::now() - started).count();
  if (!difference.empty()) {
    structural.verdict = Verdict::kCounterexample;
    unchanged.explanation = difference;
  }
  unchanged.verdict = structural.verdict;
  unchanged.agreeing = 1;
  unchanged.procedures.push_back(structural);
  return unchanged;
}

}  // namespace

void judge_report(VerificationReport& report) {
  bool any_counterexample = false;
  bool any_unknown = false;
  for (const auto& obligation : report.obligations) {
    report.disagreement = report.disagreement || obligation.disagreement;
    any_counterexample = any_counterexample || obligation.verdict == Verdict::kCounterexample;
    any_unknown = any_unknown || obligation.verdict == Verdict::kUnknown;
  }
  report.verdict = report.disagreement ? Verdict::kUnknown
                   : any_counterexample ? Verdict::kCounterexample
                   : any_unknown        ? Verdict::kUnknown
                                        : Verdict::kProved;
}

Result<std::vector<ObligationResult>> decide_queries(const std::vector<QueryTask>& tasks, const VerifyOptions& options,
                                                     const ReplayFunction& replay,
                                                     std::chrono::steady_clock::time_point began) {
  // Without the solver module Z3 and cvc5 would only say `unknown`, which the automaton's
  // `unsat` could outvote: an error instead.
  if (options.use_z3 || options.use_cvc5) {
    if (auto available = solvers_available(); !available) return available.error();
  }
  const Deadline deadline{began, options.budget_seconds};
  std::vector<ObligationText> texts = obligation_texts(tasks, options.keep_smtlib);
  // Queries that differ only in their scope's name (many statements with the same actions and
  // different Resources) are decided once: `decided[i]` is the first task with task i's
  // formula, and only those run.
  std::vector<std::size_t> decided(tasks.size());
  std::vector<std::size_t> distinct;
  std::unordered_map<std::string, std::size_t> first_with;
  for (std::size_t i = 0; i < tasks.size(); ++i) {
    const auto [found, added] = first_with.emplace(formula_key(tasks[i]), i);
    decided[i] = found->second;
    if (added) distinct.push_back(i);
  }
  // The distinct queries' formula keys, for the run's memo (VerifyOptions::memo).
  std::vector<std::string> formulas(tasks.size());
  if (options.memo != nullptr) {
    for (const auto& [formula, i] : first_with) formulas[i] = formula;
  }
  first_with.clear();
  const std::string procedures_key =
      options.memo != nullptr ? memo_procedures_key(options, z3_version_text(), options.use_cvc5 ? cvc5_version_text() : "")
                              : std::string();
  std::vector<ObligationResult> results(tasks.size());
  support::parallel_for(distinct.size(), options.threads, [&](std::size_t d) {
    const std::size_t i = distinct[d];
    results[i] = decide_task(tasks[i], formulas[i], texts[i].smtlib, procedures_key, options, deadline, replay);
  });

  for (std::size_t i = 0; i < results.size(); ++i) {
    if (decided[i] != i) results[i].procedures = same_formula_as(results[decided[i]].procedures);
  }
  for (std::size_t i = 0; i < results.size(); ++i) {
    auto& obligation = results[i];
    const QueryTask& task = tasks[i];
    obligation.kind = task.kind;
    obligation.scope = task.scope;
    obligation.scope_index = task.scope_index;
    obligation.id = std::move(texts[i].id);
    obligation.service = std::move(texts[i].service);
    obligation.smtlib = std::move(texts[i].smtlib);
    obligation.ground = task.ground;
    // Each task's counterexample is replayed against its own scope's statements.
    judge(obligation, task, replay, options.require_agreement);
  }
  return results;
}

Result<VerificationReport> verify_refinement(const model::PolicyDocument& original, const model::UnusedFindings& findings,
                                             const model::PolicyDocument& result, const model::Catalog& catalog,
                                             const VerifyOptions& options) {
  const auto began = Clock::now();
  VerificationReport report;
  report.z3_version = z3_version_text();
  report.cvc5_version = options.use_cvc5 ? cvc5_version_text() : "";
  // The same warnings as refine's (findings the catalog does not know, or the original does not allow).
  report.warnings = model::findings_warnings(original, findings, catalog);
  report.obligations.push_back(unchanged_obligation(original, result));

  auto tasks = build_queries(original, findings, result, catalog);
  if (!tasks) return tasks.error();
  const ReplayFunction replay = [&](const QueryTask& task, const std::string& action) {
    return replay_counterexample(task, action, original, findings, result, catalog);
  };
  auto decided = decide_queries(*tasks, options, replay, began);
  if (!decided) return decided.error();
  for (auto& obligation : *decided) report.obligations.push_back(std::move(obligation));
  judge_report(report);
  report.seconds = std::chrono::duration<double>(Clock::now() - began).count();
  return report;
}

SolverCoverage solver_coverage(const VerificationReport& report) {
  SolverCoverage coverage;
  for (const auto& obligation : report.obligations) {
    if (obligation.kind == ObligationKind::kUnchanged) continue;
    ++coverage.queries;
    bool ran = false;
    for (const auto& procedure : obligation.procedures) {
      const bool unsat = procedure.verdict == Verdict::kProved;
      if (procedure.procedure == "z3") coverage.z3_unsat += unsat ? 1 : 0;
      if (procedure.procedure == "cvc5") coverage.cvc5_unsat += unsat ? 1 : 0;
      ran = ran || procedure.procedure == "z3" || procedure.procedure == "cvc5";
    }
    coverage.solvers_run += ran ? 1 : 0;
  }
  return coverage;
}

Verdict report_verdict(const VerificationReport& report) {
  return report.disagreement ? Verdict::kUnknown : report.verdict;
}

VerifyOptions fast_options(VerifyOptions options) {
  options.solvers_for_ground = false;
  options.solvers_when_decided = false;
  return options;
}

namespace {

// What the obligations of one kind in one scope came to.
struct Summary {
  int queries = 0;
  int proved = 0;
  int failed = 0;
  int unknown = 0;
  int min_agreeing = 1 << 30;
  std::map<std::string, double> procedure_seconds;
};

using SummaryKey = std::pair<int, int>;  // (obligation kind, scope index)

std::map<SummaryKey, Summary> summarize(const VerificationReport& report) {
  std::map<SummaryKey, Summary> summaries;
  for (const auto& obligation : report.obligations) {
    auto& summary = summaries[{static_cast<int>(obligation.kind), obligation.scope_index}];
    ++summary.queries;
    if (obligation.verdict == Verdict::kProved) {
      ++summary.proved;
      summary.min_agreeing = std::min(summary.min_agreeing, obligation.agreeing);
    }
    if (obligation.verdict == Verdict::kCounterexample) ++summary.failed;
    if (obligation.verdict == Verdict::kUnknown) ++summary.unknown;
    for (const auto& procedure : obligation.procedures) summary.procedure_seconds[procedure.procedure] += procedure.seconds;
  }
  return summaries;
}

void write_summary_line(std::ostream& out, const SummaryKey& key, const Summary& summary) {
  const auto kind = static_cast<ObligationKind>(key.first);
  out << obligation_code(kind) << " " << obligation_name(kind);
  if (key.second > 0) out << ", scope " << key.second;
  out << ": ";
  if (summary.failed > 0) {
    out << "FAILED (" << summary.failed << " of " << summary.queries << " queries have a counterexample)";
  } else if (summary.unknown > 0) {
    out << "UNKNOWN (" << summary.unknown << " of " << summary.queries << " queries undecided)";
  } else {
    out << "proved (" << summary.queries << (summary.queries == 1 ? " query" : " queries") << ", every one by at least "
        << summary.min_agreeing << " procedure" << (summary.min_agreeing == 1 ? "" : "s") << ")";
  }
  out << ";";
  for (const auto& [procedure, seconds] : summary.procedure_seconds) out << " " << procedure << " " << format_seconds(seconds);
  out << "\n";
}

// Each scope's text once, under the summary lines (scope 0 is the policy as a whole).
void write_scopes(std::ostream& out, const VerificationReport& report) {
  std::map<int, std::string> scopes;
  for (const auto& obligation : report.obligations) {
    if (obligation.scope_index > 0 && obligation.kind == ObligationKind::kSoundness) {
      scopes[obligation.scope_index] = obligation.scope;
    }
  }
  for (const auto& [index, scope] : scopes) {
    out << "  scope " << index << ": " << (scope.size() > 160 ? scope.substr(0, 160) + "…" : scope) << "\n";
  }
}

// Every obligation not proved: its counterexample and explanation, or why it is undecided.
void write_unproved(std::ostream& out, const ObligationResult& obligation) {
  out << "\n" << obligation.id << " " << obligation_name(obligation.kind) << ": " << verdict_name(obligation.verdict);
  if (obligation.verdict == Verdict::kCounterexample) {
    if (!obligation.counterexample.empty()) out << "\n  counterexample: `" << printable(obligation.counterexample) << "`";
    out << "\n  " << obligation.explanation;
  } else {
    out << "\n  " << obligation.reason;
  }
  out << "\n  procedures:";
  for (const auto& procedure : obligation.procedures) {
    out << " " << procedure.procedure << "=" << verdict_name(procedure.verdict) << " (" << format_seconds(procedure.seconds)
        << ")";
  }
  out << "\n";
}

}  // namespace

std::string report_to_text(const VerificationReport& report) {
  std::ostringstream out;
  for (const auto& [key, summary] : summarize(report)) write_summary_line(out, key, summary);
  write_scopes(out, report);
  for (const auto& obligation : report.obligations) {
    if (obligation.verdict != Verdict::kProved) write_unproved(out, obligation);
  }
  for (const auto& warning : report.warnings) out << "warning: " << warning << "\n";
  out << "\nverdict: " << verdict_name(report.verdict) << (report.disagreement ? " (PROCEDURES DISAGREE)" : "") << ", "
      << report.obligations.size() << " queries in " << format_seconds(report.seconds) << " (z3 " << report.z3_version
      << ", cvc5 " << report.cvc5_version << ", " << kAutomatonVersion << ")\n";
  return out.str();
}

}  // namespace leastpriv::verifier
