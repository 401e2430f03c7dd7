// Tests of the embedded catalog's pre-sorted layout (model/embedded_catalog.h): what the build
// step generated must be exactly the catalog the snapshot file gives when parsed at run time —
// the reader `--catalog` uses — action for action, with the same identity, counts and the
// certificate's canonical hash (a difference would change every certificate's catalog entry).
#include "model/embedded_catalog.h"

#include "model/catalog.h"
#include "tests/support/test_support.h"
#include "verifier/certificate/certificate.h"

#include <gtest/gtest.h>

namespace leastpriv::model {
namespace {

Catalog parsed_snapshot() {
  const std::string path = testing::source_path("spec/catalog/aws-catalog.txt");
  auto catalog = Catalog::from_file_text(testing::read_file(path), path);
  EXPECT_TRUE(catalog.ok()) << catalog.error().message;
  return catalog.ok() ? std::move(catalog).value() : Catalog{};
}

TEST(EmbeddedCatalog, LayoutEqualsTheSnapshotParsedAtRunTime) {
  const Catalog parsed = parsed_snapshot();
  auto embedded = Catalog::embedded();
  ASSERT_TRUE(embedded.ok()) << embedded.error().message;
  ASSERT_EQ(embedded->actions().size(), parsed.actions().size());
  ASSERT_GT(parsed.actions().size(), 20000u);
  for (std::size_t i = 0; i < parsed.actions().size(); ++i) {
    const CatalogAction& a = embedded->actions()[i];
    const CatalogAction& b = parsed.actions()[i];
    ASSERT_EQ(a.service, b.service) << i;
    ASSERT_EQ(a.name, b.name) << i;
    ASSERT_EQ(a.full, b.full) << i;
    ASSERT_EQ(a.lower_full, b.lower_full) << i;
  }
  EXPECT_EQ(embedded->identity().source, parsed.identity().source);
  EXPECT_EQ(embedded->identity().date, parsed.identity().date);
  EXPECT_EQ(embedded->service_count(), parsed.service_count());
}

TEST(EmbeddedCatalog, CanonicalHashIsThatOfTheParsedSnapshot) {
  auto embedded = Catalog::embedded();
  ASSERT_TRUE(embedded.ok());
  EXPECT_EQ(verifier::catalog_hash(*embedded), verifier::catalog_hash(parsed_snapshot()));
}

TEST(EmbeddedCatalog, VersionFiguresNeedNoCatalog) {
  const EmbeddedCatalogLayout& layout = embedded_catalog_layout();
  const Catalog parsed = parsed_snapshot();
  EXPECT_EQ(layout.source, parsed.identity().source);
  EXPECT_EQ(layout.date, parsed.identity().date);
  EXPECT_EQ(layout.service_count, parsed.service_count());
  EXPECT_EQ(layout.records.size(), parsed.actions().size());
}

TEST(EmbeddedCatalog, LookupsWorkOnTheLayout) {
  auto embedded = Catalog::embedded();
  ASSERT_TRUE(embedded.ok());
  const auto index = embedded->find("s3:getobject");
  ASSERT_TRUE(index.has_value());
  EXPECT_EQ(embedded->actions()[*index].full, "s3:GetObject");
  EXPECT_EQ(embedded->actions()[*index].service, "s3");
  EXPECT_EQ(embedded->actions()[*index].name, "GetObject");
  const auto [first, last] = embedded->prefix_range("s3:getobject");
  EXPECT_GT(last - first, 5u);
  EXPECT_TRUE(embedded->has_service("s3express"));
  EXPECT_FALSE(embedded->has_service("s3e"));
}

TEST(EmbeddedCatalog, CopiesOfARunTimeCatalogKeepTheirNames) {
  Catalog copy;
  {
    const Catalog parsed = parsed_snapshot();
    copy = parsed;
  }  // the original is gone; the copy shares its names
  ASSERT_FALSE(copy.actions().empty());
  EXPECT_EQ(copy.actions()[*copy.find("s3:getobject")].full, "s3:GetObject");
}

}  // namespace
}  // namespace leastpriv::model
