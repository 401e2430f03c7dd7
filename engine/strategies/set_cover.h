// The set cover the `fewest` strategy solves per service: which of the admissible candidates
// (patterns, each with the elements it covers) cover every element with the fewest entries,
// and what is known about how far that is from optimal. It works within a WorkBudget, so an
// adversarial policy (issue 12 row 4: a 652-byte fuzzed policy took 196 s) costs bounded time.
//
// Tested by: tests/unit/set_cover_test.cpp, tests/unit/strategies_test.cpp
//
// IMPLEMENTATION: candidates with equal covers are merged (the one with fewer wildcards, then
// shorter, wins), dominated candidates are dropped on small instances, then greedy (the
// largest uncovered cover first: within H(max cover) ≤ 1 + ln n of optimal, Chvátal 1979),
// then a lower bound by packing (elements no two of which share a candidate each need their
// own entry), and, when greedy exceeds the bound, depth-first branch and bound (branch on the
// uncovered element with the fewest candidates, prune with ⌈uncovered / largest cover⌉) up to
// 20,000 nodes. Last, each chosen entry is narrowed to the least general candidate that still
// covers what no other chosen entry covers (same count, more exact).
//
// Work is counted in units of about one 64-bit word operation (a node of the branch and bound
// costs candidates × words). Dominance pruning and the branch and bound stop when the budget
// is spent; greedy and narrowing always run (polynomial in the candidates, which the catalog
// bounds), so a spent budget means the greedy answer, never no answer. An instance is proved
// optimal only when its candidate family was complete and greedy met the packing bound or the
// branch and bound finished.
#pragma once

#include "engine/strategies/strategy.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace leastpriv::engine {

// The work one action list's covers may take, shared by every step that can be cut short.
class WorkBudget {
 public:
  explicit WorkBudget(std::size_t units) : left_(units) {}
  // Takes `units`; false, and exhausted from then on, when fewer were left.
  bool spend(std::size_t units);
  bool exhausted() const { return exhausted_; }
  std::size_t left() const { return left_; }
  std::size_t spent() const { return spent_; }

 private:
  std::size_t left_;
  std::size_t spent_ = 0;
  bool exhausted_ = false;
};

using CoverBits = std::vector<std::uint64_t>;  // one bit per element

struct CoverCandidate {
  std::string written;
  std::size_t entry = 0;  // the first changed entry that includes it
  CoverBits cover;
  std::size_t size = 0;       // elements covered
  std::size_t wildcards = 0;  // `*` in `written`
};

std::size_t count_cover_bits(const CoverBits& bits);

class CoverInstance {
 public:
  // `complete`: the candidates are every admissible one (generation was not cut short by the
  // budget); only then can the instance be proved optimal.
  CoverInstance(std::size_t elements, std::vector<CoverCandidate> candidates, bool complete);

  // Indexes into candidates(); adds this instance to `stats`.
  std::vector<std::size_t> solve(CoverStats& stats, WorkBudget& budget);

  const std::vector<CoverCandidate>& candidates() const { return candidates_; }

 private:
  void merge_and_prune(WorkBudget& budget);
  std::vector<std::size_t> greedy(WorkBudget& budget) const;
  std::size_t packing_bound() const;
  void branch(const CoverBits& uncovered, std::vector<std::size_t>& chosen, WorkBudget& budget);
  void narrow(std::vector<std::size_t>& chosen, WorkBudget& budget);
  CoverBits all_elements() const;

  std::size_t elements_;
  std::size_t words_;
  bool complete_;
  std::vector<CoverCandidate> candidates_;
  std::vector<CoverCandidate> all_;  // after merging equal covers, before dominance pruning
  std::vector<std::vector<std::size_t>> covering_;
  std::vector<std::size_t> best_;
  std::size_t nodes_ = 0;
  bool aborted_ = false;
};

}  // namespace leastpriv::engine
