// Fuzzes the catalog reader (model/catalog.h) with snapshot text: a catalog or an Error, never
// a crash; a catalog that was read answers prefix queries consistently with exact lookups.
#include "model/catalog.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto catalog = leastpriv::model::Catalog::from_snapshot_text(text, "fuzz.txt");
  if (!catalog) return 0;
  for (const auto& action : catalog->actions()) {
    if (!catalog->find(action.lower_full)) std::abort();
    const auto [first, last] = catalog->prefix_range(action.lower_full);
    if (first >= last) std::abort();
  }
  return 0;
}
