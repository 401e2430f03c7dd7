// Reading a configuration file as JSON or YAML with its lines; see source_document.h.
#include "iac/source_document.h"

#include "iac/json_lines.h"
#include "iac/yaml_document.h"
#include "model/json_text.h"

#include <filesystem>

namespace leastpriv::iac {

int LineIndex::line_of(std::string pointer) const {
  while (true) {
    if (const auto found = lines_.find(pointer); found != lines_.end()) return found->second;
    if (pointer.empty()) return 0;
    pointer.erase(pointer.rfind('/'));
  }
}

std::optional<std::size_t> LineIndex::offset_of(const std::string& pointer) const {
  const auto found = offsets_.find(pointer);
  if (found == offsets_.end()) return std::nullopt;
  return found->second;
}

namespace {

SourceSyntax syntax_of(const model::InputFile& input) {
  const std::string extension = std::filesystem::path(input.path).extension().string();
  if (extension == ".json") return SourceSyntax::kJson;
  if (extension == ".yaml" || extension == ".yml") return SourceSyntax::kYaml;
  const auto first = input.bytes.find_first_not_of(" \t\r\n");
  const bool json = first != std::string::npos && (input.bytes[first] == '{' || input.bytes[first] == '[');
  return json ? SourceSyntax::kJson : SourceSyntax::kYaml;
}

}  // namespace

Result<SourceDocument> read_source_document(const model::InputFile& input) {
  SourceDocument document;
  document.file = input.path;
  document.syntax = syntax_of(input);
  if (document.syntax == SourceSyntax::kYaml) {
    auto parsed = parse_yaml_document(input.bytes, input.path, document.lines);
    if (!parsed) return parsed.error();
    document.root = std::move(parsed).value();
    return document;
  }
  auto parsed = model::parse_json_text(input.bytes, input.path);
  if (!parsed) return parsed.error();
  document.root = std::move(parsed).value();
  document.lines = json_value_lines(input.bytes);
  return document;
}

}  // namespace leastpriv::iac
