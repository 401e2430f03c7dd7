// Reading and writing JSON text, and building the error messages that point into it.
//
// What a reader promises (README "Resource limits"; each is a test in
// tests/unit/json_text_test.cpp):
// - nesting deeper than kMaxJsonDepth is an error while parsing, so no later walk over a value
//   can recurse without bound (a 65,000-level document once crashed a recursive copy);
// - a key that appears twice in one object is an error naming the second key's pointer
//   (`"Effect": "Deny", "Effect": "Allow"` must not silently become an Allow);
// - a number is kept as written: one whose text nlohmann would print differently (an integer
//   of 2^64 or more, `1.10`, `1E2`) is held as its source text and written back byte for byte;
//   `1e400` (no finite double) is an error with its pointer; `-0` is kept as `-0` (nlohmann
//   reports integers without their text, so number tokens written `-0` are found beforehand);
// - a NUL byte anywhere is an error (nlohmann's lexer would take it for the end of input and
//   ignore what follows);
// - every error names the file, the JSON pointer of the value at fault when there is one, and
//   the line and column for a syntax error.
//
// Tested by: tests/unit/json_text_test.cpp, tests/unit/policy_input_test.cpp, tests/unit/catalog_test.cpp
//
// IMPLEMENTATION: this is the one file that calls nlohmann's parser and serializer. Parsing is
// nlohmann's SAX interface feeding our own DOM builder (the same loop as nlohmann's, plus the
// depth, duplicate-key and number rules above, and a stack of keys/indices for pointers).
// A number kept as written is a JSON binary value with subtype kRawNumberSubtype (no JSON text
// can produce a binary value, so it cannot be confused with anything a user wrote); dump_json
// lays out objects and arrays itself exactly as nlohmann does and lets nlohmann print every
// scalar, so all other output is byte-identical to nlohmann's.
//
// TRUSTED: every policy, findings and catalog file both sides read goes through this parser;
// a misread value (a number, a duplicate key) is what every obligation is then about.
#pragma once

#include "model/input_limits.h"
#include "model/policy.h"
#include "model/result.h"

#include <cstddef>
#include <string>
#include <string_view>

namespace leastpriv::model {

// How deep objects and arrays may nest. A real IAM policy nests 6 levels (Statement, a
// statement, Condition, an operator, a key, its values); a Terraform plan a few dozen.
constexpr std::size_t kMaxJsonDepth = 128;

// The binary subtype that marks a number held as its source text.
constexpr std::uint8_t kRawNumberSubtype = 0x4e;  // 'N'

Result<std::string> read_text_file(const std::string& path, std::size_t max_bytes = kMaxInputBytes);

// Parses JSON text under the rules above; an error names `file`.
Result<Json> parse_json_text(std::string_view text, const std::string& file);

// Two-space indented text (indent -1: compact, no spaces); numbers as written; invalid UTF-8
// is replaced rather than thrown on.
std::string dump_json(const Json& value, int indent = 2);

// Compact text with object keys sorted and numbers as written: equal for two values exactly
// when they are equal as JSON (key order aside).
std::string canonical_json_text(const Json& value);

// Is this a number held as its source text? Its text, if so.
bool is_raw_number(const Json& value);
std::string raw_number_text(const Json& value);

// RFC 6901 escaping of one reference token ("a/b" -> "a~1b").
std::string json_pointer_token(std::string_view token);

// "file: /pointer: what" with the pointer shown as "/" for the root.
Error error_at(const std::string& file, const std::string& pointer, const std::string& what);

// A short rendering of a JSON value for error messages, in backticks.
std::string quoted_value(const Json& value);

// A short rendering of raw input text for error messages, in backticks: cut after 80
// characters, control and non-ASCII bytes shown as \xNN, so a binary file or a 500 KB line
// never floods the terminal.
std::string quoted_text(std::string_view text);

}  // namespace leastpriv::model
