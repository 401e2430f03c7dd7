// Verification benchmark (issues 3 and 13): the seed example; `Action: "*"` refined against
// 50 wholly unused services and 4,000 unused actions; the AWS managed policy ReadOnlyAccess
// refined with 30% of the actions it allows unused; and the managed policy corpus (latest
// version of each policy) with 50% of the actions each allows unused. Each case runs in the
// modes asked for, one after the other in the same run, so that their times compare: wall time,
// the number of queries, each procedure's summed time and any query that is not proved.
//
// Usage: build/bench/verify_bench [bench/data/managedPolicies.json] [--timeout SECONDS]
//            [--only seed|star|readonly|corpus] [--modes default,fast,every] [--fast]
//            [--profile] [--sample K] [--corpus-limit N] [--threads N]
//            [--write-inputs DIR]
//   default  the verifier's default options (what `refine` runs);
//   fast     the solvers only where the automaton cannot decide (`--fast`; also the flag --fast);
//   every    every procedure on every query, each with the full timeout (issue 13's baseline).
//   --profile prints, per mode, where the time went: per obligation kind, ground or not, and
//   procedure (queries, summed and largest seconds, answers other than unsat).
//   --write-inputs writes each case's policy and findings to DIR (for timing the CLI on them;
//   with --only corpus, each sampled policy's, named after it).
//   corpus: every K-th policy (--sample, default 1: all 1,594), at most N (--corpus-limit);
//   per-policy verification time p50 / p99 / max, and the policies not proved.
// Run from the source directory (examples/seed, proofs/faults). Goals (issue 13, 2 cores,
// idle): default mode seed < 0.5 s, readonly < 5 s, corpus p50 < 100 ms, p99 < 5 s, no unknown.
//
// IMPLEMENTATION: the refined policies come from the engine (refine_policy with the `aws`
// strategy); the findings are picked deterministically (every k-th service / action; for the
// corpus a Mersenne twister seeded 50 over the catalog in order, as bench/refine_bench.cpp
// does), so runs compare. The benchmark is the only place that links both the engine's
// refinement and the verifier; the verifier itself never sees the engine's matcher.
#include "engine/refine.h"
#include "engine/strategies/strategy.h"
#include "model/catalog.h"
#include "model/findings.h"
#include "model/json_text.h"
#include "model/policy_input.h"
#include "verifier/decide/verify.h"

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

namespace {

using namespace leastpriv;
using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

// User + system CPU time of the whole process (every thread), in seconds: on a loaded machine
// the wall clock also counts waiting for a core, this does not.
double process_cpu_seconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
         static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) * 1e-6;
}

double percentile(std::vector<double> values, double p) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  return values[std::min(values.size() - 1, static_cast<std::size_t>(p * static_cast<double>(values.size())))];
}

struct Settings {
  double timeout = 60;
  std::vector<std::string> modes = {"default", "fast"};
  bool profile = false;
  std::size_t sample = 1;
  std::size_t corpus_limit = 0;  // 0: no limit
  unsigned threads = 0;          // worker threads for queries (0: one per hardware thread)
  std::string write_inputs;      // a folder: each case's policy and findings as files, for the CLI
};

// NAME-policy.json and NAME-findings.json in `folder`, so that `leastpriv refine` and
// `check-certificate` can be timed on exactly the benchmark's inputs.
void write_case_inputs(const std::string& folder, const std::string& name, const model::PolicyDocument& original,
                       const model::UnusedFindings& findings) {
  std::map<std::string, model::Json> services;
  for (const auto& action : findings.unused_actions()) {
    const auto colon = action.find(':');
    auto& entry = services[action.substr(0, colon)];
    if (!entry.contains("actions")) entry["actions"] = model::Json::array();
    entry["actions"].push_back(findings.spelling(action));
  }
  for (const auto& service : findings.unused_services()) services[service] = model::Json::object();
  model::Json list = model::Json::array();
  for (auto& [service, entry] : services) {
    entry["serviceNamespace"] = service;
    list.push_back(entry);
  }
  std::FILE* policy = std::fopen((folder + "/" + name + "-policy.json").c_str(), "w");
  std::FILE* unused = std::fopen((folder + "/" + name + "-findings.json").c_str(), "w");
  if (policy != nullptr) std::fputs(model::policy_to_text(original).c_str(), policy);
  if (unused != nullptr) std::fputs((model::dump_json(list) + "\n").c_str(), unused);
  if (policy != nullptr) std::fclose(policy);
  if (unused != nullptr) std::fclose(unused);
}

