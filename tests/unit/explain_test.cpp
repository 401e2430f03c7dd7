// Tests of `explain`'s engine part (engine/render/explain.h) on the hand-checked catalog: which
// entries are explained, the verdict of each visited node, and the DOT drawing's colours.
#include "engine/render/explain.h"

#include "tests/support/test_support.h"

#include <gtest/gtest.h>

namespace leastpriv::engine {
namespace {

using testing::findings_of;
using testing::policy_of;

std::vector<EntryExplanation> explain(const std::string& filter = "") {
  const model::PolicyDocument policy = policy_of(
      R"({"Statement": [{"Sid": "Read", "Effect": "Allow", "Action": ["s3:Get*", "s3:List*", "s3:PutObject"], "Resource": "*"}]})");
  const model::UnusedFindings findings =
      findings_of(R"([{"serviceNamespace": "s3", "actions": ["GetBucketAcl", "GetBucketPolicy", "PutObject"]}])");
  return explain_refinement(policy, findings, testing::small_hand_catalog(), AwsStrategy(), filter);
}

TEST(Explain, ExplainsOnlyTheEntriesThatChanged) {
  const auto explanations = explain();
  ASSERT_EQ(explanations.size(), 2u);  // s3:Get* and the unused s3:PutObject; s3:List* is kept
  EXPECT_EQ(explanations[0].entry, "s3:Get*");
  EXPECT_EQ(explanations[0].sid, "Read");
  EXPECT_EQ(explanations[1].entry, "s3:PutObject");
  EXPECT_TRUE(explanations[1].strategy_result.empty());
  EXPECT_EQ(explain("s3:List*").size(), 0u);
}

TEST(Explain, NodeVerdictsMatchTheWalk) {
  const auto explanations = explain("s3:Get*");
  ASSERT_EQ(explanations.size(), 1u);
  const EntryExplanation& get = explanations[0];
  ASSERT_TRUE(get.trie.has_value());
  EXPECT_EQ(get.aws_result, (std::vector<std::string>{"s3:GetBucketCORS", "s3:GetJobTagging", "s3:GetObject*"}));
  bool bucket_unsafe = false;
  bool object_safe = false;
  for (const auto& node : get.nodes) {
    const std::string& prefix = get.trie->node(node.node).prefix;
    EXPECT_FALSE(node.reason.empty()) << prefix;
    if (prefix == "s3:GetBucket") bucket_unsafe = node.verdict == NodeVerdict::kUnsafe;
    if (prefix == "s3:GetObject") object_safe = node.verdict == NodeVerdict::kSafeEmitted;
  }
  EXPECT_TRUE(bucket_unsafe);
  EXPECT_TRUE(object_safe);
}

TEST(Explain, DotColoursSafeAndUnsafeNodes) {
  const std::string dot = explanations_to_dot(explain("s3:Get*"));
  EXPECT_EQ(dot.rfind("digraph", 0), 0u) << dot.substr(0, 80);
  // Safe nodes are filled green (#a6dba0), unsafe ones orange (#fdb863), emitted ones bold.
  auto line_of = [&](const std::string& label) {
    const auto at = dot.find("label=\"" + label + "\\n");
    if (at == std::string::npos) return std::string();
    return dot.substr(at, dot.find('\n', at) - at);
  };
  const std::string object = line_of("s3:GetObject*");
  const std::string bucket = line_of("s3:GetBucket");
  EXPECT_NE(object.find("#a6dba0"), std::string::npos) << object;
  EXPECT_NE(object.find("bold"), std::string::npos) << object;
  EXPECT_NE(bucket.find("#fdb863"), std::string::npos) << bucket;
  EXPECT_EQ(bucket.find("bold"), std::string::npos) << bucket;
  const std::string text = explanations_to_text(explain("s3:Get*"), "aws");
  EXPECT_NE(text.find("s3:GetObject*"), std::string::npos);
}

}  // namespace
}  // namespace leastpriv::engine
