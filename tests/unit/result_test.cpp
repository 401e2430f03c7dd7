// Result<T> and Status (model/result.h): a value or an error, never both; the error keeps its
// kind and message; a moved-out value is the value that went in.
#include "model/result.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

namespace leastpriv {
namespace {

Result<int> half(int n) {
  if (n % 2 != 0) return bad_input("`" + std::to_string(n) + "` is odd");
  return n / 2;
}

TEST(Result, HoldsAValueOrAnErrorNeverBoth) {
  const auto even = half(8);
  ASSERT_TRUE(even.ok());
  EXPECT_TRUE(static_cast<bool>(even));
  EXPECT_EQ(*even, 4);

  const auto odd = half(7);
  ASSERT_FALSE(odd.ok());
  EXPECT_EQ(odd.error().kind, ErrorKind::kBadInput);
  EXPECT_EQ(odd.error().message, "`7` is odd");
  EXPECT_THROW(static_cast<void>(odd.value()), std::bad_variant_access);
  EXPECT_THROW(static_cast<void>(even.error()), std::bad_variant_access);
}

TEST(Result, KeepsTheErrorKindTheCommandLineMapsToAnExitCode) {
  const Status usage = Error{ErrorKind::kUsage, "missing --policy"};
  ASSERT_FALSE(usage);
  EXPECT_EQ(usage.error().kind, ErrorKind::kUsage);
  const Status fine = Ok{};
  EXPECT_TRUE(fine);
}

TEST(Result, MovesMoveOnlyValuesOut) {
  Result<std::unique_ptr<std::string>> made = std::make_unique<std::string>("kept");
  ASSERT_TRUE(made);
  EXPECT_EQ((*made)->size(), 4u);
  const std::unique_ptr<std::string> taken = std::move(made).value();
  EXPECT_EQ(*taken, "kept");
}

}  // namespace
}  // namespace leastpriv
