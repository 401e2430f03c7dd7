// Lines of the values of a JSON text; see json_lines.h.
#include "iac/json_lines.h"

#include "model/json_text.h"

#include <cstdint>
#include <vector>

namespace leastpriv::iac {

namespace {

void append_utf8(std::string& out, std::uint32_t code) {
  if (code < 0x80) {
    out += static_cast<char>(code);
  } else if (code < 0x800) {
    out += static_cast<char>(0xC0 | (code >> 6));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else if (code < 0x10000) {
    out += static_cast<char>(0xE0 | (code >> 12));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (code >> 18));
    out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  }
}

class LineScanner {
 public:
  explicit LineScanner(std::string_view text) : text_(text) {}

  LineIndex scan() {
    if (text_.substr(0, 3) == "\xEF\xBB\xBF") at_ = 3;  // a UTF-8 byte order mark
    skip_blanks();
    value("");
    return std::move(index_);
  }

 private:
  void value(const std::string& pointer) {
    index_.add(pointer, line_);
    index_.add_offset(pointer, at_);
    const char c = text_[at_];
    if (c == '{') {
      ++at_;
      skip_blanks();
      while (text_[at_] != '}') {
        const std::string key = string_text();
        skip_blanks();
        ++at_;  // ':'
        skip_blanks();
        value(pointer + "/" + model::json_pointer_token(key));
        skip_blanks();
        if (text_[at_] == ',') {
          ++at_;
          skip_blanks();
        }
      }
      ++at_;
    } else if (c == '[') {
      ++at_;
      skip_blanks();
      for (std::size_t i = 0; text_[at_] != ']'; ++i) {
        value(pointer + "/" + std::to_string(i));
        skip_blanks();
        if (text_[at_] == ',') {
          ++at_;
          skip_blanks();
        }
      }
      ++at_;
    } else if (c == '"') {
      string_text();
    } else {
      while (at_ < text_.size() && text_[at_] != ',' && text_[at_] != '}' && text_[at_] != ']' && !blank(text_[at_])) ++at_;
    }
  }

  // The string at at_ (on its opening quote), unescaped; leaves at_ after its closing quote.
  std::string string_text() {
    std::string out;
    ++at_;
    while (text_[at_] != '"') {
      if (text_[at_] != '\\') {
        out += text_[at_++];
        continue;
      }
      const char escaped = text_[at_ + 1];
      at_ += 2;
      switch (escaped) {
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
          std::uint32_t code = hex4();
          if (code >= 0xD800 && code < 0xDC00 && text_.substr(at_, 2) == "\\u") {
            at_ += 2;
            code = 0x10000 + ((code - 0xD800) << 10) + (hex4() - 0xDC00);
          }
          append_utf8(out, code);
          break;
        }
        default: out += escaped;  // `"`, `\`, `/`
      }
    }
    ++at_;
    return out;
  }

  std::uint32_t hex4() {
    std::uint32_t code = 0;
    for (int i = 0; i < 4; ++i) {
      const char h = text_[at_++];
      code = code * 16 + static_cast<std::uint32_t>(h <= '9' ? h - '0' : (h | 0x20) - 'a' + 10);
    }
    return code;
  }

  static bool blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

  void skip_blanks() {
    while (at_ < text_.size() && blank(text_[at_])) {
      if (text_[at_] == '\n') ++line_;
      ++at_;
    }
  }

  std::string_view text_;
  std::size_t at_ = 0;
  int line_ = 1;
  LineIndex index_;
};

}  // namespace

LineIndex json_value_lines(std::string_view text) { return LineScanner(text).scan(); }

}  // namespace leastpriv::iac
