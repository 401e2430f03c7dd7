// Writing action lists back into a template's text in place (issue 15 item 5): every byte
// outside the replaced values stays as it was (comments, key order, quoting, other resources),
// so a pull request can carry a refined policy as a small diff.
//
// Tested by: tests/unit/iac_template_edit_test.cpp
//
// IMPLEMENTATION: a value's start is the offset the reader recorded (LineIndex::offset_of); its
// end is found in the text: for JSON the end of the balanced value; for YAML a flow sequence's
// closing bracket, a scalar's end (quoted, or plain up to a comment or the line end) or a block
// sequence's last line (lines indented deeper than its `-`, or at that column starting `-`;
// blank and comment lines after it are kept). The new value keeps the old one's shape: a block
// sequence at the same column, a multi-line JSON array with the same indentation, a one-line
// list or a single string. Then the edited text is read again and must equal, as a JSON value,
// the original with exactly those values replaced: anything else is an error and nothing is
// written (a comment on a replaced item's line is the one thing lost).
#pragma once

#include "iac/source_document.h"
#include "model/input_file.h"
#include "model/result.h"

#include <string>
#include <vector>

namespace leastpriv::iac {

struct ListReplacement {
  std::string pointer;               // the Action or NotAction value in the file
  std::vector<std::string> entries;  // the new list (one entry may be written as a string)
};

// The text of `input` with each replacement made, checked as described above.
Result<std::string> replace_lists(const model::InputFile& input, const std::vector<ListReplacement>& replacements);

}  // namespace leastpriv::iac
