// model::findings_warnings, the one implementation refine and verify share: each kind of odd
// finding is named, long lists are cut at ten with a count, case is ignored, and findings the
// policy explains give no warning at all. (tests/unit/aws_strategy_test.cpp checks the same
// warnings through refine.)
#include "model/findings_warnings.h"

#include "tests/support/test_support.h"

#include <gtest/gtest.h>

namespace leastpriv::model {
namespace {

using testing::catalog_of;
using testing::findings_of;
using testing::policy_of;

std::vector<std::string> warnings_for(const std::string& policy, const std::string& findings, const Catalog& catalog) {
  return findings_warnings(policy_of(policy), findings_of(findings), catalog);
}

TEST(FindingsWarnings, FindingsThePolicyAndCatalogExplainGiveNone) {
  const Catalog catalog = catalog_of({"s3:GetObject", "s3:PutObject", "ec2:RunInstances"});
  EXPECT_TRUE(warnings_for(R"({"Statement": [{"Effect": "Allow", "Action": ["S3:GET*", "s3:p?tobject"], "Resource": "*"},
                                             {"Effect": "Allow", "NotAction": "s3:*", "Resource": "*"}]})",
                           R"([{"serviceNamespace": "s3", "actions": ["GetObject", "PutObject"]},
                               {"serviceNamespace": "ec2", "actions": ["RunInstances"]}])",
                           catalog)
                  .empty());
}

TEST(FindingsWarnings, NamesActionsNotInTheCatalogNotAllowedAndUnknownServices) {
  const Catalog catalog = catalog_of({"s3:GetObject", "s3:PutObject"});
  const auto warnings = warnings_for(R"({"Statement": [{"Effect": "Allow", "Action": "s3:Get*", "Resource": "*"},
                                                      {"Effect": "Deny", "Action": "s3:PutObject", "Resource": "*"}]})",
                                     R"([{"serviceNamespace": "s3", "actions": ["GetFuture", "PutObject"]},
                                         {"serviceNamespace": "nosuchservice"}])",
                                     catalog);
  ASSERT_EQ(warnings.size(), 3u);
  EXPECT_NE(warnings[0].find("1 unused action(s) not in the catalog"), std::string::npos) << warnings[0];
  EXPECT_NE(warnings[0].find("`s3:GetFuture`"), std::string::npos) << warnings[0];
  // A Deny allows nothing: PutObject is not allowed by this policy.
  EXPECT_NE(warnings[1].find("1 unused action(s) that the policy does not allow: `s3:PutObject`"), std::string::npos)
      << warnings[1];
  EXPECT_EQ(warnings[2], "unused service `nosuchservice` is not in the catalog");
}

TEST(FindingsWarnings, LongListsNameTenAndCountTheRest) {
  std::string actions;
  for (int i = 0; i < 13; ++i) actions += std::string(i ? ", " : "") + "\"Get" + std::to_string(i) + "\"";
  const auto warnings = warnings_for(R"({"Statement": [{"Effect": "Allow", "Action": "ec2:*", "Resource": "*"}]})",
                                     R"([{"serviceNamespace": "s3", "actions": [)" + actions + "]}]",
                                     catalog_of({"ec2:RunInstances"}));
  ASSERT_EQ(warnings.size(), 2u);
  EXPECT_NE(warnings[1].find("13 unused action(s) that the policy does not allow"), std::string::npos) << warnings[1];
  EXPECT_NE(warnings[1].find(", and 3 more"), std::string::npos) << warnings[1];
}

}  // namespace
}  // namespace leastpriv::model
