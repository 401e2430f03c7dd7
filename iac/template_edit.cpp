// Writing action lists back into a template; see template_edit.h.
#include "iac/template_edit.h"

#include "model/json_text.h"

#include <algorithm>
#include <cctype>

namespace leastpriv::iac {

namespace {

std::size_t line_start(const std::string& text, std::size_t at) {
  const auto newline = text.rfind('\n', at == 0 ? 0 : at - 1);
  return at == 0 || newline == std::string::npos ? 0 : newline + 1;
}

std::size_t line_end(const std::string& text, std::size_t at) {
  const auto newline = text.find('\n', at);
  return newline == std::string::npos ? text.size() : newline;
}

// The end (one past) of a quoted scalar or string starting at `at` (on its quote).
std::size_t quoted_end(const std::string& text, std::size_t at) {
  const char quote = text[at];
  for (std::size_t i = at + 1; i < text.size(); ++i) {
    if (quote == '"' && text[i] == '\\') {
      ++i;
    } else if (text[i] == quote) {
      if (quote == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
        ++i;  // YAML's '' inside a single-quoted scalar
      } else {
        return i + 1;
      }
    }
  }
  return text.size();
}

// The end of a balanced JSON value or YAML flow collection starting at `at`.
std::size_t balanced_end(const std::string& text, std::size_t at) {
  int depth = 0;
  for (std::size_t i = at; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '"' || (c == '\'' && depth > 0)) {
      i = quoted_end(text, i) - 1;
    } else if (c == '[' || c == '{') {
      ++depth;
    } else if (c == ']' || c == '}') {
      if (--depth == 0) return i + 1;
    } else if (depth == 0 && (c == ',' || c == '\n' || c == '}' || c == ']')) {
      return i;
    }
  }
  return text.size();
}

std::size_t plain_scalar_end(const std::string& text, std::size_t at) {
  std::size_t end = line_end(text, at);
  if (const auto comment = text.find(" #", at); comment < end) end = comment;
  while (end > at && (text[end - 1] == ' ' || text[end - 1] == '\t' || text[end - 1] == '\r')) --end;
  return end;
}

std::size_t indentation(const std::string& text, std::size_t start) {
  std::size_t i = start;
  while (i < text.size() && text[i] == ' ') ++i;
  return i - start;
}

// The end of a YAML block sequence whose first `-` is at `at`.
std::size_t block_sequence_end(const std::string& text, std::size_t at) {
  const std::size_t column = at - line_start(text, at);
  std::size_t end = line_end(text, at);
  for (std::size_t line = end + 1; line < text.size(); line = line_end(text, line) + 1) {
    const std::size_t indent = indentation(text, line);
    const std::size_t content = line + indent;
    const std::size_t stop = line_end(text, line);
    if (content >= stop || text[content] == '#' || text[content] == '\r') continue;  // blank or comment: not yet decided
    const bool item = indent == column && text[content] == '-' &&
                      (content + 1 == stop || text[content + 1] == ' ' || text[content + 1] == '\r');
    if (indent > column || item) {
      end = stop;
      while (end > content && text[end - 1] == '\r') --end;
    } else {
      break;
    }
  }
  return end;
}

bool plain_yaml_safe(const std::string& entry) {
  if (entry.empty() || !std::isalnum(static_cast<unsigned char>(entry.front()))) return false;
  return std::all_of(entry.begin(), entry.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == ':' || c == '*' || c == '?' || c == '_' || c == '-' || c == '.';
  }) && entry.find(": ") == std::string::npos;
}

std::string yaml_scalar(const std::string& entry) {
  return plain_yaml_safe(entry) ? entry : model::dump_json(Json(entry));
}

struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string text;
};

