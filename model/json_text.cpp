// Reading and writing JSON text; see json_text.h.
#include "model/json_text.h"

#include <cstdio>
#include <fstream>
#include <sstream>
#include <system_error>
#include <unistd.h>

namespace leastpriv::model {

Result<std::string> read_text_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return bad_input(path + ": cannot open file");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return bad_input(path + ": cannot read file");
  return buffer.str();
}

namespace {

// Line and column (both from 1) of a byte offset, for a parse error a person can find.
std::string line_and_column(std::string_view text, std::size_t offset) {
  std::size_t line = 1;
  std::size_t column = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

}  // namespace

Result<Json> parse_json_text(std::string_view text, const std::string& file) {
  try {
    return Json::parse(text.begin(), text.end());
  } catch (const nlohmann::json::parse_error& e) {
    // nlohmann's byte is one past the offending character.
    const std::size_t offset = e.byte > 0 ? e.byte - 1 : 0;
    std::string what = e.what();
    const auto detail = what.find("parse error");
    if (detail != std::string::npos) what = what.substr(detail);
    return bad_input(file + ": invalid JSON at " + line_and_column(text, offset) + ": " + what);
  } catch (const nlohmann::json::exception& e) {
    return bad_input(file + ": invalid JSON: " + e.what());
  }
}

std::string dump_json(const Json& value, int indent) {
  return value.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string json_pointer_token(std::string_view token) {
  std::string out;
  for (char c : token) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

Error error_at(const std::string& file, const std::string& pointer, const std::string& what) {
  return bad_input(file + ": " + (pointer.empty() ? "/" : pointer) + ": " + what);
}

std::string quoted_value(const Json& value) {
  std::string text = value.is_string() ? value.get_ref<const std::string&>() : dump_json(value, -1);
  constexpr std::size_t kMaxShown = 80;
  if (text.size() > kMaxShown) text = text.substr(0, kMaxShown) + "...";
  return "`" + text + "`";
}

Status write_file_atomically(const std::string& path, std::string_view text) {
  const std::string temporary = path + ".tmp." + std::to_string(::getpid());
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out) return Error{ErrorKind::kInternal, path + ": cannot write file"};
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    out.flush();
    if (!out) {
      std::remove(temporary.c_str());
      return Error{ErrorKind::kInternal, path + ": cannot write file"};
    }
  }
  if (std::rename(temporary.c_str(), path.c_str()) != 0) {
    std::remove(temporary.c_str());
    return Error{ErrorKind::kInternal, path + ": cannot write file"};
  }
  return Ok{};
}

}  // namespace leastpriv::model
