// The source line of every value of a JSON text, by JSON pointer: nlohmann's parser reports no
// positions, and a SARIF result must name a line.
//
// Tested by: tests/unit/iac_source_document_test.cpp
//
// IMPLEMENTATION: one pass over text that model::parse_json_text has already accepted (so it
// is valid JSON: no error handling here), keeping a stack of the keys and indices that lead to
// the current value; a value's line is the line of its first character. Keys are unescaped
// (`\"`, `\\`, `\/`, `\uXXXX` with surrogate pairs) and written as RFC 6901 tokens. Linear in
// the text.
#pragma once

#include "iac/source_document.h"

#include <string_view>

namespace leastpriv::iac {

// INVARIANT: `text` is JSON that model::parse_json_text accepted.
LineIndex json_value_lines(std::string_view text);

}  // namespace leastpriv::iac
