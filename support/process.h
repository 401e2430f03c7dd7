// Running a program: argv as given (no shell), stdout and stderr captured together, killed
// (with every process it started) when it outlives its deadline. The one place the project
// starts child processes: the solvers of check-certificate, graphviz's `dot` for explain.
//
// Tested by: tests/unit/process_test.cpp
//
// IMPLEMENTATION: posix_spawnp with the output sent to an unlinked-on-exit temporary file
// (no pipe that a chatty child could fill while we wait), the child in a process group of
// its own so that the deadline kills its children too; the wait polls so the deadline holds.
#pragma once

#include <string>
#include <vector>

namespace leastpriv::support {

struct ProcessResult {
  bool started = false;    // false: the program could not be run at all (see `error`)
  bool timed_out = false;  // killed at the deadline
  int exit_status = -1;    // its exit status when it exited by itself; -1 otherwise
  std::string output;      // stdout and stderr, interleaved as written
  std::string error;       // why it could not be started, or why it could not be waited for
  long peak_rss_kb = 0;    // its peak resident set in KiB (getrusage's ru_maxrss), once waited for
};

// Runs argv[0] (looked up on PATH when it has no `/`) with argv; kills it after
// `deadline_seconds` of wall time.
ProcessResult run_process(const std::vector<std::string>& argv, double deadline_seconds);

// Starts argv[0] (looked up on PATH) in a process group of its own, with stdout and stderr on
// `output_fd` and stdin on `input_fd` (-1: inherited); its pid, or 0 when it could not be run.
// For run_process and support/interactive_process.h.
int spawn_in_own_group(const std::vector<std::string>& argv, int input_fd, int output_fd);

// spawn_in_own_group, the child registered for interrupt cleanup (support/interrupt_cleanup.h)
// before this thread can take an interruption: a child started and not yet registered would
// outlive an interrupted run. `ticket` is for unregister_child (-1 when it did not start).
int spawn_registered(const std::vector<std::string>& argv, int input_fd, int output_fd, int& ticket);

// The file run_process would run for `program`: itself when it has a `/`, else the first
// executable of that name on PATH (an empty PATH entry is the current directory); the
// canonical path when it exists, empty when there is none. So a report can say which binary
// answered.
std::string resolve_program(const std::string& program);

}  // namespace leastpriv::support
