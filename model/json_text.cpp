// Reading and writing JSON text; see json_text.h.
#include "model/json_text.h"

#include "model/input_limits.h"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <unordered_set>
#include <vector>

namespace leastpriv::model {

Result<std::string> read_text_file(const std::string& path, std::size_t max_bytes) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return bad_input(path + ": cannot open file");
  // Read in pieces up to one byte past the limit: a pipe or a device has no size to ask for.
  std::string text;
  char piece[1 << 16];
  while (in.read(piece, sizeof piece) || in.gcount() > 0) {
    text.append(piece, static_cast<std::size_t>(in.gcount()));
    if (text.size() > max_bytes) {
      return bad_input(path + ": larger than the limit of " + std::to_string(max_bytes >> 20) +
                       " MiB for an input file (README \"Resource limits\")");
    }
  }
  if (in.bad()) return bad_input(path + ": cannot read file");
  return text;
}

namespace {

constexpr std::size_t kObjectMembersReserved = 8;  // see CheckedDomBuilder::start_object

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

std::string pointer_text(const std::string& pointer) { return pointer.empty() ? "/" : pointer; }

// The ordinals (0 = the first number token in the text) of the numbers written `-0`:
// nlohmann reports an integer without its text, and `-0` would come back as `0`. Strings are
// skipped with their escapes; a token is a maximal run of number characters outside them.
std::unordered_set<std::size_t> negative_zero_ordinals(std::string_view text) {
  std::unordered_set<std::size_t> ordinals;
  std::size_t ordinal = 0;
  const auto number_char = [](char c) { return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E'; };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '"') {
      for (++i; i < text.size() && text[i] != '"'; ++i) {
        if (text[i] == '\\') ++i;
      }
    } else if (c == '-' || (c >= '0' && c <= '9')) {
      std::size_t end = i;
      while (end < text.size() && number_char(text[end])) ++end;
      if (text.substr(i, end - i) == "-0") ordinals.insert(ordinal);
      ++ordinal;
      i = end - 1;
    }
  }
  return ordinals;
}

// Builds the DOM from nlohmann's SAX events (json_text.h says which rules it adds).
// INVARIANT: `open_` holds the containers being filled, outermost first; each frame's `key` is
// the last key read in it (objects), and its `keys` every key read in it so far.
class CheckedDomBuilder final : public nlohmann::json_sax<Json> {
 public:
  CheckedDomBuilder(Json& root, std::unordered_set<std::size_t> negative_zeros)
      : root_(root), negative_zeros_(std::move(negative_zeros)) {}

  bool null() override { return add(Json(nullptr)); }
  bool boolean(bool value) override { return add(Json(value)); }
  bool number_integer(number_integer_t value) override {
    if (negative_zeros_.count(numbers_++) != 0) return add(raw_number("-0"));
    return add(Json(value));
  }
  bool number_unsigned(number_unsigned_t value) override {
    if (negative_zeros_.count(numbers_++) != 0) return add(raw_number("-0"));
    return add(Json(value));
  }
  bool number_float(number_float_t value, const string_t& text) override {
    ++numbers_;
    Json number(value);
    if (number.dump() == text) return add(std::move(number));
    return add(raw_number(text));
  }
  bool string(string_t& value) override { return add(Json(std::move(value))); }
  bool binary(binary_t& value) override { return add(Json::binary(std::move(value))); }

  bool start_object(std::size_t /*elements*/) override {
    // An ordered object is a vector of (const key, value) pairs, which the vector cannot move
    // when it grows: it copies them, and every member value with them, deeply. Room for the
    // members of a policy's objects (a statement has a handful) spares those copies; the
    // value is the same.
    Json object = Json::object();
    object.get_ref<Json::object_t&>().reserve(kObjectMembersReserved);
    return open(std::move(object));
  }
  bool key(string_t& key) override {
    Frame& frame = open_.back();
    frame.key = key;
    if (!frame.keys.insert(key).second) return fail(pointer() + ": duplicate key " + quoted_text(key));
    return true;
  }
  bool end_object() override { return close(); }
  bool start_array(std::size_t /*elements*/) override { return open(Json::array()); }
  bool end_array() override { return close(); }

