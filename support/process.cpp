// Child processes; see process.h.
#include "support/process.h"

#include "support/interrupt_cleanup.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <thread>

extern char** environ;

namespace leastpriv::support {

std::string resolve_program(const std::string& program) {
  std::vector<std::string> candidates;
  if (program.find('/') != std::string::npos) {
    candidates.push_back(program);
  } else {
    const char* path = std::getenv("PATH");
    const std::string entries = path != nullptr ? path : "/usr/local/bin:/usr/bin:/bin";
    std::size_t start = 0;
    while (start <= entries.size()) {
      const auto end = std::min(entries.find(':', start), entries.size());
      const std::string dir = entries.substr(start, end - start);
      candidates.push_back((dir.empty() ? "." : dir) + "/" + program);
      start = end + 1;
    }
  }
  for (const auto& candidate : candidates) {
    struct stat info {};
    if (::stat(candidate.c_str(), &info) != 0 || !S_ISREG(info.st_mode) || ::access(candidate.c_str(), X_OK) != 0) continue;
    char* real = ::realpath(candidate.c_str(), nullptr);
    if (real == nullptr) return candidate;
    std::string resolved(real);
    std::free(real);
    return resolved;
  }
  return {};
}

namespace {

using Clock = std::chrono::steady_clock;

// The temporary file a child writes its output to; removed when this goes out of scope.
class OutputFile {
 public:
  OutputFile() : fd_(::mkstemp(path_)), ticket_(fd_ >= 0 ? register_temporary(path_) : -1) {}
  ~OutputFile() {
    if (fd_ >= 0) {
      ::close(fd_);
      ::unlink(path_);
    }
    unregister_temporary(ticket_);
  }
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;

  int fd() const { return fd_; }
  std::string read() const {
    std::ifstream in(path_, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
  }

 private:
  char path_[40] = "/tmp/leastpriv-process-XXXXXX";
  int fd_;
  int ticket_;
};

}  // namespace

int spawn_in_own_group(const std::vector<std::string>& argv, int input_fd, int output_fd) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  if (input_fd >= 0) posix_spawn_file_actions_adddup2(&actions, input_fd, 0);
  posix_spawn_file_actions_adddup2(&actions, output_fd, 1);
  posix_spawn_file_actions_adddup2(&actions, output_fd, 2);
  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  // The child starts with no signal blocked: spawn_registered blocks the interruptions on the
  // spawning thread, and a child would otherwise inherit that mask.
  sigset_t none;
  sigemptyset(&none);
  posix_spawnattr_setsigmask(&attributes, &none);
  posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK);
  posix_spawnattr_setpgroup(&attributes, 0);
  std::vector<char*> args;
  for (const auto& word : argv) args.push_back(const_cast<char*>(word.c_str()));
  args.push_back(nullptr);
  pid_t pid = 0;
  const int spawned = posix_spawnp(&pid, args[0], &actions, &attributes, args.data(), environ);
  posix_spawnattr_destroy(&attributes);
  posix_spawn_file_actions_destroy(&actions);
  return spawned == 0 ? pid : 0;
}

int spawn_registered(const std::vector<std::string>& argv, int input_fd, int output_fd, int& ticket) {
  // The slot is reserved first, and this thread takes no interruption until it is filled (the
  // handler, on another thread, waits for reserved slots).
  sigset_t interrupts;
  sigset_t previous;
  sigemptyset(&interrupts);
  for (const int signal_number : {SIGINT, SIGTERM, SIGHUP}) sigaddset(&interrupts, signal_number);
  pthread_sigmask(SIG_BLOCK, &interrupts, &previous);
  ticket = reserve_child();
  const int pid = spawn_in_own_group(argv, input_fd, output_fd);
  fill_child(ticket, pid);
  if (pid == 0) ticket = -1;
  pthread_sigmask(SIG_SETMASK, &previous, nullptr);
  return pid;
}

ProcessResult run_process(const std::vector<std::string>& argv, double deadline_seconds) {
  ProcessResult result;
  if (argv.empty()) {
    result.error = "no program to run";
    return result;
  }
  OutputFile output;
  if (output.fd() < 0) {
    result.error = "cannot create a temporary file for the output of `" + argv[0] + "`";
    return result;
  }
  int child_ticket = -1;
  const pid_t pid = spawn_registered(argv, -1, output.fd(), child_ticket);
  if (pid == 0) {
    result.error = "cannot run `" + argv[0] + "`";
    return result;
  }
  result.started = true;
  const auto deadline = Clock::now() + std::chrono::duration<double>(deadline_seconds);
  int status = 0;
  struct rusage usage {};
  auto pause = std::chrono::microseconds(200);
  while (true) {
    const pid_t waited = ::wait4(pid, &status, WNOHANG, &usage);
    if (waited == pid) break;
    if (waited < 0 && errno != EINTR) {
      // The child is not ours to wait for any more (ECHILD): say so, do not wait out the deadline.
      ::kill(-pid, SIGKILL);
      result.error = "lost track of `" + argv[0] + "` (wait4 failed)";
      unregister_child(child_ticket);
      result.output = output.read();
      return result;
    }
    if (Clock::now() > deadline) {
      ::kill(-pid, SIGKILL);  // the whole group: a solver's own children die with it
      ::wait4(pid, &status, 0, &usage);
      result.timed_out = true;
      break;
    }
    std::this_thread::sleep_for(pause);
    pause = std::min(pause * 2, std::chrono::microseconds(5000));
  }
  unregister_child(child_ticket);
  result.peak_rss_kb = usage.ru_maxrss;
  if (!result.timed_out && WIFEXITED(status)) result.exit_status = WEXITSTATUS(status);
  result.output = output.read();
  return result;
}

}  // namespace leastpriv::support
