// Writing what a command produces: every output file of one run written together or not at
// all (`refine -o R --certificate C` leaves both or neither), never over one of the run's
// inputs or over another output of the same run, and through a device or symlink rather than
// replacing it.
//
// Tested by: tests/cli/output_files_cli_test.cpp
//
// IMPLEMENTATION: each regular-file output is first written in full to a temporary file next
// to its target (same directory, so the rename cannot cross file systems); only when all are
// written are they renamed over their targets, and on any failure every temporary is removed.
// A target that exists and is not a regular file (`/dev/stdout`, a FIFO) cannot be renamed
// over and is written in place, last. A symlink is followed: its target is what is replaced.
#pragma once

#include "cli/arguments.h"
#include "model/result.h"

#include <string>
#include <vector>

namespace leastpriv::cli {

struct NamedPath {
  std::string flag;  // `-o`, `--certificate`, `--policy`: how the user named it, for messages
  std::string path;
};

struct OutputFile {
  std::string flag;
  std::string path;  // empty or `-`: standard output
  std::string text;
};

// A usage error when two outputs name the same file, or an output names one of the inputs
// (the same path, or the same file under another name: a hard or symbolic link).
Status check_output_paths(const std::vector<NamedPath>& outputs, const std::vector<NamedPath>& inputs);

// check_output_paths for the values of the given flags of a parsed command line.
Status check_output_flags(const Arguments& arguments, const std::vector<std::string>& output_flags,
                          const std::vector<std::string>& input_flags);

// Writes every file, or none of the regular files when any cannot be written.
Status write_outputs(const std::vector<OutputFile>& files);

// A file leastpriv itself reads back (a refined policy for `verify`, a certificate for
// `check-certificate`) must fit the input file limit (model/input_limits.h): an error (exit 2)
// naming the file and its size otherwise. `what` names it in the message (`refined policy`).
Status check_readable_back(const OutputFile& file, const std::string& what);

}  // namespace leastpriv::cli
