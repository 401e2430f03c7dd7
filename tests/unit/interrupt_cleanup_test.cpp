// support/interrupt_cleanup.h in a forked child: a registered temporary file and directory are
// removed and a registered child process group is killed when the process gets SIGINT or
// SIGTERM, and the exit status is 128 + the signal; unregistered files stay.
#include "support/interrupt_cleanup.h"
#include "tests/support/test_support.h"

#include <gtest/gtest.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace leastpriv {
namespace {

namespace fs = std::filesystem;

// Runs `body` in a forked child that installed the cleanup; returns the child's exit status.
template <typename Body>
int exit_status_of_child(Body body) {
  const pid_t child = ::fork();
  if (child == 0) {
    support::install_interrupt_cleanup();
    body();
    ::_exit(0);  // not reached when the body signals itself
  }
  int status = 0;
  ::waitpid(child, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

TEST(InterruptCleanup, RemovesRegisteredTemporariesAndExitsWith128PlusTheSignal) {
  const fs::path directory = fs::temp_directory_path() / ("leastpriv-interrupt-test-" + std::to_string(::getpid()));
  for (int signal_number : {SIGINT, SIGTERM}) {
    fs::create_directories(directory);
    const fs::path registered = directory / "half-written.tmp";
    const fs::path kept = fs::temp_directory_path() / ("leastpriv-interrupt-kept-" + std::to_string(::getpid()));
    std::ofstream(registered) << "partial";
    std::ofstream(kept) << "not ours to remove";
    const int status = exit_status_of_child([&] {
      support::register_temporary(directory.string(), true);
      support::register_temporary(registered.string());
      const int dropped = support::register_temporary(kept.string());
      support::unregister_temporary(dropped);
      ::raise(signal_number);
    });
    EXPECT_EQ(status, 128 + signal_number);
    EXPECT_FALSE(fs::exists(registered));
    EXPECT_FALSE(fs::exists(directory));
    EXPECT_TRUE(fs::exists(kept));
    fs::remove(kept);
  }
}

TEST(InterruptCleanup, KillsRegisteredChildProcessGroups) {
  int pipe_ends[2];
  ASSERT_EQ(::pipe(pipe_ends), 0);
  const int status = exit_status_of_child([&] {
    const pid_t sleeper = ::fork();
    if (sleeper == 0) {
      ::setpgid(0, 0);
      ::execlp("sleep", "sleep", "30", static_cast<char*>(nullptr));
      ::_exit(127);
    }
    ::setpgid(sleeper, sleeper);
    ASSERT_EQ(::write(pipe_ends[1], &sleeper, sizeof sleeper), static_cast<ssize_t>(sizeof sleeper));
    support::fill_child(support::reserve_child(), sleeper);
    ::raise(SIGTERM);
  });
  EXPECT_EQ(status, 128 + SIGTERM);
  pid_t sleeper = 0;
  ASSERT_EQ(::read(pipe_ends[0], &sleeper, sizeof sleeper), static_cast<ssize_t>(sizeof sleeper));
  ::close(pipe_ends[0]);
  ::close(pipe_ends[1]);
  EXPECT_TRUE(testing::process_gone(sleeper)) << "the registered child " << sleeper << " outlived the interruption";
}

}  // namespace
}  // namespace leastpriv
