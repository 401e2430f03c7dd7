// The strategy `fewest`; see fewest_strategy.h.
#include "engine/strategies/fewest_strategy.h"

#include "engine/match/glob_inclusion.h"
#include "engine/match/tokenize.h"
#include "engine/strategies/set_cover.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>

namespace leastpriv::engine {

namespace {

using Bits = CoverBits;
using Candidate = CoverCandidate;

// Word-aligned patterns that match `full` (see the header for the shapes).
std::vector<std::string> candidate_patterns(const std::string& full) {
  const std::vector<std::size_t> b = action_boundaries(full);
  std::vector<std::string> out{full};
  const std::size_t k = b.size() - 1;  // b[k] == full.size()
  for (std::size_t i = 0; i <= k; ++i) out.push_back(full.substr(0, b[i]) + "*");
  for (std::size_t i = 0; i < k; ++i) {
    for (std::size_t j = i; j < k; ++j) out.push_back(full.substr(0, b[i]) + "*" + full.substr(b[j]));
  }
  for (std::size_t i = 0; i < k; ++i) {
    for (std::size_t j = i + 1; j <= k; ++j) out.push_back(full.substr(0, b[0]) + "*" + full.substr(b[i], b[j] - b[i]) + "*");
  }
  return out;
}

// A step of the inclusion search (a letter read by both automata) counts as this many units.
constexpr std::size_t kStepWork = 16;
// One inclusion check may take at most this many steps (some tens of microseconds). Only an
// entry with a `?` needs a search at all (the corpus's entries have none: each of its 13,917
// checks is one match), and after a `*`, 2^(number of `?`) state sets can be reachable.
constexpr std::size_t kInclusionSteps = std::size_t{1} << 10;

// Does `entry` include `candidate` over all strings? Nothing when the check ran out of steps
// (its own, or the budget's) before it knew.
std::optional<bool> entry_includes(const ActionPattern& entry, const ActionPattern& candidate, WorkBudget& budget) {
  if (entry.is_literal_then_star()) {
    // `L*` includes q exactly when every string of q starts with L: q's text before its first
    // wildcard must start with L.
    return candidate.literal_prefix().substr(0, entry.literal_prefix().size()) == entry.literal_prefix() &&
           candidate.literal_prefix().size() >= entry.literal_prefix().size();
  }
  const std::size_t allowed = std::min(budget.left() / kStepWork, kInclusionSteps);
  std::size_t steps = allowed;
  const std::optional<bool> included = glob_includes_within(entry.lower(), candidate.lower(), steps);
  budget.spend(kStepWork * (allowed - steps) + entry.lower().size() + candidate.lower().size());
  return included;
}

struct Chosen {
  std::string written;
  std::size_t entry = 0;
};

// The elements of the cover: used catalog actions some changed entry allows and no kept
// entry already allows, by lower-cased service.
std::map<std::string, std::set<std::size_t>> elements_by_service(const std::vector<ActionPattern>& changed,
                                                                 const std::vector<ActionPattern>& kept,
                                                                 const RefineContext& context) {
  std::map<std::string, std::set<std::size_t>> by_service;
  for (const auto& entry : changed) {
    for (std::size_t index : entry_catalog_actions(entry, context.catalog)) {
      const model::CatalogAction& action = context.catalog.actions()[index];
      if (context.findings.is_unused(action.lower_full) || matches_any(kept, action.lower_full)) continue;
      by_service[model::to_lower_ascii(action.service)].insert(index);
    }
  }
  return by_service;
}

// One service's cover instance before its candidates: where its actions are in the catalog,
// which of them are elements, and the unused actions of it the catalog does not know
// (candidates must avoid them too).
struct ServiceScope {
  std::size_t first = 0, last = 0;    // the service's catalog range
  std::vector<std::size_t> elements;  // catalog indexes
  std::vector<std::size_t> position;  // per catalog index - first: its element, or elements.size()
  std::vector<std::string> unknown_unused;
};

ServiceScope service_scope(const std::string& service, const std::set<std::size_t>& element_set,
                           const RefineContext& context) {
  ServiceScope scope;
  const std::string service_prefix = service + ":";
  scope.elements.assign(element_set.begin(), element_set.end());
  std::tie(scope.first, scope.last) = context.catalog.prefix_range(service_prefix);
  scope.position.assign(scope.last - scope.first, scope.elements.size());
  for (std::size_t e = 0; e < scope.elements.size(); ++e) scope.position[scope.elements[e] - scope.first] = e;
  for (const auto& unused : context.findings.actions_with_prefix(service_prefix)) {
    if (!context.catalog.find(unused)) scope.unknown_unused.push_back(unused);
  }
  return scope;
}

// Which changed entries match each catalog action of the service (bit c of row i - first: entry
// c matches action i). An entry that includes a candidate matches every action the candidate
// matches, so only entries matching all of them are asked the costly inclusion question.
std::vector<Bits> entries_matching(const std::vector<ActionPattern>& changed, const ServiceScope& scope,
                                   const RefineContext& context, WorkBudget& budget) {
  const auto& actions = context.catalog.actions();
  std::vector<Bits> rows(scope.last - scope.first, Bits((changed.size() + 63) / 64, 0));
  budget.spend(rows.size() * changed.size());
  for (std::size_t i = scope.first; i < scope.last; ++i) {
    for (std::size_t c = 0; c < changed.size(); ++c) {
      if (changed[c].matches(actions[i].lower_full)) rows[i - scope.first][c / 64] |= std::uint64_t{1} << (c % 64);
    }
  }
  return rows;
}

// The cover instance's view of the exact name of element `e`: it covers that element alone and
// lies in the first changed entry that matches it (one does: that is how it became an element).
Candidate exact_name_candidate(const std::string& written, std::size_t e, const std::vector<ActionPattern>& changed,
                               const ServiceScope& scope, const RefineContext& context) {
  const std::string_view lower = context.catalog.actions()[scope.elements[e]].lower_full;
  std::size_t entry = 0;
  while (entry + 1 < changed.size() && !changed[entry].matches(lower)) ++entry;
  Candidate candidate{written, entry, Bits((scope.elements.size() + 63) / 64, 0), 1, 0};
  candidate.cover[e / 64] |= std::uint64_t{1} << (e % 64);
  return candidate;
}

// The candidate `written` as the cover instance sees it, or nothing when it is not
// admissible: matching an unused action, covering nothing, or not inside any changed entry.
// `judged` becomes false when an inclusion check ran out of steps before it knew (the
// candidate is then left out, which is safe).
std::optional<Candidate> admissible_candidate(const std::string& lower, const std::string& written,
                                              const std::vector<ActionPattern>& changed, const ServiceScope& scope,
                                              const std::vector<Bits>& matching, const RefineContext& context,
                                              WorkBudget& budget, bool& judged) {
  const auto& actions = context.catalog.actions();
  const ActionPattern pattern(lower);
  const std::size_t elements = scope.elements.size();
  Candidate candidate{written, changed.size(), Bits((elements + 63) / 64, 0), 0, 0};
  Bits possible((changed.size() + 63) / 64, ~std::uint64_t{0});  // entries matching all it matches
  budget.spend(scope.last - scope.first);
  for (std::size_t i = scope.first; i < scope.last; ++i) {
    if (!pattern.matches(actions[i].lower_full)) continue;
    if (context.findings.is_unused(actions[i].lower_full)) return std::nullopt;
    if (const std::size_t e = scope.position[i - scope.first]; e < elements) {
      candidate.cover[e / 64] |= std::uint64_t{1} << (e % 64);
    }
    for (std::size_t w = 0; w < possible.size(); ++w) possible[w] &= matching[i - scope.first][w];
  }
  if (std::any_of(scope.unknown_unused.begin(), scope.unknown_unused.end(),
                  [&](const std::string& name) { return pattern.matches(name); })) {
    return std::nullopt;
  }
  candidate.size = count_cover_bits(candidate.cover);
  if (candidate.size == 0) return std::nullopt;
  for (std::size_t c = 0; c < changed.size(); ++c) {
    if (((possible[c / 64] >> (c % 64)) & 1U) == 0) continue;
    const std::optional<bool> included = entry_includes(changed[c], pattern, budget);
    if (!included) {
      judged = false;  // not known to be inside, so not used
      return std::nullopt;
    }
    if (*included) {
      candidate.entry = c;
      break;
    }
  }
  if (candidate.entry == changed.size()) return std::nullopt;
  candidate.wildcards = static_cast<std::size_t>(std::count(written.begin(), written.end(), '*'));
  return candidate;
}

// Every admissible candidate, or, once the budget is spent or a check could not tell, those
// found plus each element's exact name (`complete` says which).
std::vector<Candidate> admissible_candidates(const std::vector<ActionPattern>& changed, const ServiceScope& scope,
                                             const RefineContext& context, WorkBudget& budget, bool& complete) {
  std::map<std::string, std::string> written_by_lower;
  for (std::size_t index : scope.elements) {
    for (auto& written : candidate_patterns(std::string(context.catalog.actions()[index].full))) {
      written_by_lower.emplace(model::to_lower_ascii(written), written);
    }
  }
  std::map<std::string, std::size_t> element_of;  // exact names: lower-cased -> element
  for (std::size_t e = 0; e < scope.elements.size(); ++e) element_of.emplace(context.catalog.actions()[scope.elements[e]].lower_full, e);
  std::vector<Bits> matching;
  if (!budget.exhausted()) matching = entries_matching(changed, scope, context, budget);
  complete = true;
  std::vector<Candidate> candidates;
  for (const auto& [lower, written] : written_by_lower) {
    if (budget.exhausted()) {
      complete = false;
      // INVARIANT: every element keeps its exact name, so greedy can always cover it.
      if (const auto found = element_of.find(lower); found != element_of.end()) {
        candidates.push_back(exact_name_candidate(written, found->second, changed, scope, context));
      }
      continue;
    }
    bool judged = true;
    if (auto candidate = admissible_candidate(lower, written, changed, scope, matching, context, budget, judged)) {
      candidates.push_back(std::move(*candidate));
    } else if (!judged) {
      complete = false;
      if (const auto found = element_of.find(lower); found != element_of.end()) {
        candidates.push_back(exact_name_candidate(written, found->second, changed, scope, context));
      }
    }
  }
  return candidates;
}

// The cover of the changed entries, service by service, within one work budget; `cut_short`
// gets the services whose instances the budget cut short, for the warning.
std::vector<Chosen> fewest_cover(const std::vector<ActionPattern>& changed, const std::vector<ActionPattern>& kept,
                                 const RefineContext& context, std::size_t work_budget, CoverStats& stats,
                                 std::vector<std::string>& cut_short) {
  WorkBudget budget(work_budget);
  std::vector<Chosen> result;
  for (const auto& [service, element_set] : elements_by_service(changed, kept, context)) {
    const ServiceScope scope = service_scope(service, element_set, context);
    bool complete = true;
    std::vector<Candidate> candidates = admissible_candidates(changed, scope, context, budget, complete);
    CoverInstance instance(scope.elements.size(), std::move(candidates), complete);
    const std::size_t cut_before = stats.cut_short;
    for (std::size_t c : instance.solve(stats, budget)) {
      result.push_back(Chosen{instance.candidates()[c].written, instance.candidates()[c].entry});
    }
    if (stats.cut_short != cut_before) cut_short.push_back(service);
  }
  stats.work += budget.spent();
  return result;
}

}  // namespace

std::vector<std::string> FewestStrategy::generalize_entry(const ActionPattern& entry, const RefineContext& context) const {
  CoverStats unreported;  // one entry alone: refine_action_list is what reports covers
  std::vector<std::string> cut_short;
  std::vector<std::string> out;
  for (auto& chosen : fewest_cover({entry}, {}, context, work_budget_, unreported, cut_short)) out.push_back(std::move(chosen.written));
  return out;
}

namespace {

// Why a changed entry became its replacement, in words.
std::string changed_entry_reason(const ActionPattern& entry, const std::vector<std::string>& replacement,
                                 const RefineContext& context) {
  if (!replacement.empty()) return "hides unused actions; fewest entries covering the used ones";
  bool any_used = false;
  for (std::size_t index : entry_catalog_actions(entry, context.catalog)) {
    any_used = any_used || !context.findings.is_unused(context.catalog.actions()[index].lower_full);
  }
  return any_used ? "hides unused actions; its used actions are covered by other entries of the list"
                  : "every action it allows is unused";
}

// Says that the list's cover is greedy's, not proved to have the fewest entries.
std::string limits_warning(const std::vector<std::string>& services, const CoverStats& stats, std::size_t work_budget) {
  std::string names;
  for (std::size_t i = 0; i < services.size() && i < 5; ++i) names += (i ? ", " : "") + services[i];
  if (services.size() > 5) names += " and " + std::to_string(services.size() - 5) + " more";
  return "fewest: the set cover hit its work limits (" + std::to_string(work_budget) + " units per list, " +
         std::to_string(kInclusionSteps) + " steps per inclusion check) on " + std::to_string(services.size()) + " of " +
         std::to_string(stats.instances) + " services (" + names +
         "): their entries are the greedy cover of the candidates judged within them, not proved to be the fewest";
}

}  // namespace

ActionListOutput FewestStrategy::refine_action_list(const std::vector<std::string>& entries,
                                                    const RefineContext& context) const {
  // The shared rules 1 and 2 decide which entries are kept and dropped; the changed ones are
  // covered together, so rule 3 cannot go entry by entry (refine_entry_by_entry).
  enum class Kind { kKept, kDropped, kChanged };
  std::vector<Kind> kinds;
  std::vector<ActionPattern> kept;
  std::vector<ActionPattern> changed;
  std::vector<std::size_t> changed_slot(entries.size(), 0);
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const ActionPattern pattern(entries[i]);
    if (!matches_some_unused(pattern, context.findings)) {
      kinds.push_back(Kind::kKept);
      kept.push_back(pattern);
    } else if (pattern.is_literal()) {
      kinds.push_back(Kind::kDropped);
    } else {
      kinds.push_back(Kind::kChanged);
      changed_slot[i] = changed.size();
      changed.push_back(pattern);
    }
  }
  ActionListOutput output;
  output.cover.emplace();
  std::vector<std::vector<std::string>> replacements(changed.size());
  if (!changed.empty()) {
    std::vector<std::string> cut_short;
    for (auto& chosen : fewest_cover(changed, kept, context, work_budget_, *output.cover, cut_short)) {
      replacements[chosen.entry].push_back(std::move(chosen.written));
    }
    if (!cut_short.empty()) output.warnings.push_back(limits_warning(cut_short, *output.cover, work_budget_));
  }
  for (std::size_t i = 0; i < entries.size(); ++i) {
    if (kinds[i] == Kind::kKept) {
      output.actions.push_back(entries[i]);
    } else if (kinds[i] == Kind::kDropped) {
      output.changes.push_back(EntryChange{entries[i], {}, "unused"});
    } else {
      auto& replacement = replacements[changed_slot[i]];
      sort_entries(replacement);
      output.changes.push_back(EntryChange{entries[i], replacement, changed_entry_reason(changed[changed_slot[i]], replacement, context)});
      output.actions.insert(output.actions.end(), replacement.begin(), replacement.end());
    }
  }
  output.actions = without_duplicates(std::move(output.actions));
  return output;
}

}  // namespace leastpriv::engine
