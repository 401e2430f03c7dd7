// Reading and writing JSON text, and building the error messages that point into it.
//
// Tested by: tests/unit/policy_input_test.cpp, tests/unit/catalog_test.cpp
//
// IMPLEMENTATION: this is the one file that calls nlohmann's throwing parse and dump; every
// other file walks an already parsed value with non-throwing accessors (find, is_string).
#pragma once

#include "model/policy.h"
#include "model/result.h"

#include <string>
#include <string_view>

namespace leastpriv::model {

Result<std::string> read_text_file(const std::string& path);

// Parses JSON text; an error names `file` with the line and column of the fault.
Result<Json> parse_json_text(std::string_view text, const std::string& file);

// Two-space indented text; invalid UTF-8 is replaced rather than thrown on.
std::string dump_json(const Json& value, int indent = 2);

// RFC 6901 escaping of one reference token ("a/b" -> "a~1b").
std::string json_pointer_token(std::string_view token);

// "file: /pointer: what" with the pointer shown as "/" for the root.
Error error_at(const std::string& file, const std::string& pointer, const std::string& what);

// A short rendering of a JSON value for error messages, in backticks.
std::string quoted_value(const Json& value);

// Writes `text` to `path` via a temporary file and rename, so no half-written file is left.
Status write_file_atomically(const std::string& path, std::string_view text);

}  // namespace leastpriv::model
