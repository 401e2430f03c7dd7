// Tests of the ASCII text facts every side shares (model/ascii.h).
#include "model/ascii.h"

#include <gtest/gtest.h>

namespace leastpriv::model {
namespace {

TEST(Ascii, LowerCasingFoldsOnlyAsciiLetters) {
  EXPECT_EQ(to_lower_ascii("S3:GetObject"), "s3:getobject");
  EXPECT_EQ(to_lower_ascii("AZaz09:*?-[@`{"), "azaz09:*?-[@`{");
  // Non-ASCII bytes pass through unchanged: the readers reject them, nothing here guesses.
  EXPECT_EQ(to_lower_ascii("\xE2\x84\xAA"), "\xE2\x84\xAA");
}

TEST(Ascii, HasWildcardSeesStarAndQuestionMark) {
  EXPECT_TRUE(has_wildcard("s3:Get*"));
  EXPECT_TRUE(has_wildcard("s3:Get?bject"));
  EXPECT_FALSE(has_wildcard("s3:GetObject"));
  EXPECT_FALSE(has_wildcard(""));
}

}  // namespace
}  // namespace leastpriv::model
