// ASCII text facts; see ascii.h.
#include "model/ascii.h"

namespace leastpriv::model {

std::string to_lower_ascii(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool has_wildcard(std::string_view pattern) { return pattern.find_first_of("*?") != std::string_view::npos; }

bool is_printable_ascii(std::string_view text) {
  for (const char c : text) {
    if (c < ' ' || c > '~') return false;  // char may be signed: bytes >= 0x80 are negative
  }
  return true;
}

}  // namespace leastpriv::model