  bool parse_error(std::size_t position, const std::string& /*last_token*/,
                   const nlohmann::detail::exception& error) override {
    position_ = position;
    std::string what = error.what();
    const auto detail = what.find("parse error");
    if (detail != std::string::npos) what = what.substr(detail);
    // A number no double holds (1e400) is a fault of one value: say which.
    if (error.id == 406) fault_pointer_ = pointer_text(pointer());
    error_ = what;
    return false;
  }

  // Empty when the text parsed; otherwise what went wrong.
  const std::string& error() const { return error_; }
  // The byte offset of the fault (npos for a rule of ours, whose message has the pointer).
  std::size_t error_position() const { return position_; }
  // The pointer of the value at fault, for a value nlohmann's parser refused (1e400).
  const std::string& fault_pointer() const { return fault_pointer_; }

 private:
  static Json raw_number(const std::string& text) {
    return Json::binary(std::vector<std::uint8_t>(text.begin(), text.end()), kRawNumberSubtype);
  }

  struct Frame {
    Json* container;
    std::string key;
    std::unordered_set<std::string> keys;
  };

  // The pointer of the value being read: in an outer array its last element (the one open),
  // in the innermost array the next one.
  std::string pointer() const {
    std::string text;
    for (std::size_t i = 0; i < open_.size(); ++i) {
      const Json& container = *open_[i].container;
      if (container.is_object()) {
        text += "/" + json_pointer_token(open_[i].key);
      } else {
        const std::size_t next = container.size();
        text += "/" + std::to_string(i + 1 == open_.size() ? next : next - 1);
      }
    }
    return text;
  }

  // Places a value where the parser is: the root, the next array element, or the last key.
  Json* place(Json value) {
    if (open_.empty()) {
      root_ = std::move(value);
      return &root_;
    }
    Frame& frame = open_.back();
    if (frame.container->is_array()) {
      frame.container->push_back(std::move(value));
      return &frame.container->back();
    }
    Json& slot = (*frame.container)[frame.key];
    slot = std::move(value);
    return &slot;
  }

  bool add(Json value) {
    place(std::move(value));
    return true;
  }

  bool open(Json container) {
    if (open_.size() >= kMaxJsonDepth) {
      return fail(pointer_text(pointer()) + ": nested deeper than " + std::to_string(kMaxJsonDepth) + " levels");
    }
    Json* placed = place(std::move(container));
    open_.push_back(Frame{placed, {}, {}});
    return true;
  }

  bool close() {
    open_.pop_back();
    return true;
  }

  bool fail(std::string message) {
    error_ = std::move(message);
    position_ = std::string::npos;
    return false;
  }

  Json& root_;
  std::unordered_set<std::size_t> negative_zeros_;
  std::size_t numbers_ = 0;  // number tokens read so far
  std::vector<Frame> open_;
  std::string error_;
  std::size_t position_ = std::string::npos;
  std::string fault_pointer_;
};

std::string dump_scalar(const Json& value) { return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace); }

// A string as dump_scalar writes it, without building a Json and a serializer for it (a
// fifth of the output's cost went to that). Only printable ASCII is written here, where
// nlohmann escapes nothing but `"` and `\`; any other byte (control characters, DEL, UTF-8,
// invalid bytes that nlohmann replaces) takes nlohmann's own path.
void append_string(std::string_view text, std::string& out) {
  for (const char c : text) {
    if (c < 0x20 || c > 0x7e) {
      out += dump_scalar(Json(text));
      return;
    }
  }
  out += '"';
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '"' && text[i] != '\\') continue;
    out.append(text.substr(start, i - start));
    out += '\\';
    out += text[i];
    start = i + 1;
  }
  out.append(text.substr(start));
  out += '"';
}

