// support/number_text.h: the whole text is the number or it is refused.
#include "support/number_text.h"

#include <gtest/gtest.h>

#include <string>

namespace leastpriv {
namespace {

TEST(NumberText, DecimalsAreDigitsWithAtMostOneInnerDot) {
  EXPECT_EQ(support::parse_decimal("60"), 60.0);
  EXPECT_EQ(support::parse_decimal("0.5"), 0.5);
  EXPECT_EQ(support::parse_decimal("007.25"), 7.25);
  for (const std::string text : {"", ".5", "5.", "1.2.3", "-1", "+1", " 5", "5 ", "1e3", "0x10", "inf", "nan", "5s"}) {
    EXPECT_FALSE(support::parse_decimal(text)) << "`" << text << "`";
  }
}

TEST(NumberText, WholeNumbersAreDigitsOnlyAndFit) {
  EXPECT_EQ(support::parse_whole_number("2"), 2u);
  EXPECT_EQ(support::parse_whole_number("999999999999999999"), 999999999999999999u);
  for (const std::string text : {"", "2.0", "-2", "1e3", " 2", "9999999999999999999", "bounded"}) {
    EXPECT_FALSE(support::parse_whole_number(text)) << "`" << text << "`";
  }
}

}  // namespace
}  // namespace leastpriv
