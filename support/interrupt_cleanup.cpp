// Cleanup on interruption; see interrupt_cleanup.h.
#include "support/interrupt_cleanup.h"

#include <signal.h>
#include <time.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cstring>

namespace leastpriv::support {

namespace {

constexpr int kFree = 0;
constexpr int kClaimed = 1;  // being filled: the handler skips it
constexpr int kReady = 2;

struct TemporarySlot {
  std::atomic<int> state{kFree};
  bool directory = false;
  char path[4096] = {};
};

struct ChildSlot {
  std::atomic<int> state{kFree};
  pid_t pid = 0;
};

std::array<TemporarySlot, 256> temporaries;
std::array<ChildSlot, 256> children;

template <typename Slots>
int claim(Slots& slots) {
  for (std::size_t i = 0; i < slots.size(); ++i) {
    int expected = kFree;
    if (slots[i].state.compare_exchange_strong(expected, kClaimed)) return static_cast<int>(i);
  }
  return -1;
}

extern "C" void clean_up_and_exit(int signal_number) {
  // A slot reserved before a spawn (reserve_child) is filled as soon as the spawning thread,
  // which holds these signals blocked meanwhile, gets its pid back: wait for it (200 ms at most).
  for (int waited = 0; waited < 200; ++waited) {
    bool pending = false;
    for (auto& child : children) pending = pending || child.state.load() == kClaimed;
    if (!pending) break;
    const timespec millisecond{0, 1'000'000};
    ::nanosleep(&millisecond, nullptr);
  }
  for (auto& child : children) {
    if (child.state.load() == kReady) ::kill(-child.pid, SIGKILL);
  }
  // Files first, then the directories that held them.
  for (bool directories : {false, true}) {
    for (auto& slot : temporaries) {
      if (slot.state.load() != kReady || slot.directory != directories) continue;
      if (directories) {
        ::rmdir(slot.path);
      } else {
        ::unlink(slot.path);
      }
    }
  }
  ::_exit(128 + signal_number);
}

}  // namespace

void install_interrupt_cleanup() {
  static std::atomic<bool> installed{false};
  if (installed.exchange(true)) return;
  struct sigaction action;
  std::memset(&action, 0, sizeof action);
  action.sa_handler = clean_up_and_exit;
  sigemptyset(&action.sa_mask);
  for (int signal_number : {SIGINT, SIGTERM, SIGHUP}) sigaddset(&action.sa_mask, signal_number);
  for (int signal_number : {SIGINT, SIGTERM, SIGHUP}) ::sigaction(signal_number, &action, nullptr);
}

int register_temporary(const std::string& path, bool directory) {
  if (path.size() >= sizeof(TemporarySlot::path)) return -1;
  const int ticket = claim(temporaries);
  if (ticket < 0) return -1;
  auto& slot = temporaries[static_cast<std::size_t>(ticket)];
  std::memcpy(slot.path, path.c_str(), path.size() + 1);
  slot.directory = directory;
  slot.state.store(kReady);
  return ticket;
}

void unregister_temporary(int ticket) {
  if (ticket >= 0) temporaries[static_cast<std::size_t>(ticket)].state.store(kFree);
}


int reserve_child() { return claim(children); }

void fill_child(int ticket, pid_t pid) {
  if (ticket < 0) return;
  children[static_cast<std::size_t>(ticket)].pid = pid;
  children[static_cast<std::size_t>(ticket)].state.store(pid > 0 ? kReady : kFree);
}

void unregister_child(int ticket) {
  if (ticket >= 0) children[static_cast<std::size_t>(ticket)].state.store(kFree);
}

}  // namespace leastpriv::support
