// The catalog snapshot built into the leastpriv binary: the text of spec/catalog/aws-catalog.txt
// (header lines "# source: ...", "# date: ...", then one line per service), used when no
// `--catalog` file is given.
//
// Tested by: tests/unit/catalog_test.cpp (byte for byte the snapshot file; parsed as the default catalog)
//
// IMPLEMENTATION: the bytes are placed by embedded_catalog.S with `.incbin` (see there for why),
// so this accessor costs nothing and the text lives in read-only memory for the program's life.
// Parsing it is the catalog module's job; this file only hands out the bytes.
#pragma once

#include <string_view>

namespace leastpriv::model {

// The whole snapshot file, byte for byte; valid for the life of the program. data()[size()] is
// a NUL byte, so the text may also be passed where a C string is expected.
std::string_view embedded_catalog_text();

}  // namespace leastpriv::model
