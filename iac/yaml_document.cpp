// YAML templates as JSON values with lines; see yaml_document.h.
#include "iac/yaml_document.h"

#include "model/json_text.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <set>

namespace leastpriv::iac {

namespace {

// The short-form tags CloudFormation documents (Intrinsic function reference), without `!`.
const std::set<std::string>& function_tags() {
  static const std::set<std::string> tags = {"Base64", "Cidr", "FindInMap", "GetAtt", "GetAZs", "ImportValue",
                                             "Join", "Select", "Split", "Sub", "Transform", "If", "Equals",
                                             "Not", "And", "Or", "Length", "ToJsonString"};
  return tags;
}

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

class YamlConverter {
 public:
  YamlConverter(const std::string& file, LineIndex& lines) : file_(file), lines_(lines) {}

  Result<Json> convert(const YAML::Node& node, const std::string& pointer, std::size_t depth) {
    if (depth > model::kMaxJsonDepth) {
      return model::error_at(file_, pointer, "nested deeper than " + std::to_string(model::kMaxJsonDepth) + " levels");
    }
    lines_.add(pointer, node.Mark().line + 1);
    if (node.Mark().pos >= 0) lines_.add_offset(pointer, static_cast<std::size_t>(node.Mark().pos));
    const std::string tag = node.Tag();
    if (!tag.empty() && tag != "?" && tag != "!" && tag.front() == '!') return tagged(node, tag.substr(1), pointer, depth);
    return untagged(node, pointer, depth);
  }

 private:
  Result<Json> untagged(const YAML::Node& node, const std::string& pointer, std::size_t depth) {
    switch (node.Type()) {
      case YAML::NodeType::Null:
      case YAML::NodeType::Undefined:
        return Json();
      case YAML::NodeType::Scalar:
        return scalar(node);
      case YAML::NodeType::Sequence: {
        Json array = Json::array();
        std::size_t index = 0;
        for (const auto& item : node) {
          auto value = convert(item, pointer + "/" + std::to_string(index++), depth + 1);
          if (!value) return value.error();
          array.push_back(std::move(value).value());
        }
        return array;
      }
      case YAML::NodeType::Map: {
        Json object = Json::object();
        for (const auto& entry : node) {
          if (!entry.first.IsScalar()) {
            return model::error_at(file_, pointer, "a mapping key must be a scalar (line " +
                                                       std::to_string(entry.first.Mark().line + 1) + ")");
          }
          const std::string key = entry.first.Scalar();
          const std::string key_pointer = pointer + "/" + model::json_pointer_token(key);
          if (object.contains(key)) return model::error_at(file_, key_pointer, "key `" + key + "` is given twice");
          // A mapping value's line is its key's line: `Action:` above a list is where a reviewer looks.
          lines_.add(key_pointer, entry.first.Mark().line + 1);
          auto value = convert(entry.second, key_pointer, depth + 1);
          if (!value) return value.error();
          object[key] = std::move(value).value();
        }
        return object;
      }
    }
    return Json();
  }

  static Json scalar(const YAML::Node& node) {
    const std::string& text = node.Scalar();
    if (node.Tag() == "!") return text;  // quoted
    const std::string folded = lower(text);
    if (folded == "true") return true;
    if (folded == "false") return false;
    if (folded == "null" || text == "~" || text.empty()) return Json();
    return text;
  }

  Result<Json> tagged(const YAML::Node& node, const std::string& name, const std::string& pointer, std::size_t depth) {
    std::string key;
    if (name == "Ref" || name == "Condition") {
      key = name;
    } else if (function_tags().count(name) != 0) {
      key = "Fn::" + name;
    } else {
      return model::error_at(file_, pointer, "unknown tag `!" + name + "` (line " + std::to_string(node.Mark().line + 1) + ")");
    }
    const std::string inner_pointer = pointer + "/" + model::json_pointer_token(key);
    Json argument;
    if (name == "GetAtt" && node.IsScalar()) {
      // `!GetAtt Resource.Attribute`: the first dot splits (attribute names may have dots).
      const std::string& text = node.Scalar();
      const auto dot = text.find('.');
      argument = dot == std::string::npos ? Json::array({text}) : Json::array({text.substr(0, dot), text.substr(dot + 1)});
      lines_.add(inner_pointer, node.Mark().line + 1);
    } else if (node.IsScalar()) {
      argument = node.Scalar();
      lines_.add(inner_pointer, node.Mark().line + 1);
    } else {
      auto converted = untagged(node, inner_pointer, depth + 1);
      if (!converted) return converted.error();
      lines_.add(inner_pointer, node.Mark().line + 1);
      argument = std::move(converted).value();
    }
    return Json::object({{key, std::move(argument)}});
  }

  const std::string& file_;
  LineIndex& lines_;
};

}  // namespace

Result<Json> parse_yaml_document(std::string_view text, const std::string& file, LineIndex& lines) {
  if (text.find('\0') != std::string_view::npos) return bad_input(file + ": has a NUL byte: not a YAML template");
  try {
    const YAML::Node root = YAML::Load(std::string(text));
    return YamlConverter(file, lines).convert(root, "", 0);
  } catch (const YAML::Exception& e) {
    return bad_input(file + ": invalid YAML at line " + std::to_string(e.mark.line + 1) + ", column " +
                     std::to_string(e.mark.column + 1) + ": " + e.msg);
  }
}

}  // namespace leastpriv::iac