verifier::VerifyOptions options_for(const std::string& mode, const Settings& settings) {
  verifier::VerifyOptions options;
  options.timeout_seconds = settings.timeout;
  options.threads = settings.threads;
  if (mode == "fast") {
    options.solvers_when_decided = false;
    options.solvers_for_ground = false;
    options.require_agreement = 1;
  } else if (mode == "every") {
    options.solvers_when_decided = true;
    options.solvers_for_ground = true;
    options.confirm_timeout_seconds = settings.timeout;
  }
  return options;
}

// Where the time went, per (obligation kind, ground, procedure).
struct Bucket {
  int queries = 0;
  double seconds = 0;
  double cpu_seconds = 0;
  double largest = 0;
  std::map<std::string, int> answers;  // every answer but `proved`
};
using Profile = std::map<std::string, Bucket>;

void add_to_profile(Profile& profile, const verifier::VerificationReport& report) {
  for (const auto& obligation : report.obligations) {
    const std::string kind = std::string(verifier::obligation_code(obligation.kind)) +
                             (obligation.kind == verifier::ObligationKind::kUnchanged ? ""
                              : obligation.ground                                        ? " ground"
                                                                                         : " language");
    for (const auto& procedure : obligation.procedures) {
      Bucket& bucket = profile[kind + " " + procedure.procedure];
      ++bucket.queries;
      bucket.seconds += procedure.seconds;
      bucket.cpu_seconds += procedure.cpu_seconds;
      bucket.largest = std::max(bucket.largest, procedure.seconds);
      if (procedure.verdict != verifier::Verdict::kProved) {
        ++bucket.answers[std::string(verifier::verdict_name(procedure.verdict)) +
                         (procedure.reason.empty() ? "" : " (" + procedure.reason.substr(0, 40) + ")")];
      }
    }
  }
}

void print_profile(const std::string& title, const Profile& profile) {
  std::printf("  profile %s: kind, procedure: queries, summed wall s, summed CPU s, largest wall s, answers other than unsat\n",
              title.c_str());
  for (const auto& [key, bucket] : profile) {
    std::printf("    %-26s %6d %9.3f %9.3f %8.3f", key.c_str(), bucket.queries, bucket.seconds, bucket.cpu_seconds,
                bucket.largest);
    for (const auto& [answer, count] : bucket.answers) std::printf("  %s x%d", answer.c_str(), count);
    std::printf("\n");
  }
}

model::PolicyDocument refine_with_aws(const model::PolicyDocument& original, const model::UnusedFindings& findings,
                                      const model::Catalog& catalog, double& seconds) {
  auto strategy = engine::make_strategy("aws");
  const auto start = Clock::now();
  const auto refinement = engine::refine_policy(original, findings, catalog, **strategy);
  seconds = seconds_since(start);
  return refinement.detach ? model::PolicyDocument{} : refinement.document;
}

std::size_t pattern_count(const model::PolicyDocument& policy) {
  std::size_t count = 0;
  for (const auto& statement : policy.statements) count += statement.patterns.size();
  return count;
}

