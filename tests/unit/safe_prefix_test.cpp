// Tests of the safe-node test (engine/match/safe_prefix.h) that `aws`, `char`, `bounded` and
// `explain` share: each condition alone, and which one is reported when both fail.
#include "engine/match/safe_prefix.h"

#include "tests/support/test_support.h"

#include <gtest/gtest.h>

namespace leastpriv::engine {
namespace {

using testing::findings_of;

constexpr const char* kBucketAclUnused = R"([{"serviceNamespace": "s3", "actions": ["GetBucketAcl"]}])";

TEST(SafePrefix, SafeWhenNoUnusedActionStartsWithItAndTheEntryAllowsAllOfIt) {
  EXPECT_EQ(prefix_safety(ActionPattern("s3:Get*"), "s3:getobject", findings_of(kBucketAclUnused)), PrefixSafety::kSafe);
  EXPECT_TRUE(is_safe_prefix(ActionPattern("s3:*Object*"), "s3:getobject", findings_of(kBucketAclUnused)));
}

TEST(SafePrefix, UnsafeWhenAnUnusedActionStartsWithIt) {
  EXPECT_EQ(prefix_safety(ActionPattern("s3:Get*"), "s3:getbucket", findings_of(kBucketAclUnused)),
            PrefixSafety::kReachesUnused);
  // The unused action itself is a prefix of itself.
  EXPECT_EQ(prefix_safety(ActionPattern("s3:Get*"), "s3:getbucketacl", findings_of(kBucketAclUnused)),
            PrefixSafety::kReachesUnused);
}

TEST(SafePrefix, UnsafeWhenAWhollyUnusedServiceSharesAString) {
  const model::UnusedFindings s3_unused = findings_of(R"([{"serviceNamespace": "s3"}])");
  // `s3*` allows `s3:…`; `s3:get*` lies inside the unused service.
  EXPECT_EQ(prefix_safety(ActionPattern("*"), "s3", s3_unused), PrefixSafety::kReachesUnused);
  EXPECT_EQ(prefix_safety(ActionPattern("*"), "s3:get", s3_unused), PrefixSafety::kReachesUnused);
  EXPECT_EQ(prefix_safety(ActionPattern("*"), "s3express:", s3_unused), PrefixSafety::kSafe);
}

TEST(SafePrefix, UnsafeWhenThePrefixStarAllowsWhatTheEntryDoesNot) {
  EXPECT_EQ(prefix_safety(ActionPattern("s3:*Object*"), "s3:list", findings_of(kBucketAclUnused)),
            PrefixSafety::kOutsideEntry);
  // `s3:*Object` does not allow s3:getobjectacl, which `s3:getobject*` does.
  EXPECT_EQ(prefix_safety(ActionPattern("s3:*Object"), "s3:getobject", findings_of(kBucketAclUnused)),
            PrefixSafety::kOutsideEntry);
}

TEST(SafePrefix, ReachingUnusedIsReportedFirstWhenBothFail) {
  EXPECT_EQ(prefix_safety(ActionPattern("s3:*Object*"), "s3:getbucket", findings_of(kBucketAclUnused)),
            PrefixSafety::kReachesUnused);
}

}  // namespace
}  // namespace leastpriv::engine
