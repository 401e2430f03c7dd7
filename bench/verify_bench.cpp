// Verification benchmark (issue 3's figures): the seed example; `Action: "*"` refined against
// 50 wholly unused services and 4,000 unused actions; the AWS managed policy ReadOnlyAccess
// refined with 30% of the actions it allows unused. Prints wall time, the number of queries,
// each procedure's summed time and any query that is not proved.
//
// Usage: build/bench/verify_bench [bench/data/managedPolicies.json] [--timeout SECONDS] [--only NAME] [--fast]
//   (NAME: seed, star, readonly). Goals on the 2-core machine: seed < 1 s, the others < 30 s,
//   no `unknown` at the 60 s timeout.
//
// IMPLEMENTATION: the refined policies come from the engine (refine_policy with the `aws`
// strategy); the findings are picked deterministically (every k-th service / action), so runs
// compare. The benchmark is the only place that links both the engine's refinement and the
// verifier; the verifier itself never sees the engine's matcher.
#include "model/catalog.h"
#include "model/findings.h"
#include "model/json_text.h"
#include "model/policy_input.h"
#include "engine/refine.h"
#include "engine/strategies/strategy.h"
#include "verifier/decide/verify.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <set>
#include <string>

namespace {

using namespace leastpriv;
using Clock = std::chrono::steady_clock;
bool g_fast = false;  // --fast: solvers only on queries the automaton leaves undecided

double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

int run_case(const std::string& name, const model::PolicyDocument& original, const model::UnusedFindings& findings,
             const model::Catalog& catalog, double timeout, const model::PolicyDocument* given_result) {
  model::PolicyDocument result;
  double refine_seconds = 0;
  if (given_result != nullptr) {
    result = *given_result;
  } else {
    auto strategy = engine::make_strategy("aws");
    if (!strategy) {
      std::fprintf(stderr, "%s\n", strategy.error().message.c_str());
      return 2;
    }
    const auto start = Clock::now();
    const auto refinement = engine::refine_policy(original, findings, catalog, **strategy);
    refine_seconds = seconds_since(start);
    result = refinement.detach ? model::PolicyDocument{} : refinement.document;
  }
  std::size_t original_patterns = 0;
  std::size_t result_patterns = 0;
  for (const auto& statement : original.statements) original_patterns += statement.patterns.size();
  for (const auto& statement : result.statements) result_patterns += statement.patterns.size();

  verifier::VerifyOptions options;
  options.timeout_seconds = timeout;
  options.solvers_when_decided = !g_fast;
  const auto start = Clock::now();
  auto report = verifier::verify_refinement(original, findings, result, catalog, options);
  const double verify_seconds = seconds_since(start);
  if (!report) {
    std::fprintf(stderr, "%s: %s\n", name.c_str(), report.error().message.c_str());
    return 2;
  }
  std::map<std::string, double> procedure_seconds;
  std::map<std::string, int> per_kind;
  int not_proved = 0;
  for (const auto& obligation : report->obligations) {
    ++per_kind[verifier::obligation_code(obligation.kind)];
    double slowest = 0;
    for (const auto& procedure : obligation.procedures) {
      procedure_seconds[procedure.procedure] += procedure.seconds;
      slowest = std::max(slowest, procedure.seconds);
    }
    if (slowest > 2.0) {
      std::printf("  slow query %s:", obligation.id.c_str());
      for (const auto& procedure : obligation.procedures) {
        std::printf(" %s=%s %.2f s", procedure.procedure.c_str(), verifier::verdict_name(procedure.verdict), procedure.seconds);
      }
      std::printf(" (%zu bytes of SMT-LIB)\n", obligation.smtlib.size());
    }
    if (obligation.verdict != verifier::Verdict::kProved) {
      ++not_proved;
      std::printf("  %s: %s %s%s\n", obligation.id.c_str(), verifier::verdict_name(obligation.verdict),
                  obligation.counterexample.c_str(), obligation.reason.c_str());
    }
  }
  std::printf("%-9s %5zu -> %5zu patterns, %zu unused + %zu services; refine %.3f s; verify %.3f s wall: %s, %zu queries (",
              name.c_str(), original_patterns, result_patterns, findings.unused_actions().size(),
              findings.unused_services().size(), refine_seconds, verify_seconds, verifier::verdict_name(report->verdict),
              report->obligations.size());
  for (const auto& [kind, count] : per_kind) std::printf(" %s %d", kind.c_str(), count);
  std::printf(" );");
  for (const auto& [procedure, seconds] : procedure_seconds) std::printf(" %s %.3f s", procedure.c_str(), seconds);
  std::printf("\n");
  return not_proved == 0 ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  std::string corpus_path = "bench/data/managedPolicies.json";
  double timeout = 60;
  std::string only;
  for (int i = 1; i < argc; ++i) {
    const std::string word = argv[i];
    if (word == "--timeout" && i + 1 < argc) {
      timeout = std::atof(argv[++i]);
    } else if (word == "--fast") {
      g_fast = true;
    } else if (word == "--only" && i + 1 < argc) {
      only = argv[++i];
    } else {
      corpus_path = word;
    }
  }
  auto catalog = model::Catalog::embedded();
  if (!catalog) return 2;
  int status = 0;

  if (only.empty() || only == "seed") {
    auto original = model::load_policy_file("examples/seed/policy.json");
    auto findings = model::UnusedFindings::from_file("examples/seed/findings.json");
    auto result = model::load_policy_file("proofs/faults/00-seed-correct/result.json");
    if (!original || !findings || !result) {
      std::fprintf(stderr, "run from the source directory (examples/seed, proofs/faults)\n");
      return 2;
    }
    for (int run = 0; run < 3; ++run) {
      status |= run_case("seed", original->document, *findings, *catalog, timeout, &result->document);
    }
  }

  if (only.empty() || only == "star") {
    auto original = model::load_policy_text(R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]})",
                                             "star");
    // 50 whole services (every 9th), then 4,000 actions from the others (evenly spread).
    std::vector<std::string> services;
    for (const auto& action : catalog->actions()) {
      const std::string service = action.lower_full.substr(0, action.lower_full.find(':'));
      if (services.empty() || services.back() != service) services.push_back(service);
    }
    model::UnusedFindings findings;
    std::set<std::string> whole;
    for (std::size_t i = 0; i < services.size() && whole.size() < 50; i += 9) {
      whole.insert(services[i]);
      findings.add_unused_service(services[i]);
    }
    std::vector<const model::CatalogAction*> candidates;
    for (const auto& action : catalog->actions()) {
      if (whole.count(action.lower_full.substr(0, action.lower_full.find(':'))) == 0) candidates.push_back(&action);
    }
    const double step = static_cast<double>(candidates.size()) / 4000.0;
    for (int k = 0; k < 4000; ++k) {
      const auto* action = candidates[static_cast<std::size_t>(k * step)];
      findings.add_unused_action(action->service, action->name);
    }
    status |= run_case("star", original->document, findings, *catalog, timeout, nullptr);
  }

  if (only.empty() || only == "readonly") {
    auto text = model::read_text_file(corpus_path);
    if (!text) {
      std::fprintf(stderr, "%s (pass the managed policy corpus)\n", text.error().message.c_str());
      return 2;
    }
    auto corpus = model::parse_json_text(*text, corpus_path);
    if (!corpus) return 2;
    const auto& entry = (*corpus)["ReadOnlyAccess"];
    const auto& document = entry["versions"][entry["latestVersionId"].get<std::string>()]["document"];
    auto original = model::parse_policy_document(document, "ReadOnlyAccess", "");
    if (!original) return 2;
    // 30% of the catalog actions it allows: three of every ten, in catalog order.
    model::UnusedFindings findings;
    std::size_t allowed = 0;
    for (const auto& action : catalog->actions()) {
      bool allows = false;
      for (const auto& statement : original->statements) allows = allows || engine::statement_allows(statement, action.lower_full);
      if (!allows) continue;
      if (allowed++ % 10 < 3) findings.add_unused_action(action.service, action.name);
    }
    status |= run_case("readonly", *original, findings, *catalog, timeout, nullptr);
  }
  return status;
}
