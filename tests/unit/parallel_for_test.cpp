// support::parallel_for: every index exactly once whatever the thread count, the calling
// thread's exception comes back to the caller, and an empty range does nothing.
#include "support/parallel_for.h"

#include <gtest/gtest.h>

#include <atomic>
#include <stdexcept>
#include <vector>

namespace leastpriv {
namespace {

TEST(ParallelFor, EveryIndexExactlyOnceForAnyThreadCount) {
  for (unsigned threads : {0U, 1U, 2U, 7U, 64U}) {
    for (std::size_t count : {std::size_t{0}, std::size_t{1}, std::size_t{5}, std::size_t{1000}}) {
      std::vector<std::atomic<int>> seen(count);
      support::parallel_for(count, threads, [&](std::size_t i) { seen[i]++; });
      for (std::size_t i = 0; i < count; ++i) EXPECT_EQ(seen[i].load(), 1) << "threads " << threads << " index " << i;
    }
  }
}

TEST(ParallelFor, AnExceptionReachesTheCallerAndStopsTheRest) {
  std::atomic<int> ran{0};
  EXPECT_THROW(support::parallel_for(10000, 4,
                                     [&](std::size_t i) {
                                       ran++;
                                       if (i == 3) throw std::runtime_error("item 3");
                                     }),
               std::runtime_error);
  EXPECT_LT(ran.load(), 10000);  // the items after the failure were skipped, not all run
}

}  // namespace
}  // namespace leastpriv
