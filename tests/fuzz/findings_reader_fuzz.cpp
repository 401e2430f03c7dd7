// Fuzzes the findings reader (model/findings.h): any bytes give findings or an Error naming
// the file; findings that were read hold only lower-cased, printable ASCII names.
#include "model/findings.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto findings = leastpriv::model::UnusedFindings::from_text(text, "fuzz.json");
  if (!findings) {
    if (findings.error().message.rfind("fuzz.json", 0) != 0) std::abort();
    return 0;
  }
  for (const auto& action : findings->unused_actions()) {
    for (char c : action) {
      if (c < 0x20 || c > 0x7e || (c >= 'A' && c <= 'Z')) std::abort();
    }
  }
  return 0;
}
