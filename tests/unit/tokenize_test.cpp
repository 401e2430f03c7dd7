// Tests of word tokenization (engine/match/tokenize.h), with DESIGN §3's examples.
#include "engine/match/tokenize.h"

#include <gtest/gtest.h>

namespace leastpriv::engine {
namespace {

using Tokens = std::vector<std::string>;

TEST(Tokenize, SplitsBeforeUpperCaseAfterLowerCase) {
  EXPECT_EQ(tokenize("GetAccountPublicAccessBlock"), (Tokens{"Get", "Account", "Public", "Access", "Block"}));
}

TEST(Tokenize, KeepsAcronymsTogether) {
  EXPECT_EQ(tokenize("GetBucketCORS"), (Tokens{"Get", "Bucket", "CORS"}));
  EXPECT_EQ(tokenize("ListMFADevices"), (Tokens{"List", "MFA", "Devices"}));
}

TEST(Tokenize, SplitsAfterDigits) {
  EXPECT_EQ(tokenize("GetS3AccessPoint"), (Tokens{"Get", "S3", "Access", "Point"}));
  EXPECT_EQ(tokenize("DescribeEc2Instance"), (Tokens{"Describe", "Ec2", "Instance"}));
}

TEST(Tokenize, LowerCaseFirstLetterAndOddCharacters) {
  EXPECT_EQ(tokenize("viewReports"), (Tokens{"view", "Reports"}));
  EXPECT_EQ(tokenize("search"), (Tokens{"search"}));
  // DESIGN §3 splits only before upper-case letters after a lower-case letter or a digit, so
  // a hyphen joins its neighbours into one token (the catalog's one hyphenated name).
  EXPECT_EQ(tokenize("AssociateViaAWSService-EventsAndStates"),
            (Tokens{"Associate", "Via", "AWS", "Service-Events", "And", "States"}));
}

TEST(Tokenize, ActionBoundariesStartAfterTheService) {
  // "s3:GetObjectAcl": after "s3:" (3), "Get" (6), "Object" (12), "Acl" (15).
  EXPECT_EQ(action_boundaries("s3:GetObjectAcl"), (std::vector<std::size_t>{3, 6, 12, 15}));
}

}  // namespace
}  // namespace leastpriv::engine