// dump_json's layout: objects and arrays as nlohmann lays them out, every scalar printed by
// nlohmann, numbers held as text written as that text. Recursion is bounded by kMaxJsonDepth
// for parsed values.
void write_json(const Json& value, int indent, int depth, std::string& out) {
  const bool pretty = indent >= 0;
  const auto newline_and_indent = [&](int level) {
    if (!pretty) return;
    out += '\n';
    out.append(static_cast<std::size_t>(indent * level), ' ');
  };
  const bool is_container = (value.is_object() || value.is_array()) && !value.empty();
  if (is_raw_number(value)) {
    out += raw_number_text(value);
  } else if (value.is_string()) {
    append_string(value.get_ref<const std::string&>(), out);
  } else if (!is_container) {
    out += dump_scalar(value);
  } else {
    out += value.is_object() ? '{' : '[';
    bool first = true;
    for (const auto& [key, item] : value.items()) {
      if (!first) out += ',';
      first = false;
      newline_and_indent(depth + 1);
      if (value.is_object()) {
        append_string(key, out);
        out += pretty ? ": " : ":";
      }
      write_json(item, indent, depth + 1, out);
    }
    newline_and_indent(depth);
    out += value.is_object() ? '}' : ']';
  }
}

// The canonical form: the same value with every object's keys in sorted order.
Json with_sorted_keys(const Json& value) {
  if (value.is_array()) {
    Json out = Json::array();
    for (const auto& item : value) out.push_back(with_sorted_keys(item));
    return out;
  }
  if (!value.is_object()) return value;
  std::vector<std::string> keys;
  for (const auto& [key, item] : value.items()) keys.push_back(key);
  std::sort(keys.begin(), keys.end());
  Json out = Json::object();
  for (const auto& key : keys) out[key] = with_sorted_keys(value.at(key));
  return out;
}

}  // namespace

Result<Json> parse_json_text(std::string_view text, const std::string& file) {
  // nlohmann's lexer takes a NUL byte for the end of input: whatever follows would be ignored
  // unseen (`{…}\0{…}`). JSON text has no raw NUL, so it is an error where it stands.
  if (const auto nul = text.find('\0'); nul != std::string_view::npos) {
    return bad_input(file + ": invalid JSON at " + line_and_column(text, nul) + ": a NUL byte");
  }
  Json root;
  CheckedDomBuilder builder(root, negative_zero_ordinals(text));
  bool parsed = false;
  try {
    parsed = Json::sax_parse(text.begin(), text.end(), &builder);
  } catch (const nlohmann::json::exception& e) {
    return bad_input(file + ": invalid JSON: " + e.what());
  }
  if (parsed) return root;
  if (builder.error_position() == std::string::npos) return bad_input(file + ": " + builder.error());
  // nlohmann's position is one past the offending character.
  const std::size_t offset = builder.error_position() > 0 ? builder.error_position() - 1 : 0;
  const std::string where = line_and_column(text, offset);
  if (!builder.fault_pointer().empty()) {
    return bad_input(file + ": " + builder.fault_pointer() + ": number out of range at " + where + ": " + builder.error());
  }
  return bad_input(file + ": invalid JSON at " + where + ": " + builder.error());
}

std::string dump_json(const Json& value, int indent) {
  std::string out;
  write_json(value, indent, 0, out);
  return out;
}

std::string canonical_json_text(const Json& value) { return dump_json(with_sorted_keys(value), -1); }

bool is_raw_number(const Json& value) {
  return value.is_binary() && value.get_binary().has_subtype() && value.get_binary().subtype() == kRawNumberSubtype;
}

std::string raw_number_text(const Json& value) {
  const auto& bytes = value.get_binary();
  return std::string(bytes.begin(), bytes.end());
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
  return quoted_text(value.is_string() ? value.get_ref<const std::string&>() : dump_json(value, -1));
}

std::string quoted_text(std::string_view text) {
  constexpr std::size_t kMaxShown = 80;
  constexpr char kHex[] = "0123456789abcdef";
  std::string shown;
  std::size_t i = 0;
  for (; i < text.size() && shown.size() < kMaxShown; ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c < 0x7f) {
      shown += static_cast<char>(c);
    } else {
      shown += "\\x";
      shown += kHex[c >> 4];
      shown += kHex[c & 0xf];
    }
  }
  if (i < text.size()) shown += "...";
  return "`" + shown + "`";
}

}  // namespace leastpriv::model