// One case in one mode: prints its line, returns 0 when proved.
int run_case(const std::string& name, const model::PolicyDocument& original, const model::UnusedFindings& findings,
             const model::Catalog& catalog, const model::PolicyDocument& result, double refine_seconds,
             const std::string& mode, const Settings& settings) {
  const auto start = Clock::now();
  const double cpu_start = process_cpu_seconds();
  auto report = verifier::verify_refinement(original, findings, result, catalog, options_for(mode, settings));
  const double verify_seconds = seconds_since(start);
  const double verify_cpu = process_cpu_seconds() - cpu_start;
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
  std::printf("%-9s %-7s %5zu -> %5zu patterns, %zu unused + %zu services; refine %.3f s; verify %.3f s wall, %.3f s CPU: %s, "
              "%zu queries (",
              name.c_str(), mode.c_str(), pattern_count(original), pattern_count(result), findings.unused_actions().size(),
              findings.unused_services().size(), refine_seconds, verify_seconds, verify_cpu, verifier::verdict_name(report->verdict),
              report->obligations.size());
  for (const auto& [kind, count] : per_kind) std::printf(" %s %d", kind.c_str(), count);
  std::printf(" );");
  for (const auto& [procedure, seconds] : procedure_seconds) std::printf(" %s %.3f s", procedure.c_str(), seconds);
  std::printf("\n");
  if (settings.profile) {
    Profile profile;
    add_to_profile(profile, *report);
    print_profile(name + " " + mode, profile);
  }
  std::fflush(stdout);
  return not_proved == 0 ? 0 : 1;
}

int run_all_modes(const std::string& name, const model::PolicyDocument& original, const model::UnusedFindings& findings,
                  const model::Catalog& catalog, const model::PolicyDocument* given_result, const Settings& settings,
                  int runs = 1) {
  if (!settings.write_inputs.empty()) write_case_inputs(settings.write_inputs, name, original, findings);
  double refine_seconds = 0;
  const model::PolicyDocument result =
      given_result != nullptr ? *given_result : refine_with_aws(original, findings, catalog, refine_seconds);
  int status = 0;
  for (const auto& mode : settings.modes) {
    for (int run = 0; run < runs; ++run) {
      status |= run_case(name, original, findings, catalog, result, refine_seconds, mode, settings);
    }
  }
  return status;
}

model::UnusedFindings star_findings(const model::Catalog& catalog) {
  // 50 whole services (every 9th), then 4,000 actions from the others (evenly spread).
  std::vector<std::string> services;
  for (const auto& action : catalog.actions()) {
    const std::string service(action.lower_full.substr(0, action.lower_full.find(':')));
    if (services.empty() || services.back() != service) services.push_back(service);
  }
  model::UnusedFindings findings;
  std::set<std::string> whole;
  for (std::size_t i = 0; i < services.size() && whole.size() < 50; i += 9) {
    whole.insert(services[i]);
    findings.add_unused_service(services[i]);
  }
  std::vector<const model::CatalogAction*> candidates;
  for (const auto& action : catalog.actions()) {
    if (whole.count(std::string(action.lower_full.substr(0, action.lower_full.find(':')))) == 0) candidates.push_back(&action);
  }
  const double step = static_cast<double>(candidates.size()) / 4000.0;
  for (int k = 0; k < 4000; ++k) {
    const auto* action = candidates[static_cast<std::size_t>(k * step)];
    findings.add_unused_action(action->service, action->name);
  }
  return findings;
}

// The latest version of every policy in the corpus, in the corpus's order.
Result<std::vector<std::pair<std::string, model::PolicyDocument>>> load_corpus(const std::string& path) {
  // The corpus (77 MB) is over the 16 MiB input limit meant for policies.
  auto text = model::read_text_file(path, std::size_t{1} << 30);
  if (!text) return text.error();
  auto corpus = model::parse_json_text(*text, path);
  if (!corpus) return corpus.error();
  std::vector<std::pair<std::string, model::PolicyDocument>> latest;
  for (const auto& [name, policy] : corpus->items()) {
    const std::string latest_id = policy.value("latestVersionId", "");
    if (!policy.contains("versions") || !policy["versions"].contains(latest_id)) continue;
    auto parsed = model::parse_policy_document(policy["versions"][latest_id]["document"], name, "");
    if (parsed) latest.emplace_back(name, std::move(parsed).value());
  }
  return latest;
}

