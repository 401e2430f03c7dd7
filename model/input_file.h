// An input file as it was read: its path and its bytes. What a certificate hashes is exactly
// what was parsed, because both come from this one read (a file changed between a hash and a
// parse cannot slip through).
//
// Tested by: tests/unit/verifier_certificate_test.cpp
//
// TRUSTED: what a certificate hashes must be what was parsed; this one read is how.
#pragma once

#include "model/input_limits.h"
#include "model/result.h"

#include <string>

namespace leastpriv::model {

struct InputFile {
  std::string path;
  std::string bytes;
};

// Reads the whole file; the error names it (exit 2).
Result<InputFile> read_input_file(const std::string& path, std::size_t max_bytes = kMaxInputBytes);

}  // namespace leastpriv::model
