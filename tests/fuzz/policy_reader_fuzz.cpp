// Fuzzes the policy reader (model/policy_input.h): any bytes must give a policy or an Error
// naming the file, never a crash; a policy that was read must be written and read back to
// the same statements (what refine writes must be what it read).
#include "model/policy_input.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto loaded = leastpriv::model::load_policy_text(text, "fuzz.json");
  if (!loaded) {
    if (loaded.error().message.rfind("fuzz.json", 0) != 0) std::abort();  // every error names the file
    return 0;
  }
  const std::string written = leastpriv::model::policy_to_text(loaded->document);
  auto again = leastpriv::model::load_policy_text(written, "again.json");
  if (!again || leastpriv::model::policy_to_text(again->document) != written) std::abort();
  return 0;
}
