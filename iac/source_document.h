// A configuration file as read for the IaC readers: its JSON value (a YAML template converted,
// short-form tags such as `!Ref` turned into their long form) and the source line of every value,
// by JSON pointer, so a finding about `/Resources/AppPolicy/Properties/PolicyDocument/Statement/1/Action/0`
// can name the line a reviewer sees.
//
// Tested by: tests/unit/iac_source_document_test.cpp
//
// IMPLEMENTATION: JSON goes through model/json_text (the same strict parser as every policy
// file: duplicate keys, depth, numbers as written) and a separate scan for lines
// (json_lines.h); YAML through yaml-cpp in yaml_document.cpp. Which one: the extension
// (.json; .yaml/.yml), else the first non-blank character (`{` or `[` is JSON).
#pragma once

#include "model/input_file.h"
#include "model/policy.h"
#include "model/result.h"

#include <map>
#include <optional>
#include <string>

namespace leastpriv::iac {

using model::Json;

// The 1-based line of each value, by JSON pointer ("" is the root).
class LineIndex {
 public:
  void add(const std::string& pointer, int line) { lines_.emplace(pointer, line); }
  // The byte offset where the value at `pointer` starts in the text (what a template edit
  // replaces from); set for every value of a JSON text and every node of a YAML one.
  void add_offset(const std::string& pointer, std::size_t offset) { offsets_.emplace(pointer, offset); }
  std::optional<std::size_t> offset_of(const std::string& pointer) const;
  // The line of `pointer`, or of its nearest ancestor that has one (a value inside a JSON
  // string, such as a policy in a plan, is on the line of that string); 0 when none.
  int line_of(std::string pointer) const;
  std::size_t size() const { return lines_.size(); }

 private:
  std::map<std::string, int> lines_;
  std::map<std::string, std::size_t> offsets_;
};

enum class SourceSyntax { kJson, kYaml };

struct SourceDocument {
  std::string file;
  SourceSyntax syntax = SourceSyntax::kJson;
  Json root;
  LineIndex lines;
};

// Parses `input` as JSON or YAML (see above); errors name the file and the line (exit 2).
Result<SourceDocument> read_source_document(const model::InputFile& input);

}  // namespace leastpriv::iac
