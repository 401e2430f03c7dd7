// support::parallel_for: every index exactly once whatever the thread count, the calling
// thread's exception comes back to the caller, and an empty range does nothing.
#include "support/parallel_for.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>
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
  // One thread: exactly the items up to the failing one ran.
  int ran_alone = 0;
  EXPECT_THROW(support::parallel_for(100, 1,
                                     [&](std::size_t i) {
                                       ran_alone++;
                                       if (i == 3) throw std::runtime_error("item 3");
                                     }),
               std::runtime_error);
  EXPECT_EQ(ran_alone, 4);

  // Four threads: the other items wait until item 3 has thrown and then take 1 ms each, so
  // running all 2,000 would take about half a second; stopping takes microseconds.
  std::atomic<int> ran{0};
  std::atomic<bool> thrown{false};
  EXPECT_THROW(support::parallel_for(2000, 4,
                                     [&](std::size_t i) {
                                       ran++;
                                       if (i == 3) {
                                         thrown = true;
                                         throw std::runtime_error("item 3");
                                       }
                                       while (!thrown) std::this_thread::yield();
                                       std::this_thread::sleep_for(std::chrono::milliseconds(1));
                                     }),
               std::runtime_error);
  EXPECT_LT(ran.load(), 2000);  // the items after the failure were skipped, not all run
}

}  // namespace
}  // namespace leastpriv
