// The `fewest` strategy's set cover; see set_cover.h.
#include "engine/strategies/set_cover.h"

#include <algorithm>
#include <map>
#include <string_view>
#include <tuple>

namespace leastpriv::engine {

namespace {

constexpr std::size_t kBranchAndBoundNodes = 20000;
constexpr std::size_t kDominanceLimit = 4000;  // candidates; above it, dominance is skipped

std::size_t count_and(const CoverBits& a, const CoverBits& b) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < a.size(); ++i) count += static_cast<std::size_t>(__builtin_popcountll(a[i] & b[i]));
  return count;
}

bool is_subset(const CoverBits& small, const CoverBits& big) {
  for (std::size_t i = 0; i < small.size(); ++i) {
    if ((small[i] & ~big[i]) != 0) return false;
  }
  return true;
}

bool test_bit(const CoverBits& bits, std::size_t i) { return ((bits[i / 64] >> (i % 64)) & 1U) != 0; }

// Fewer wildcards, then shorter, then alphabetical: the more exact of two equal covers.
bool preferred(const CoverCandidate& a, const CoverCandidate& b) {
  return std::make_tuple(a.wildcards, a.written.size(), std::string_view(a.written)) <
         std::make_tuple(b.wildcards, b.written.size(), std::string_view(b.written));
}

}  // namespace

bool WorkBudget::spend(std::size_t units) {
  spent_ += units;
  if (units > left_) {
    left_ = 0;
    exhausted_ = true;
    return false;
  }
  left_ -= units;
  return !exhausted_;
}

std::size_t count_cover_bits(const CoverBits& bits) {
  std::size_t count = 0;
  for (auto word : bits) count += static_cast<std::size_t>(__builtin_popcountll(word));
  return count;
}

CoverInstance::CoverInstance(std::size_t elements, std::vector<CoverCandidate> candidates, bool complete)
    : elements_(elements), words_((elements + 63) / 64), complete_(complete), candidates_(std::move(candidates)) {}

std::vector<std::size_t> CoverInstance::solve(CoverStats& stats, WorkBudget& budget) {
  merge_and_prune(budget);
  stats.candidates += candidates_.size();
  covering_.assign(elements_, {});
  for (std::size_t c = 0; c < candidates_.size(); ++c) {
    for (std::size_t e = 0; e < elements_; ++e) {
      if (test_bit(candidates_[c].cover, e)) covering_[e].push_back(c);
    }
  }
  budget.spend(candidates_.size() * elements_ / 64 + 1);
  std::vector<std::size_t> best = greedy(budget);
  // Without every candidate the packing bound proves nothing; one entry is always needed.
  const std::size_t bound = complete_ ? packing_bound() : 1;
  bool optimal = complete_ && best.size() <= bound;
  if (complete_ && !optimal && !budget.exhausted()) {
    best_ = best;
    nodes_ = 0;
    aborted_ = false;
    CoverBits uncovered = all_elements();
    std::vector<std::size_t> chosen;
    branch(uncovered, chosen, budget);
    optimal = !aborted_;
    best = best_;
  }
  narrow(best, budget);
  stats.instances++;
  stats.chosen += best.size();
  stats.proved_optimal += optimal ? 1 : 0;
  stats.lower_bound += optimal ? best.size() : bound;
  // Cut short here: its candidates, or the search for a smaller cover than greedy's.
  stats.cut_short += !complete_ || (!optimal && budget.exhausted()) ? 1 : 0;
  return best;
}

// Dominance pruning keeps the broadest of nested candidates; once the count is fixed, each
// chosen entry is replaced by the narrowest candidate (fewest elements, then fewest
// wildcards, shortest) that still covers what no other chosen entry covers. The count
// stays, the result gets more exact. Chosen entries are appended to candidates_.
void CoverInstance::narrow(std::vector<std::size_t>& chosen, WorkBudget& budget) {
  budget.spend(chosen.size() * (chosen.size() + all_.size()) * words_);
  for (std::size_t i = 0; i < chosen.size(); ++i) {
    CoverBits needed = candidates_[chosen[i]].cover;
    for (std::size_t j = 0; j < chosen.size(); ++j) {
      if (j == i) continue;
      for (std::size_t w = 0; w < words_; ++w) needed[w] &= ~candidates_[chosen[j]].cover[w];
    }
    const CoverCandidate* narrowest = &candidates_[chosen[i]];
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

CoverBits CoverInstance::all_elements() const {
  CoverBits bits(words_, 0);
  for (std::size_t e = 0; e < elements_; ++e) bits[e / 64] |= std::uint64_t{1} << (e % 64);
  return bits;
}

void CoverInstance::merge_and_prune(WorkBudget& budget) {
  std::map<CoverBits, std::size_t> by_cover;
  std::vector<CoverCandidate> merged;
  budget.spend(candidates_.size() * words_);
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
  if (candidates_.size() > kDominanceLimit || budget.exhausted()) return;
  std::sort(candidates_.begin(), candidates_.end(), [](const CoverCandidate& a, const CoverCandidate& b) {
    return a.size != b.size ? a.size > b.size : preferred(a, b);
  });
  std::vector<CoverCandidate> kept;
  for (auto& candidate : candidates_) {
    // Once the budget is spent, the rest are kept unpruned: pruning only saves later work.
    const bool dominated = !budget.exhausted() && budget.spend(kept.size() * words_ + 1) &&
                           std::any_of(kept.begin(), kept.end(), [&](const CoverCandidate& k) { return is_subset(candidate.cover, k.cover); });
    if (!dominated) kept.push_back(std::move(candidate));
  }
  candidates_ = std::move(kept);
}

std::vector<std::size_t> CoverInstance::greedy(WorkBudget& budget) const {
  CoverBits uncovered = all_elements();
  std::size_t left = elements_;
  std::vector<std::size_t> chosen;
  while (left > 0) {
    budget.spend(candidates_.size() * words_);
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
std::size_t CoverInstance::packing_bound() const {
  std::vector<std::size_t> order(elements_);
  for (std::size_t e = 0; e < elements_; ++e) order[e] = e;
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return covering_[a].size() < covering_[b].size(); });
  CoverBits blocked(words_, 0);
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

void CoverInstance::branch(const CoverBits& uncovered, std::vector<std::size_t>& chosen, WorkBudget& budget) {
  if (aborted_) return;
  if (++nodes_ > kBranchAndBoundNodes || !budget.spend(candidates_.size() * words_ + elements_)) {
    aborted_ = true;
    return;
  }
  const std::size_t left = count_cover_bits(uncovered);
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
    CoverBits rest = uncovered;
    for (std::size_t w = 0; w < words_; ++w) rest[w] &= ~candidates_[c].cover[w];
    chosen.push_back(c);
    branch(rest, chosen, budget);
    chosen.pop_back();
    if (aborted_) return;
  }
}

}  // namespace leastpriv::engine
