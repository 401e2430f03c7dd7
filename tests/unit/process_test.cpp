// support::run_process: output and exit status of a program, a clear answer for a program
// that does not exist, its peak memory, a deadline that kills the program and what it
// started, and no signal mask inherited from the spawning thread.
#include "support/process.h"
#include "tests/support/test_support.h"

#include <gtest/gtest.h>


#include <chrono>
#include <string>

namespace leastpriv {
namespace {

TEST(Process, CapturesStdoutAndStderrAndTheExitStatus) {
  const auto result = support::run_process({"sh", "-c", "echo out; echo err >&2; exit 3"}, 10);
  ASSERT_TRUE(result.started) << result.error;
  EXPECT_FALSE(result.timed_out);
  EXPECT_EQ(result.exit_status, 3);
  EXPECT_EQ(result.output, "out\nerr\n");
}

// The spawning thread blocks SIGINT, SIGTERM and SIGHUP while it registers the child
// (spawn_registered); the child must not inherit that mask.
TEST(Process, TheChildStartsWithNoSignalBlocked) {
  const auto result = support::run_process({"grep", "^SigBlk:", "/proc/self/status"}, 10);
  ASSERT_TRUE(result.started) << result.error;
  EXPECT_EQ(result.output, "SigBlk:\t0000000000000000\n");
}

TEST(Process, ArgumentsReachTheProgramAsGivenWithoutAShell) {
  const auto result = support::run_process({"printf", "%s|", "a b", "$HOME", "*"}, 10);
  ASSERT_TRUE(result.started);
  EXPECT_EQ(result.exit_status, 0);
  EXPECT_EQ(result.output, "a b|$HOME|*|");
}

TEST(Process, AMissingProgramIsNotStarted) {
  const auto result = support::run_process({"leastpriv-no-such-program-anywhere"}, 10);
  EXPECT_FALSE(result.started);
  EXPECT_NE(result.error.find("leastpriv-no-such-program-anywhere"), std::string::npos) << result.error;
  EXPECT_FALSE(support::run_process({}, 10).started);
}

// The benchmarks of bench/ report a child's peak memory from here.
TEST(Process, ReportsTheChildsPeakResidentSet) {
  const auto big = support::run_process({"python3", "-c", "b = bytes(range(256)) * (1 << 18); print(len(b))"}, 30);
  ASSERT_TRUE(big.started) << big.error;
  EXPECT_EQ(big.output, "67108864\n");
  EXPECT_GE(big.peak_rss_kb, 64 * 1024);
  const auto small = support::run_process({"true"}, 10);
  ASSERT_TRUE(small.started) << small.error;
  EXPECT_GT(small.peak_rss_kb, 0);
  EXPECT_LT(small.peak_rss_kb, 32 * 1024);
}

TEST(Process, TheDeadlineKillsTheProgramAndItsChildren) {
  const auto began = std::chrono::steady_clock::now();
  // The shell starts a sleeping child and prints its pid; both must be gone after the deadline.
  const auto result = support::run_process({"sh", "-c", "sleep 30 & echo $!; wait"}, 0.3);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count();
  ASSERT_TRUE(result.started);
  EXPECT_TRUE(result.timed_out);
  EXPECT_EQ(result.exit_status, -1);
  EXPECT_LT(seconds, 10);
  const int child = std::stoi(result.output);
  ASSERT_GT(child, 0);
  EXPECT_TRUE(testing::process_gone(child)) << "the sleeping child " << child << " outlived the deadline";
}

// Which binary a name runs: the first executable file on PATH, canonical; a name with a `/`
// is itself; nothing found is empty.
TEST(Process, ResolveProgramNamesTheFileThatRuns) {
  const std::string sh = support::resolve_program("sh");
  ASSERT_FALSE(sh.empty());
  EXPECT_EQ(sh.front(), '/');
  const auto ran = support::run_process({sh, "-c", "echo ok"}, 10);
  EXPECT_EQ(ran.output, "ok\n");
  EXPECT_EQ(support::resolve_program("/bin/sh"), sh);
  EXPECT_EQ(support::resolve_program("leastpriv-no-such-program"), "");
  EXPECT_EQ(support::resolve_program("/"), "");  // a directory is no program
}

}  // namespace
}  // namespace leastpriv