// Per mode: each sampled policy's verification time, and which were not proved.
struct CorpusRun {
  std::vector<double> seconds;
  std::vector<double> cpu_seconds;
  std::vector<std::pair<double, std::string>> slowest;
  std::vector<std::string> not_proved;
  int unknown = 0;
  Profile profile;
};

int run_corpus(const std::string& path, const model::Catalog& catalog, const Settings& settings) {
  auto latest = load_corpus(path);
  if (!latest) {
    std::fprintf(stderr, "%s (pass the managed policy corpus)\n", latest.error().message.c_str());
    return 2;
  }
  std::mt19937_64 random(50);
  std::map<std::string, CorpusRun> runs;
  std::size_t sampled = 0;
  const auto began = Clock::now();
  for (std::size_t index = 0; index < latest->size(); ++index) {
    const auto& [name, document] = (*latest)[index];
    // The findings of every policy are drawn, sampled or not, so the draw matches refine_bench.
    model::UnusedFindings findings;
    std::vector<engine::CompiledStatement> statements;
    for (const auto& statement : document.statements) statements.emplace_back(statement);
    for (const auto& action : catalog.actions()) {
      const bool allowed = std::any_of(statements.begin(), statements.end(),
                                       [&](const engine::CompiledStatement& s) { return s.allows(std::string(action.lower_full)); });
      if (allowed && random() % 2 == 0) findings.add_unused_action(action.service, action.name);
    }
    if (index % settings.sample != 0) continue;
    if (settings.corpus_limit > 0 && sampled >= settings.corpus_limit) break;
    ++sampled;
    if (!settings.write_inputs.empty()) write_case_inputs(settings.write_inputs, name, document, findings);
    double refine_seconds = 0;
    const model::PolicyDocument result = refine_with_aws(document, findings, catalog, refine_seconds);
    for (const auto& mode : settings.modes) {
      CorpusRun& run = runs[mode];
      const auto start = Clock::now();
      const double cpu_start = process_cpu_seconds();
      auto report = verifier::verify_refinement(document, findings, result, catalog, options_for(mode, settings));
      const double elapsed = seconds_since(start);
      run.seconds.push_back(elapsed);
      run.cpu_seconds.push_back(process_cpu_seconds() - cpu_start);
      run.slowest.emplace_back(elapsed, name);
      if (!report || report->verdict != verifier::Verdict::kProved) {
        run.not_proved.push_back(name + ": " + (report ? verifier::verdict_name(report->verdict) : report.error().message));
        if (report && report->verdict == verifier::Verdict::kUnknown) ++run.unknown;
        if (report) {
          for (const auto& obligation : report->obligations) {
            if (obligation.verdict != verifier::Verdict::kProved) {
              std::printf("  %s %s %s: %s %s\n", name.c_str(), mode.c_str(), obligation.id.c_str(),
                          verifier::verdict_name(obligation.verdict), obligation.reason.c_str());
            }
          }
        }
      }
      if (report && settings.profile) add_to_profile(run.profile, *report);
    }
  }
  std::printf("corpus: %zu of %zu policies (every %zu-th), 50%% of allowed catalog actions unused, %.1f s in all\n", sampled,
              latest->size(), settings.sample, seconds_since(began));
  int status = 0;
  for (const auto& mode : settings.modes) {
    CorpusRun& run = runs[mode];
    double total = 0;
    double total_cpu = 0;
    for (double s : run.seconds) total += s;
    for (double s : run.cpu_seconds) total_cpu += s;
    std::printf("  %-7s verify per policy (wall): p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms; total %.1f s wall, "
                "%.1f s CPU (CPU per policy: p50 %.1f ms, p99 %.1f ms); %zu not proved (%d unknown)\n",
                mode.c_str(), 1000 * percentile(run.seconds, 0.5), 1000 * percentile(run.seconds, 0.9),
                1000 * percentile(run.seconds, 0.99), 1000 * percentile(run.seconds, 1.0), total, total_cpu,
                1000 * percentile(run.cpu_seconds, 0.5), 1000 * percentile(run.cpu_seconds, 0.99), run.not_proved.size(),
                run.unknown);
    std::sort(run.slowest.rbegin(), run.slowest.rend());
    for (std::size_t i = 0; i < 3 && i < run.slowest.size(); ++i) {
      std::printf("    slowest %zu: %.3f s %s\n", i + 1, run.slowest[i].first, run.slowest[i].second.c_str());
    }
    for (const auto& failure : run.not_proved) std::printf("    not proved: %s\n", failure.c_str());
    if (settings.profile) print_profile("corpus " + mode, run.profile);
    if (!run.not_proved.empty()) status = 1;
  }
  return status;
}

