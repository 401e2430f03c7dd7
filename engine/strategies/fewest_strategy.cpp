// The strategy `fewest`; see fewest_strategy.h.
#include "engine/strategies/fewest_strategy.h"

#include "engine/match/glob_inclusion.h"
#include "engine/match/tokenize.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <tuple>

namespace leastpriv::engine {

namespace {

constexpr std::size_t kBranchAndBoundNodes = 20000;
constexpr std::size_t kDominanceLimit = 4000;  // candidates; above it, dominance is skipped

using Bits = std::vector<std::uint64_t>;

std::size_t count_bits(const Bits& bits) {
  std::size_t count = 0;
  for (auto word : bits) count += static_cast<std::size_t>(__builtin_popcountll(word));
  return count;
}

std::size_t count_and(const Bits& a, const Bits& b) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < a.size(); ++i) count += static_cast<std::size_t>(__builtin_popcountll(a[i] & b[i]));
  return count;
}

bool is_subset(const Bits& small, const Bits& big) {
  for (std::size_t i = 0; i < small.size(); ++i) {
    if ((small[i] & ~big[i]) != 0) return false;
  }
  return true;
}

bool test_bit(const Bits& bits, std::size_t i) { return ((bits[i / 64] >> (i % 64)) & 1U) != 0; }

struct Candidate {
  std::string written;
  std::size_t entry = 0;  // the first changed entry that includes it
  Bits cover;
  std::size_t size = 0;
  std::size_t wildcards = 0;
};

// Fewer wildcards, then shorter, then alphabetical: the more exact of two equal covers.
bool preferred(const Candidate& a, const Candidate& b) {
  return std::make_tuple(a.wildcards, a.written.size(), std::string_view(a.written)) <
         std::make_tuple(b.wildcards, b.written.size(), std::string_view(b.written));
}

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

bool entry_includes(const ActionPattern& entry, const ActionPattern& candidate) {
  if (entry.is_literal_then_star()) {
    // `L*` includes q exactly when every string of q starts with L: q's text before its first
    // wildcard must start with L.
    return candidate.literal_prefix().substr(0, entry.literal_prefix().size()) == entry.literal_prefix() &&
           candidate.literal_prefix().size() >= entry.literal_prefix().size();
  }
  return glob_includes(entry.lower(), candidate.lower());
}

class CoverInstance {
 public:
  CoverInstance(std::size_t elements, std::vector<Candidate> candidates)
      : elements_(elements), words_((elements + 63) / 64), candidates_(std::move(candidates)) {}

  // Indexes into the candidates, and whether the count is proved minimal.
  std::vector<std::size_t> solve(CoverStats& stats) {
    merge_and_prune();
    stats.candidates += candidates_.size();
    covering_.assign(elements_, {});
    for (std::size_t c = 0; c < candidates_.size(); ++c) {
      for (std::size_t e = 0; e < elements_; ++e) {
        if (test_bit(candidates_[c].cover, e)) covering_[e].push_back(c);
      }
    }
    std::vector<std::size_t> best = greedy();
    const std::size_t bound = packing_bound();
    bool optimal = best.size() <= bound;
    if (!optimal) {
      best_ = best;
      nodes_ = 0;
      aborted_ = false;
      Bits uncovered = all_elements();
      std::vector<std::size_t> chosen;
      branch(uncovered, chosen);
      optimal = !aborted_;
      best = best_;
    }
    narrow(best);
    stats.instances++;
    stats.chosen += best.size();
    stats.proved_optimal += optimal ? 1 : 0;
    stats.lower_bound += optimal ? best.size() : bound;
    return best;
  }

  const std::vector<Candidate>& candidates() const { return candidates_; }

 private:
  // Dominance pruning keeps the broadest of nested candidates; once the count is fixed, each
  // chosen entry is replaced by the narrowest candidate (fewest elements, then fewest
  // wildcards, shortest) that still covers what no other chosen entry covers. The count
  // stays, the result gets more exact. Chosen entries are appended to candidates_.
  void narrow(std::vector<std::size_t>& chosen) {
    for (std::size_t i = 0; i < chosen.size(); ++i) {
      Bits needed = candidates_[chosen[i]].cover;
      for (std::size_t j = 0; j < chosen.size(); ++j) {
        if (j == i) continue;
        for (std::size_t w = 0; w < words_; ++w) needed[w] &= ~candidates_[chosen[j]].cover[w];
      }
      const Candidate* narrowest = &candidates_[chosen[i]];
      for (const auto& candidate : all_) {
        if (!is_subset(needed, candidate.cover)) continue;
        if (candidate.size < narrowest->size || (candidate.size == narrowest->size && preferred(candidate, *narrowest))) {
          narrowest = &candidate;
        }
      }
      if (narrowest != &candidates_[chosen[i]]) {
        candidates_.push_back(*narrowest);
        chosen[i] = candidates_.size() - 1;
      }
    }
  }

