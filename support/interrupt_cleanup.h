// What an interrupted run leaves behind: nothing. On SIGINT, SIGTERM or SIGHUP the process
// removes the temporary files and directories it registered, kills the child processes it
// registered (with their process groups), and exits with 128 + the signal (130, 143, 129),
// as shells report a process killed by it.
//
// Tested by: tests/cli/interrupt_cli_test.cpp (signals sent to the binary mid-run),
// tests/unit/process_test.cpp (children registered while they run)
//
// IMPLEMENTATION: the handler may only call async-signal-safe functions, so registrations live
// in fixed arrays of slots (a path copied into a char buffer, a pid) that the handler reads
// without locks: a slot's state is an atomic, set to "ready" only once its content is whole.
// A path too long for a slot, or a full table, is simply not cleaned up (never a crash).
#pragma once

#include <sys/types.h>

#include <string>

namespace leastpriv::support {

// Installs the handlers; once per process, from main (later calls do nothing).
void install_interrupt_cleanup();

// A temporary file (or, with `directory`, an empty-at-the-end directory) to remove if the run
// is interrupted; returns a ticket for unregister_temporary, or -1 when none was free.
int register_temporary(const std::string& path, bool directory = false);
void unregister_temporary(int ticket);

// A child process (the leader of its own process group) to kill if the run is interrupted:
// reserve a slot before starting it (with SIGINT, SIGTERM and SIGHUP blocked on the starting
// thread: support::spawn_registered does both), then fill it with its pid (0: it did not
// start; the slot is freed). The handler waits for reserved slots to be filled, so no child
// started just before an interruption outlives it. Registering after the start left that gap.
int reserve_child();
void fill_child(int ticket, pid_t pid);
void unregister_child(int ticket);

}  // namespace leastpriv::support