std::vector<std::string> split_commas(const std::string& text) {
  std::vector<std::string> parts;
  std::string current;
  for (char c : text + ",") {
    if (c != ',') {
      current += c;
    } else if (!current.empty()) {
      parts.push_back(current);
      current.clear();
    }
  }
  return parts;
}

}  // namespace

int main(int argc, char** argv) {
  std::string corpus_path = "bench/data/managedPolicies.json";
  Settings settings;
  std::string only;
  for (int i = 1; i < argc; ++i) {
    const std::string word = argv[i];
    if (word == "--timeout" && i + 1 < argc) {
      settings.timeout = std::atof(argv[++i]);
    } else if (word == "--fast") {
      settings.modes = {"fast"};
    } else if (word == "--modes" && i + 1 < argc) {
      settings.modes = split_commas(argv[++i]);
    } else if (word == "--threads" && i + 1 < argc) {
      settings.threads = static_cast<unsigned>(std::strtoul(argv[++i], nullptr, 10));
    } else if (word == "--write-inputs" && i + 1 < argc) {
      settings.write_inputs = argv[++i];
    } else if (word == "--profile") {
      settings.profile = true;
    } else if (word == "--sample" && i + 1 < argc) {
      settings.sample = std::max<std::size_t>(1, std::strtoul(argv[++i], nullptr, 10));
    } else if (word == "--corpus-limit" && i + 1 < argc) {
      settings.corpus_limit = std::strtoul(argv[++i], nullptr, 10);
    } else if (word == "--only" && i + 1 < argc) {
      only = argv[++i];
    } else {
      corpus_path = word;
    }
  }
  for (const auto& mode : settings.modes) {
    if (mode != "default" && mode != "fast" && mode != "every") {
      std::fprintf(stderr, "verify_bench: unknown mode `%s` (default, fast, every)\n", mode.c_str());
      return 2;
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
    status |= run_all_modes("seed", original->document, *findings, *catalog, &result->document, settings, 3);
  }

  if (only.empty() || only == "star") {
    auto original = model::load_policy_text(R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]})",
                                             "star");
    status |= run_all_modes("star", original->document, star_findings(*catalog), *catalog, nullptr, settings);
  }

  if (only.empty() || only == "readonly") {
    auto latest = load_corpus(corpus_path);
    if (!latest) {
      std::fprintf(stderr, "%s (pass the managed policy corpus)\n", latest.error().message.c_str());
      return 2;
    }
    const auto found = std::find_if(latest->begin(), latest->end(), [](const auto& entry) { return entry.first == "ReadOnlyAccess"; });
    if (found == latest->end()) return 2;
    const model::PolicyDocument& original = found->second;
    // 30% of the catalog actions it allows: three of every ten, in catalog order.
    model::UnusedFindings findings;
    std::size_t allowed = 0;
    for (const auto& action : catalog->actions()) {
      bool allows = false;
      for (const auto& statement : original.statements) allows = allows || engine::statement_allows(statement, std::string(action.lower_full));
      if (!allows) continue;
      if (allowed++ % 10 < 3) findings.add_unused_action(action.service, action.name);
    }
    status |= run_all_modes("readonly", original, findings, *catalog, nullptr, settings);
  }

  if (only == "corpus") status |= run_corpus(corpus_path, *catalog, settings);
  return status;
}