  Bits all_elements() const {
    Bits bits(words_, 0);
    for (std::size_t e = 0; e < elements_; ++e) bits[e / 64] |= std::uint64_t{1} << (e % 64);
    return bits;
  }

  void merge_and_prune() {
    std::map<Bits, std::size_t> by_cover;
    std::vector<Candidate> merged;
    for (auto& candidate : candidates_) {
      const auto found = by_cover.find(candidate.cover);
      if (found == by_cover.end()) {
        by_cover.emplace(candidate.cover, merged.size());
        merged.push_back(std::move(candidate));
      } else if (preferred(candidate, merged[found->second])) {
        merged[found->second] = std::move(candidate);
      }
    }
    candidates_ = std::move(merged);
    all_ = candidates_;
    if (candidates_.size() > kDominanceLimit) return;
    std::sort(candidates_.begin(), candidates_.end(), [](const Candidate& a, const Candidate& b) {
      return a.size != b.size ? a.size > b.size : preferred(a, b);
    });
    std::vector<Candidate> kept;
    for (auto& candidate : candidates_) {
      const bool dominated = std::any_of(kept.begin(), kept.end(), [&](const Candidate& k) { return is_subset(candidate.cover, k.cover); });
      if (!dominated) kept.push_back(std::move(candidate));
    }
    candidates_ = std::move(kept);
  }

  std::vector<std::size_t> greedy() const {
    Bits uncovered = all_elements();
    std::size_t left = elements_;
    std::vector<std::size_t> chosen;
    while (left > 0) {
      std::size_t best = 0;
      std::size_t best_gain = 0;
      for (std::size_t c = 0; c < candidates_.size(); ++c) {
        const std::size_t gain = count_and(candidates_[c].cover, uncovered);
        if (gain > best_gain || (gain == best_gain && gain > 0 && preferred(candidates_[c], candidates_[best]))) {
          best = c;
          best_gain = gain;
        }
      }
      // INVARIANT: every element has its exact name as a candidate, so some gain is positive.
      if (best_gain == 0) break;
      chosen.push_back(best);
      for (std::size_t w = 0; w < words_; ++w) uncovered[w] &= ~candidates_[best].cover[w];
      left -= best_gain;
    }
    return chosen;
  }

  // Elements no two of which share a candidate: each needs an entry of its own.
  std::size_t packing_bound() const {
    std::vector<std::size_t> order(elements_);
    for (std::size_t e = 0; e < elements_; ++e) order[e] = e;
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return covering_[a].size() < covering_[b].size(); });
    Bits blocked(words_, 0);
    std::size_t packed = 0;
    for (std::size_t e : order) {
      if (test_bit(blocked, e)) continue;
      ++packed;
      for (std::size_t c : covering_[e]) {
        for (std::size_t w = 0; w < words_; ++w) blocked[w] |= candidates_[c].cover[w];
      }
    }
    return packed;
  }

  void branch(const Bits& uncovered, std::vector<std::size_t>& chosen) {
    if (aborted_) return;
    if (++nodes_ > kBranchAndBoundNodes) {
      aborted_ = true;
      return;
    }
    const std::size_t left = count_bits(uncovered);
    if (left == 0) {
      if (chosen.size() < best_.size()) best_ = chosen;
      return;
    }
    std::size_t largest = 0;
    for (const auto& candidate : candidates_) largest = std::max(largest, count_and(candidate.cover, uncovered));
    if (chosen.size() + (left + largest - 1) / largest >= best_.size()) return;
    std::size_t pivot = elements_;
    for (std::size_t e = 0; e < elements_; ++e) {
      if (test_bit(uncovered, e) && (pivot == elements_ || covering_[e].size() < covering_[pivot].size())) pivot = e;
    }
    std::vector<std::size_t> options = covering_[pivot];
    std::stable_sort(options.begin(), options.end(), [&](std::size_t a, std::size_t b) {
      return count_and(candidates_[a].cover, uncovered) > count_and(candidates_[b].cover, uncovered);
    });
    for (std::size_t c : options) {
      Bits rest = uncovered;
      for (std::size_t w = 0; w < words_; ++w) rest[w] &= ~candidates_[c].cover[w];
      chosen.push_back(c);
      branch(rest, chosen);
      chosen.pop_back();
      if (aborted_) return;
    }
  }

  std::size_t elements_;
  std::size_t words_;
  std::vector<Candidate> candidates_;
  std::vector<Candidate> all_;  // after merging equal covers, before dominance pruning
  std::vector<std::vector<std::size_t>> covering_;
  std::vector<std::size_t> best_;
  std::size_t nodes_ = 0;
  bool aborted_ = false;
};

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

