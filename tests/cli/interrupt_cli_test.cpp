// An interrupted check-certificate (issue 12 row 10) leaves no solver running: a stand-in z3
// that records its pid, then sleeps, is running when SIGTERM (or SIGINT) reaches leastpriv;
// afterwards leastpriv exited with 143 (130) and the stand-in is dead. (The solvers read the
// texts on stdin from long-lived processes: check-certificate writes no file to leave behind.)
#include "tests/support/test_support.h"

#include <gtest/gtest.h>

#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

extern char** environ;

namespace leastpriv {
namespace {

namespace fs = std::filesystem;

class InterruptCli : public ::testing::TestWithParam<int> {
 protected:
  void SetUp() override { dir_ = testing::make_temp_dir(); }
  void TearDown() override { fs::remove_all(dir_); }
  std::string dir_;
};

TEST_P(InterruptCli, CheckCertificateRemovesItsFilesAndKillsItsSolvers) {
  const int signal_number = GetParam();
  const std::string certificate = dir_ + "/cert.json";
  const auto refined = testing::run_leastpriv({"refine", "--policy", "examples/seed/policy.json", "--findings",
                                               "examples/seed/findings.json", "-o", dir_ + "/out.json",
                                               "--certificate", certificate});
  ASSERT_EQ(refined.exit_code, 0) << refined.err;
  // The stand-in solver: appends its pid to the marker, then sleeps far past the test.
  const std::string marker = dir_ + "/started";
  const std::string solver = dir_ + "/slow-solver.sh";
  testing::write_file(solver, "#!/bin/sh\n[ \"$1\" = --version ] && exit 0\necho \"$$\" >> '" + marker + "'\nexec sleep 60\n");
  fs::permissions(solver, fs::perms::owner_all);

  std::vector<std::string> words = {LEASTPRIV_BINARY, "check-certificate", certificate,
                                    "--original", testing::source_path("examples/seed/policy.json"),
                                    "--findings", testing::source_path("examples/seed/findings.json"),
                                    "--result", dir_ + "/out.json", "--z3", solver,
                                    "--cvc5", solver, "--timeout", "50"};
  std::vector<char*> argv;
  for (auto& word : words) argv.push_back(word.data());
  argv.push_back(nullptr);
  pid_t leastpriv = 0;
  ASSERT_EQ(::posix_spawn(&leastpriv, argv[0], nullptr, nullptr, argv.data(), environ), 0);
  // Wait until a stand-in runs (the marker has a line), then interrupt.
  std::string started;
  for (int attempt = 0; attempt < 1000 && started.find('\n') == std::string::npos; ++attempt) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    std::ifstream in(marker);
    std::getline(in, started, '\0');
  }
  ASSERT_NE(started.find('\n'), std::string::npos) << "no stand-in solver started";
  ::kill(leastpriv, signal_number);
  int status = 0;
  ::waitpid(leastpriv, &status, 0);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 128 + signal_number);

  std::istringstream lines(started);
  pid_t solver_pid = 0;
  while (lines >> solver_pid) {
    EXPECT_TRUE(testing::process_gone(solver_pid)) << "stand-in solver " << solver_pid << " still runs";
  }
  EXPECT_NE(solver_pid, 0) << started;
}

INSTANTIATE_TEST_SUITE_P(Signals, InterruptCli, ::testing::Values(SIGTERM, SIGINT));

}  // namespace
}  // namespace leastpriv
