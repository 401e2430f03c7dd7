// The catalog built into the binary, as a Catalog; see embedded_catalog.h. The layout itself is
// the generated embedded_catalog_data.cpp in the build tree.
#include "model/embedded_catalog.h"

#include <vector>

namespace leastpriv::model {

namespace {

// The layout's records as CatalogActions, made on first use and kept for the program's life
// (thread-safe: a function-local static). Never destroyed, as the constant array before it was
// not: a Catalog used during static destruction still finds its actions.
std::span<const CatalogAction> embedded_actions() {
  static const std::vector<CatalogAction>& actions = *new std::vector<CatalogAction>([] {
    const EmbeddedCatalogLayout& layout = embedded_catalog_layout();
    std::vector<CatalogAction> out;
    out.reserve(layout.records.size());
    for (const EmbeddedActionRecord& record : layout.records) {
      const std::string_view full(layout.full + record.offset, record.length);
      out.push_back(CatalogAction{full.substr(0, record.service_length), full.substr(record.service_length + 1), full,
                                  std::string_view(layout.lower_full + record.offset, record.length)});
    }
    return out;
  }());
  return actions;
}

}  // namespace

Result<Catalog> Catalog::embedded() {
  const EmbeddedCatalogLayout& layout = embedded_catalog_layout();
  Catalog catalog;
  catalog.actions_ = embedded_actions();  // kept for the program's life: no storage to own
  catalog.identity_ = CatalogIdentity{std::string(layout.source), std::string(layout.date)};
  catalog.service_count_ = layout.service_count;
  return catalog;
}

}  // namespace leastpriv::model
