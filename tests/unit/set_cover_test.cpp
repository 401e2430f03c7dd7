// Tests of the `fewest` strategy's set cover (engine/strategies/set_cover.h): optimal covers on
// instances checked by hand, and what a spent work budget does (greedy answer, not optimal).
#include "engine/strategies/set_cover.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace leastpriv::engine {
namespace {

CoverCandidate candidate(const std::string& written, const std::vector<std::size_t>& elements, std::size_t count) {
  CoverCandidate c;
  c.written = written;
  c.cover.assign((count + 63) / 64, 0);
  for (std::size_t e : elements) c.cover[e / 64] |= std::uint64_t{1} << (e % 64);
  c.size = elements.size();
  c.wildcards = static_cast<std::size_t>(std::count(written.begin(), written.end(), '*'));
  return c;
}

std::vector<std::string> written(const CoverInstance& instance, const std::vector<std::size_t>& chosen) {
  std::vector<std::string> out;
  for (std::size_t c : chosen) out.push_back(instance.candidates()[c].written);
  std::sort(out.begin(), out.end());
  return out;
}

// Greedy takes the biggest set {0,1,2,3} first and then needs two more; the optimum is the
// two halves {0,1,4} and {2,3,5}. Exact names of every element are candidates too.
std::vector<CoverCandidate> greedy_trap() {
  std::vector<CoverCandidate> candidates{candidate("big*", {0, 1, 2, 3}, 6), candidate("left*", {0, 1, 4}, 6),
                                         candidate("right*", {2, 3, 5}, 6)};
  for (std::size_t e = 0; e < 6; ++e) candidates.push_back(candidate("e" + std::to_string(e), {e}, 6));
  return candidates;
}

TEST(WorkBudget, SpendsUntilEmptyThenStaysExhausted) {
  WorkBudget budget(10);
  EXPECT_TRUE(budget.spend(4));
  EXPECT_EQ(budget.left(), 6u);
  EXPECT_FALSE(budget.spend(7));
  EXPECT_TRUE(budget.exhausted());
  EXPECT_EQ(budget.left(), 0u);
  EXPECT_FALSE(budget.spend(0));
  EXPECT_EQ(budget.spent(), 11u);  // what was asked for, also past the end
}

TEST(CoverInstance, BranchAndBoundBeatsGreedyWithinTheBudget) {
  CoverInstance instance(6, greedy_trap(), true);
  CoverStats stats;
  WorkBudget budget(1'000'000);
  const auto chosen = instance.solve(stats, budget);
  EXPECT_EQ(written(instance, chosen), (std::vector<std::string>{"left*", "right*"}));
  EXPECT_EQ(stats.instances, 1u);
  EXPECT_EQ(stats.proved_optimal, 1u);
  EXPECT_EQ(stats.lower_bound, 2u);
  EXPECT_EQ(stats.cut_short, 0u);
  EXPECT_FALSE(budget.exhausted());
}

TEST(CoverInstance, SpentBudgetGivesGreedysCoverNotProvedOptimal) {
  CoverInstance instance(6, greedy_trap(), true);
  CoverStats stats;
  WorkBudget budget(3);  // enough for nothing but the steps that always run
  const auto chosen = instance.solve(stats, budget);
  EXPECT_EQ(chosen.size(), 3u);  // greedy: big* and two more
  EXPECT_TRUE(budget.exhausted());
  EXPECT_EQ(stats.proved_optimal, 0u);
  EXPECT_EQ(stats.cut_short, 1u);
  EXPECT_LE(stats.lower_bound, 2u);  // still a true lower bound
  CoverBits covered(1, 0);
  for (std::size_t c : chosen) covered[0] |= instance.candidates()[c].cover[0];
  EXPECT_EQ(covered[0], 0x3Fu);  // every element covered
}

TEST(CoverInstance, IncompleteCandidatesAreNeverProvedOptimal) {
  // Only exact names are left (the budget ran out while judging the others): greedy's cover,
  // the trivial bound of one entry, and the instance counted as cut short.
  std::vector<CoverCandidate> exact_only;
  for (std::size_t e = 0; e < 3; ++e) exact_only.push_back(candidate("e" + std::to_string(e), {e}, 3));
  CoverInstance instance(3, exact_only, false);
  CoverStats stats;
  WorkBudget budget(1'000'000);
  EXPECT_EQ(instance.solve(stats, budget).size(), 3u);
  EXPECT_EQ(stats.proved_optimal, 0u);
  EXPECT_EQ(stats.lower_bound, 1u);
  EXPECT_EQ(stats.cut_short, 1u);
}

}  // namespace
}  // namespace leastpriv::engine
