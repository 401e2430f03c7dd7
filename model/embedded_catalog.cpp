// The catalog snapshot built into the binary; see embedded_catalog.h and embedded_catalog.S.
#include "model/embedded_catalog.h"

#include <cstddef>

// Defined in embedded_catalog.S; C linkage because assembly symbols are not name-mangled.
extern "C" {
extern const char leastpriv_embedded_catalog_start[];
extern const char leastpriv_embedded_catalog_end[];
}

namespace leastpriv::model {

std::string_view embedded_catalog_text() {
  return std::string_view(
      leastpriv_embedded_catalog_start,
      static_cast<std::size_t>(leastpriv_embedded_catalog_end - leastpriv_embedded_catalog_start));
}

}  // namespace leastpriv::model
