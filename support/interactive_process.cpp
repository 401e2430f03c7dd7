// A long-lived child process on a pair of sockets; see interactive_process.h.
#include "support/interactive_process.h"

#include "support/interrupt_cleanup.h"
#include "support/process.h"

#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>

namespace leastpriv::support {

namespace {

int milliseconds_until(InteractiveProcess::Clock::time_point deadline) {
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - InteractiveProcess::Clock::now());
  return static_cast<int>(std::clamp<long long>(left.count(), 0, 60'000));
}

}  // namespace

InteractiveProcess::~InteractiveProcess() { stop(); }

bool InteractiveProcess::start(const std::vector<std::string>& argv, std::string& error) {
  stop();
  if (argv.empty()) {
    error = "no program to run";
    return false;
  }
  int input[2];
  int output[2];
  if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, input) != 0) {
    error = "cannot create a socket pair for `" + argv[0] + "`";
    return false;
  }
  if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, output) != 0) {
    ::close(input[0]);
    ::close(input[1]);
    error = "cannot create a socket pair for `" + argv[0] + "`";
    return false;
  }
  const int pid = spawn_registered(argv, input[1], output[1], child_ticket_);
  ::close(input[1]);
  ::close(output[1]);
  if (pid == 0) {
    ::close(input[0]);
    ::close(output[0]);
    error = "cannot run `" + argv[0] + "`";
    return false;
  }
  pid_ = pid;
  input_fd_ = input[0];
  output_fd_ = output[0];
  buffer_.clear();
  return true;
}

void InteractiveProcess::stop() {
  if (pid_ > 0) {
    ::kill(-pid_, SIGKILL);
    int status = 0;
    while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
    }
    unregister_child(child_ticket_);
  }
  if (input_fd_ >= 0) ::close(input_fd_);
  if (output_fd_ >= 0) ::close(output_fd_);
  pid_ = 0;
  input_fd_ = -1;
  output_fd_ = -1;
  child_ticket_ = -1;
}

bool InteractiveProcess::drain() {
  char chunk[65536];
  while (true) {
    const ssize_t got = ::recv(output_fd_, chunk, sizeof chunk, MSG_DONTWAIT);
    if (got > 0) {
      buffer_.append(chunk, static_cast<std::size_t>(got));
      continue;
    }
    if (got == 0) return false;
    return errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR;
  }
}

bool InteractiveProcess::send(const std::string& bytes, Clock::time_point deadline) {
  if (!running()) return false;
  std::size_t written = 0;
  while (written < bytes.size()) {
    pollfd fds[2] = {{input_fd_, POLLOUT, 0}, {output_fd_, POLLIN, 0}};
    const int ready = ::poll(fds, 2, milliseconds_until(deadline));
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) {
      stop();
      return false;
    }
    if ((fds[1].revents & (POLLIN | POLLHUP)) != 0 && !drain()) {
      stop();
      return false;
    }
    if ((fds[0].revents & (POLLERR | POLLHUP)) != 0) {
      stop();
      return false;
    }
    if ((fds[0].revents & POLLOUT) == 0) continue;
    const ssize_t sent =
        ::send(input_fd_, bytes.data() + written, bytes.size() - written, MSG_NOSIGNAL | MSG_DONTWAIT);
    if (sent > 0) {
      written += static_cast<std::size_t>(sent);
    } else if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
      stop();
      return false;
    }
  }
  return true;
}

InteractiveProcess::Read InteractiveProcess::read_line(std::string& line, Clock::time_point deadline) {
  while (true) {
    const auto end = buffer_.find('\n');
    if (end != std::string::npos) {
      line = buffer_.substr(0, end);
      buffer_.erase(0, end + 1);
      return Read::kLine;
    }
    if (!running()) return Read::kEnd;
    pollfd fd{output_fd_, POLLIN, 0};
    const int ready = ::poll(&fd, 1, milliseconds_until(deadline));
    if (ready < 0 && errno == EINTR) continue;
    if (ready == 0 && Clock::now() < deadline) continue;  // poll waits at most a minute at a time
    if (ready <= 0) {
      stop();
      return Read::kDeadline;
    }
    if (!drain()) {
      // The child closed its output: what is left is its last (unterminated) words.
      if (buffer_.find('\n') != std::string::npos) continue;
      line = buffer_;
      buffer_.clear();
      stop();
      return Read::kEnd;
    }
  }
}

}  // namespace leastpriv::support