// The candidate `written` as the cover instance sees it, or nothing when it is not
// admissible: not inside any changed entry, matching an unused action, or covering nothing.
std::optional<Candidate> admissible_candidate(const std::string& lower, const std::string& written,
                                              const std::vector<ActionPattern>& changed, const ServiceScope& scope,
                                              const RefineContext& context) {
  const auto& actions = context.catalog.actions();
  const ActionPattern pattern(lower);
  std::size_t entry = changed.size();
  for (std::size_t c = 0; c < changed.size() && entry == changed.size(); ++c) {
    if (entry_includes(changed[c], pattern)) entry = c;
  }
  if (entry == changed.size()) return std::nullopt;
  const std::size_t elements = scope.elements.size();
  Candidate candidate{written, entry, Bits((elements + 63) / 64, 0), 0, 0};
  for (std::size_t i = scope.first; i < scope.last; ++i) {
    if (!pattern.matches(actions[i].lower_full)) continue;
    if (context.findings.is_unused(actions[i].lower_full)) return std::nullopt;
    if (const std::size_t e = scope.position[i - scope.first]; e < elements) {
      candidate.cover[e / 64] |= std::uint64_t{1} << (e % 64);
    }
  }
  if (std::any_of(scope.unknown_unused.begin(), scope.unknown_unused.end(),
                  [&](const std::string& name) { return pattern.matches(name); })) {
    return std::nullopt;
  }
  candidate.size = count_bits(candidate.cover);
  if (candidate.size == 0) return std::nullopt;
  candidate.wildcards = static_cast<std::size_t>(std::count(written.begin(), written.end(), '*'));
  return candidate;
}

std::vector<Candidate> admissible_candidates(const std::vector<ActionPattern>& changed, const ServiceScope& scope,
                                             const RefineContext& context) {
  std::map<std::string, std::string> written_by_lower;
  for (std::size_t index : scope.elements) {
    for (auto& written : candidate_patterns(std::string(context.catalog.actions()[index].full))) {
      written_by_lower.emplace(model::to_lower_ascii(written), written);
    }
  }
  std::vector<Candidate> candidates;
  for (const auto& [lower, written] : written_by_lower) {
    if (auto candidate = admissible_candidate(lower, written, changed, scope, context)) candidates.push_back(std::move(*candidate));
  }
  return candidates;
}

std::vector<Chosen> fewest_cover(const std::vector<ActionPattern>& changed, const std::vector<ActionPattern>& kept,
                                 const RefineContext& context, CoverStats& stats) {
  std::vector<Chosen> result;
  for (const auto& [service, element_set] : elements_by_service(changed, kept, context)) {
    const ServiceScope scope = service_scope(service, element_set, context);
    CoverInstance instance(scope.elements.size(), admissible_candidates(changed, scope, context));
    for (std::size_t c : instance.solve(stats)) {
      result.push_back(Chosen{instance.candidates()[c].written, instance.candidates()[c].entry});
    }
  }
  return result;
}

}  // namespace

std::vector<std::string> FewestStrategy::generalize_entry(const ActionPattern& entry, const RefineContext& context) const {
  CoverStats unreported;  // one entry alone: refine_action_list is what reports covers
  std::vector<std::string> out;
  for (auto& chosen : fewest_cover({entry}, {}, context, unreported)) out.push_back(std::move(chosen.written));
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
    for (auto& chosen : fewest_cover(changed, kept, context, *output.cover)) {
      replacements[chosen.entry].push_back(std::move(chosen.written));
    }
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
