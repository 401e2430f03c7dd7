// Fuzzes the JSON reader every other reader is built on (model/json_text.h): deep nesting,
// duplicate keys, odd numbers and bytes give an Error, never a crash or unbounded recursion;
// a value that was read is written back as text that reads to the same value.
#include "model/json_text.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto value = leastpriv::model::parse_json_text(text, "fuzz.json");
  if (!value) return 0;
  const std::string written = leastpriv::model::dump_json(*value);
  auto again = leastpriv::model::parse_json_text(written, "again.json");
  if (!again || leastpriv::model::dump_json(*again) != written) std::abort();
  return 0;
}
