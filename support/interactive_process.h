// A long-lived child process spoken to through its stdin and read line by line from its
// stdout (stderr joined to it), every wait bounded by a deadline. check-certificate keeps one
// solver per solver kind and worker alive this way instead of starting two processes per text.
//
// Tested by: tests/unit/recheck_sessions_test.cpp (real solvers through it), tests/cli/interrupt_cli_test.cpp
//
// IMPLEMENTATION: Unix socket pairs, not pipes, so that writing to a child that died fails
// with EPIPE (MSG_NOSIGNAL) instead of raising SIGPIPE in this process; both ends are
// close-on-exec so that children started by other threads never hold them. Writing drains
// the child's output meanwhile (a child that answers while we still write cannot block us).
// The child leads its own process group, registered for interrupt cleanup; stop() kills the
// group.
#pragma once

#include <chrono>
#include <string>
#include <vector>

namespace leastpriv::support {

class InteractiveProcess {
 public:
  using Clock = std::chrono::steady_clock;
  enum class Read { kLine, kEnd, kDeadline };

  InteractiveProcess() = default;
  ~InteractiveProcess();
  InteractiveProcess(const InteractiveProcess&) = delete;
  InteractiveProcess& operator=(const InteractiveProcess&) = delete;

  // Starts argv (stopping any child this one had); false with `error` set when it cannot run.
  bool start(const std::vector<std::string>& argv, std::string& error);
  bool running() const { return pid_ > 0; }
  // Writes every byte of `bytes` by `deadline`; false when the child closed its input, died
  // or the deadline passed (the child is then stopped).
  bool send(const std::string& bytes, Clock::time_point deadline);
  // The next line of output without its `\n`; kEnd when the child closed its output (died),
  // kDeadline when no whole line came in time (the child is then stopped).
  Read read_line(std::string& line, Clock::time_point deadline);
  // Kills the child's process group and reaps it.
  void stop();

 private:
  // Moves what the child has written into buffer_; false at end of output.
  bool drain();

  int pid_ = 0;
  int input_fd_ = -1;
  int output_fd_ = -1;
  int child_ticket_ = -1;
  std::string buffer_;
};

}  // namespace leastpriv::support
