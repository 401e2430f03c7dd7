// The policy comparison (verifier/access/no_new_access.h): the reduction's cases one by one —
// identical policies, narrowing and widening actions and resources, Deny statements added,
// dropped and in another scope, NotAction on both sides, an empty candidate, the list of
// --access-not-granted — and the Resource glob inclusion it relies on (scope_implication.h).
#include "model/policy_input.h"
#include "verifier/access/no_new_access.h"
#include "verifier/access/scope_implication.h"

#include <gtest/gtest.h>

namespace leastpriv::verifier {
namespace {

const model::Catalog& catalog() {
  static const model::Catalog small = [] {
    auto built = model::Catalog::from_actions({{"s3", "GetObject"},
                                               {"s3", "GetBucketPolicy"},
                                               {"s3", "ListBucket"},
                                               {"s3", "PutObject"},
                                               {"s3", "DeleteObject"},
                                               {"ec2", "DescribeInstances"},
                                               {"ec2", "RunInstances"},
                                               {"iam", "PassRole"}},
                                              model::CatalogIdentity{"test", ""});
    return std::move(built).value();
  }();
  return small;
}

model::PolicyDocument policy(const std::string& statements) {
  auto loaded = model::load_policy_text(R"({"Version":"2012-10-17","Statement":[)" + statements + "]}", "policy.json");
  EXPECT_TRUE(loaded.ok()) << loaded.error().message;
  return loaded->document;
}

AccessCheckResult compare(const std::string& reference, const std::string& candidate) {
  auto result = check_no_new_access(policy(reference), policy(candidate), catalog(), AccessCheckOptions{});
  EXPECT_TRUE(result.ok()) << result.error().message;
  return std::move(result).value();
}

const std::string kGetAll = R"({"Sid":"Get","Effect":"Allow","Action":"s3:Get*","Resource":"*"})";

TEST(NoNewAccess, IdenticalPoliciesGrantNothingNew) {
  const auto result = compare(kGetAll, kGetAll);
  EXPECT_EQ(result.verdict, AccessVerdict::kNoNewAccess);
  EXPECT_TRUE(result.new_access.empty());
  EXPECT_FALSE(result.report.obligations.empty());
}

TEST(NoNewAccess, EmptyCandidateGrantsNothing) {
  const auto result = compare(kGetAll, "");
  EXPECT_EQ(result.verdict, AccessVerdict::kNoNewAccess);
  EXPECT_TRUE(result.report.obligations.empty());
}

TEST(NoNewAccess, NarrowingAnActionIsNoNewAccess) {
  const auto result = compare(kGetAll, R"({"Effect":"Allow","Action":["s3:GetObject","s3:getbucket*"],"Resource":"*"})");
  EXPECT_EQ(result.verdict, AccessVerdict::kNoNewAccess);
}

TEST(NoNewAccess, WideningAWildcardNamesTheActionStatementAndScope) {
  const auto result = compare(kGetAll, R"({"Sid":"Get","Effect":"Allow","Action":"s3:Get*","Resource":"*"},
                                           {"Sid":"All","Effect":"Allow","Action":"s3:*","Resource":"*"})");
  ASSERT_EQ(result.verdict, AccessVerdict::kNewAccess);
  ASSERT_FALSE(result.new_access.empty());
  const auto& access = result.new_access.front();
  // A catalog action, not the model `s3:`: the first catalog action s3:* adds.
  EXPECT_EQ(access.action, "s3:deleteobject");
  EXPECT_EQ(access.statement_index, 1U);
  EXPECT_EQ(access.statement_pointer, "/Statement/1");
  EXPECT_EQ(access.sid, "All");
  EXPECT_EQ(access.scope, R"({"Resource":["set",["*"]]})");
  EXPECT_EQ(access.obligation_id.substr(0, 2), "N1");
}

TEST(NoNewAccess, ActionsOverAllStringsNotOnlyTheCatalog) {
  // Every catalog action of s3:Get* is listed, but `s3:get*` also allows actions AWS adds later.
  const auto result = compare(R"({"Effect":"Allow","Action":["s3:GetObject","s3:GetBucketPolicy"],"Resource":"*"})",
                              kGetAll);
  ASSERT_EQ(result.verdict, AccessVerdict::kNewAccess);
  EXPECT_EQ(result.new_access.front().action.rfind("s3:get", 0), 0U) << result.new_access.front().action;
}

TEST(NoNewAccess, NarrowingAResourceIsNoNewAccess) {
  const auto result = compare(R"({"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::bucket/*"})",
                              R"({"Effect":"Allow","Action":"s3:GetObject","Resource":["arn:aws:s3:::bucket/a/*","arn:aws:s3:::bucket/b?"]})");
  EXPECT_EQ(result.verdict, AccessVerdict::kNoNewAccess);
  const auto star = compare(kGetAll, R"({"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::any/*"})");
  EXPECT_EQ(star.verdict, AccessVerdict::kNoNewAccess);
}

TEST(NoNewAccess, WideningAResourceIsNewAccess) {
  const auto result = compare(R"({"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::bucket/a/*"})",
                              R"({"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::bucket/*"})");
  ASSERT_EQ(result.verdict, AccessVerdict::kNewAccess);
  EXPECT_EQ(result.new_access.front().action, "s3:getobject");
  EXPECT_EQ(result.new_access.front().resource, R"(Resource "arn:aws:s3:::bucket/*")");
}

TEST(NoNewAccess, ResourceNarrowingUnderAnotherConditionIsNotTrusted) {
  // Same resource inclusion, but the candidate drops the Condition: a wider scope.
  const auto result = compare(
      R"({"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"true"}}})",
      R"({"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::bucket/*"})");
  EXPECT_EQ(result.verdict, AccessVerdict::kNewAccess);
}

TEST(NoNewAccess, AddedDenyOnlyRemovesAccess) {
  const auto result = compare(kGetAll, kGetAll + R"(,{"Effect":"Deny","Action":"s3:GetObject","Resource":"*"})");
  EXPECT_EQ(result.verdict, AccessVerdict::kNoNewAccess);
}

TEST(NoNewAccess, DeniedInTheReferenceAndAllowedByTheCandidateIsCoveredByItsDeny) {
  // The candidate allows s3:* but keeps a Deny of everything the reference does not allow.
  const auto result = compare(kGetAll, R"({"Effect":"Allow","Action":"s3:*","Resource":"*"},
                                          {"Effect":"Deny","NotAction":"s3:Get*","Resource":"*"})");
  EXPECT_EQ(result.verdict, AccessVerdict::kNoNewAccess);
}

TEST(NoNewAccess, DroppedDenyIsNewAccess) {
  const std::string deny = R"({"Sid":"NoSecret","Effect":"Deny","Action":"s3:GetObject","Resource":"*"})";
  const auto result = compare(kGetAll + "," + deny, kGetAll);
  ASSERT_EQ(result.verdict, AccessVerdict::kNewAccess);
  EXPECT_EQ(result.new_access.front().action, "s3:getobject");
  EXPECT_EQ(result.new_access.front().obligation_id.substr(0, 2), "N2");
  EXPECT_NE(result.new_access.front().explanation.find("NoSecret"), std::string::npos);
}

TEST(NoNewAccess, DroppedDenyInAnotherScopeNeedsThePairOfScopes) {
  // The reference denies s3:GetObject on one bucket; a request can hit both that bucket's scope
  // and the Allow's `*`, so dropping the Deny is new access even though the scopes differ.
  const std::string deny = R"({"Effect":"Deny","Action":"s3:GetObject","Resource":"arn:aws:s3:::secret/*"})";
  const auto dropped = compare(kGetAll + "," + deny, kGetAll);
  ASSERT_EQ(dropped.verdict, AccessVerdict::kNewAccess);
  EXPECT_NE(dropped.new_access.front().obligation_id.find("+"), std::string::npos);  // N2/scope-s+t
  // Kept, it still applies: no new access.
  EXPECT_EQ(compare(kGetAll + "," + deny, kGetAll + "," + deny).verdict, AccessVerdict::kNoNewAccess);
  // Replaced by a Deny of a wider resource (which the narrower one implies): still no new access.
  const std::string wider = R"({"Effect":"Deny","Action":"s3:GetObject","Resource":"arn:aws:s3:::*"})";
  EXPECT_EQ(compare(kGetAll + "," + deny, kGetAll + "," + wider).verdict, AccessVerdict::kNoNewAccess);
  // Replaced by a Deny of a narrower resource: the rest of secret/* is open again.
  const std::string narrower = R"({"Effect":"Deny","Action":"s3:GetObject","Resource":"arn:aws:s3:::secret/a"})";
  EXPECT_EQ(compare(kGetAll + "," + deny, kGetAll + "," + narrower).verdict, AccessVerdict::kNewAccess);
}

TEST(NoNewAccess, NotActionOnBothSides) {
  const std::string all_but_iam = R"({"Effect":"Allow","NotAction":"iam:*","Resource":"*"})";
  EXPECT_EQ(compare(all_but_iam, R"({"Effect":"Allow","NotAction":["iam:*","ec2:*"],"Resource":"*"})").verdict,
            AccessVerdict::kNoNewAccess);
  EXPECT_EQ(compare(all_but_iam, R"({"Effect":"Allow","Action":["s3:*","ec2:Describe*"],"Resource":"*"})").verdict,
            AccessVerdict::kNoNewAccess);
  const auto widened = compare(all_but_iam, R"({"Effect":"Allow","NotAction":"iam:Pass*","Resource":"*"})");
  ASSERT_EQ(widened.verdict, AccessVerdict::kNewAccess);
  EXPECT_EQ(widened.new_access.front().action.rfind("iam:", 0), 0U);
  // A Deny with NotAction on the candidate side: allows only s3 after it.
  EXPECT_EQ(compare(kGetAll, R"({"Effect":"Allow","Action":"*","Resource":"*"},
                                {"Effect":"Deny","NotAction":"s3:Get*","Resource":"*"})").verdict,
            AccessVerdict::kNoNewAccess);
}

TEST(NoNewAccess, MovingAnActionToAnotherScopeIsNewAccess) {
  const auto result = compare(R"({"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::a/*"},
                                 {"Effect":"Allow","Action":"s3:PutObject","Resource":"arn:aws:s3:::b/*"})",
                              R"({"Effect":"Allow","Action":["s3:GetObject","s3:PutObject"],"Resource":"arn:aws:s3:::a/*"})");
  ASSERT_EQ(result.verdict, AccessVerdict::kNewAccess);
  EXPECT_EQ(result.new_access.front().action, "s3:putobject");
}

TEST(NoNewAccess, PolicyVariablesAreNotSharedAcrossVersions) {
  // Under Version 2008-10-17 `${aws:username}` is literal text, under 2012-10-17 a variable:
  // the same scope text means other requests, so the two sides do not share its atom.
  const std::string statement =
      R"({"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/${aws:username}/*"})";
  const auto versioned = [&](const std::string& version) {
    auto loaded = model::load_policy_text(R"({"Version":")" + version + R"(","Statement":[)" + statement + "]}", "p.json");
    EXPECT_TRUE(loaded.ok());
    return loaded->document;
  };
  auto same = check_no_new_access(versioned("2012-10-17"), versioned("2012-10-17"), catalog(), AccessCheckOptions{});
  ASSERT_TRUE(same.ok());
  EXPECT_EQ(same->verdict, AccessVerdict::kNoNewAccess);
  auto other = check_no_new_access(versioned("2008-10-17"), versioned("2012-10-17"), catalog(), AccessCheckOptions{});
  ASSERT_TRUE(other.ok());
  EXPECT_EQ(other->verdict, AccessVerdict::kNewAccess);
}

TEST(AccessNotGranted, ListedActionsAfterDenies) {
  const auto candidate = policy(R"({"Effect":"Allow","Action":"s3:*","Resource":"*"},
                                   {"Effect":"Deny","Action":"s3:Delete*","Resource":"*"})");
  auto denied = check_access_not_granted(candidate, {"s3:DeleteObject", "iam:*"}, catalog(), AccessCheckOptions{});
  ASSERT_TRUE(denied.ok());
  EXPECT_EQ(denied->verdict, AccessVerdict::kNoNewAccess);
  auto granted = check_access_not_granted(candidate, {"iam:PassRole", "s3:Put*"}, catalog(), AccessCheckOptions{});
  ASSERT_TRUE(granted.ok());
  ASSERT_EQ(granted->verdict, AccessVerdict::kNewAccess);
  EXPECT_EQ(granted->new_access.front().action, "s3:putobject");
  EXPECT_EQ(granted->new_access.front().obligation_id.substr(0, 2), "N3");
  EXPECT_FALSE(check_access_not_granted(candidate, {}, catalog(), AccessCheckOptions{}).ok());
}

TEST(NoNewAccess, NonAsciiActionIsBadInput) {
  // The policy reader refuses such a file already; a document built another way (the gate's
  // readers) must be refused here too.
  auto candidate = policy(kGetAll);
  candidate.statements[0].patterns = {"s3:Get\xe2\x84\xaa"};  // the Kelvin sign
  auto result = check_no_new_access(policy(kGetAll), candidate, catalog(), AccessCheckOptions{});
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().kind, ErrorKind::kBadInput);
}

TEST(ScopeImplication, ResourceGlobInclusion) {
  EXPECT_TRUE(resource_glob_included("arn:aws:s3:::b/a/*", "arn:aws:s3:::b/*"));
  EXPECT_TRUE(resource_glob_included("arn:aws:s3:::b/x?", "arn:aws:s3:::b/*"));
  EXPECT_TRUE(resource_glob_included("arn:aws:s3:::b/?", "arn:aws:s3:::b/?"));
  EXPECT_TRUE(resource_glob_included("anything*", "*"));
  EXPECT_FALSE(resource_glob_included("arn:aws:s3:::b/*", "arn:aws:s3:::b/a/*"));
  EXPECT_FALSE(resource_glob_included("arn:aws:s3:::b/*", "arn:aws:s3:::b/?"));  // `*` is not one character
  EXPECT_FALSE(resource_glob_included("arn:aws:s3:::B/*", "arn:aws:s3:::b/*"));  // case as written
  EXPECT_FALSE(resource_glob_included("arn:aws:s3:::b/${aws:username}", "arn:aws:s3:::b/${aws:*}"));
}

TEST(ScopeImplication, OnlyWhenEverythingButResourcesIsEqual) {
  const auto json = [](const std::string& text) { return model::Json::parse(text); };
  EXPECT_TRUE(scope_implies(json(R"({"Effect":"Allow","Resource":"arn:a/x"})"), json(R"({"Effect":"Deny","Resource":["arn:a/*"]})")));
  EXPECT_TRUE(scope_implies(json(R"({"NotResource":["arn:a/*"]})"), json(R"({"NotResource":"arn:a/x"})")));
  EXPECT_FALSE(scope_implies(json(R"({"NotResource":"arn:a/x"})"), json(R"({"NotResource":["arn:a/*"]})")));
  EXPECT_FALSE(scope_implies(json(R"({"Resource":"arn:a/x","Condition":{"Bool":{"k":"true"}}})"),
                             json(R"({"Resource":"*"})")));
  EXPECT_FALSE(scope_implies(json(R"({"Resource":"arn:a/x"})"), json(R"({"NotResource":"arn:b"})")));
}

}  // namespace
}  // namespace leastpriv::verifier