Result<Span> yaml_span(const std::string& text, std::size_t begin, const ListReplacement& edit, const std::string& file) {
  Span span{begin, 0, ""};
  const char first = text[begin];
  if (first == '-') {
    span.end = block_sequence_end(text, begin);
    const std::string indent(begin - line_start(text, begin), ' ');
    for (std::size_t i = 0; i < edit.entries.size(); ++i) span.text += (i ? "\n" + indent : "") + "- " + yaml_scalar(edit.entries[i]);
    if (edit.entries.empty()) span.text = "[]";
  } else if (first == '[') {
    span.end = balanced_end(text, begin);
    for (std::size_t i = 0; i < edit.entries.size(); ++i) span.text += (i ? ", " : "") + yaml_scalar(edit.entries[i]);
    span.text = "[" + span.text + "]";
  } else if (first == '{' || first == '!' || first == '&' || first == '*' || first == '|' || first == '>') {
    return model::error_at(file, edit.pointer, "a value written `" + std::string(1, first) + "…` is not rewritten in place");
  } else {
    span.end = (first == '"' || first == '\'') ? quoted_end(text, begin) : plain_scalar_end(text, begin);
    if (edit.entries.size() == 1) {
      span.text = yaml_scalar(edit.entries[0]);
    } else {
      for (std::size_t i = 0; i < edit.entries.size(); ++i) span.text += (i ? ", " : "") + yaml_scalar(edit.entries[i]);
      span.text = "[" + span.text + "]";
    }
  }
  return span;
}

Span json_span(const std::string& text, std::size_t begin, const ListReplacement& edit) {
  Span span{begin, text[begin] == '"' ? quoted_end(text, begin) : balanced_end(text, begin), ""};
  const std::string old = text.substr(span.begin, span.end - span.begin);
  if (text[begin] == '"' && edit.entries.size() == 1) {
    span.text = model::dump_json(Json(edit.entries[0]));
    return span;
  }
  if (old.find('\n') == std::string::npos || edit.entries.empty()) {
    for (std::size_t i = 0; i < edit.entries.size(); ++i) span.text += (i ? ", " : "") + model::dump_json(Json(edit.entries[i]));
    span.text = "[" + span.text + "]";
    return span;
  }
  // One entry a line, indented as the old first entry; `]` where the old one was.
  const std::size_t first_entry = text.find_first_not_of(" \t\r\n", begin + 1);
  const std::string entry_indent(indentation(text, line_start(text, first_entry)), ' ');
  const std::string close_indent(indentation(text, line_start(text, span.end - 1)), ' ');
  span.text = "[";
  for (std::size_t i = 0; i < edit.entries.size(); ++i) {
    span.text += std::string(i ? "," : "") + "\n" + entry_indent + model::dump_json(Json(edit.entries[i]));
  }
  span.text += "\n" + close_indent + "]";
  return span;
}

Json expected_value(const std::vector<std::string>& entries, const Json& old) {
  if (old.is_string() && entries.size() == 1) return entries[0];
  return Json(entries);
}

}  // namespace

Result<std::string> replace_lists(const model::InputFile& input, const std::vector<ListReplacement>& replacements) {
  auto source = read_source_document(input);
  if (!source) return source.error();
  const std::string& text = input.bytes;
  std::vector<Span> spans;
  Json expected = source->root;
  for (const auto& edit : replacements) {
    const auto begin = source->lines.offset_of(edit.pointer);
    if (!begin || *begin >= text.size()) return model::error_at(input.path, edit.pointer, "no value to rewrite here");
    if (source->syntax == SourceSyntax::kYaml) {
      auto span = yaml_span(text, *begin, edit, input.path);
      if (!span) return span.error();
      spans.push_back(std::move(span).value());
    } else {
      spans.push_back(json_span(text, *begin, edit));
    }
    Json& target = expected.at(Json::json_pointer(edit.pointer));
    target = expected_value(edit.entries, target);
  }
  std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) { return a.begin > b.begin; });
  std::string edited = text;
  for (std::size_t i = 0; i < spans.size(); ++i) {
    if (i > 0 && spans[i].end > spans[i - 1].begin) return bad_input(input.path + ": two rewritten values overlap");
    edited.replace(spans[i].begin, spans[i].end - spans[i].begin, spans[i].text);
  }
  // What was written must read back as the original with exactly these values replaced.
  auto reread = read_source_document(model::InputFile{input.path, edited});
  if (!reread) return Error{ErrorKind::kInternal, "the rewritten template does not read back: " + reread.error().message};
  if (model::canonical_json_text(reread->root) != model::canonical_json_text(expected)) {
    return Error{ErrorKind::kInternal, input.path + ": the rewritten template would change more than its action lists; not written"};
  }
  return edited;
}

}  // namespace leastpriv::iac
