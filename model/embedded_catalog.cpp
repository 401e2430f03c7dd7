// The catalog built into the binary, as a Catalog; see embedded_catalog.h. The layout itself is
// the generated embedded_catalog_data.cpp in the build tree.
#include "model/embedded_catalog.h"

namespace leastpriv::model {

Result<Catalog> Catalog::embedded() {
  const EmbeddedCatalogLayout& layout = embedded_catalog_layout();
  Catalog catalog;
  catalog.actions_ = layout.actions;  // constant data: no storage to own
  catalog.identity_ = CatalogIdentity{std::string(layout.source), std::string(layout.date)};
  catalog.service_count_ = layout.service_count;
  return catalog;
}

}  // namespace leastpriv::model
