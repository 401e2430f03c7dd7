// The account plan and its run (account/account_plan.h, account/account_run.h): the
// shared-policy rule — a policy several principals hold is refined once against what ALL of
// them leave unused, so it still allows every action any of them uses (checked with the spec's
// reference matcher over the catalog, on the verified result) — a holder without findings
// blocking it, --per-principal-copies, AWS managed policies copied and never edited, group
// policies, and IAM's size limits with and without --fit.
#include "account/account_findings.h"
#include "account/account_plan.h"
#include "account/account_run.h"
#include "account/authorization_details.h"
#include "engine/match/entry_trie_cache.h"
#include "engine/render/policy_metrics.h"
#include "model/catalog.h"
#include "model/ascii.h"
#include "model/json_text.h"
#include "model/policy_input.h"
#include "spec/reference_matcher.h"
#include "tests/support/test_support.h"
#include "verifier/certificate/certificate.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <random>

namespace leastpriv::account {
namespace {

const model::Catalog& small_catalog() {
  static const model::Catalog catalog = *model::Catalog::from_file(testing::source_path("tests/data/catalog-small.json"));
  return catalog;
}

AccountDetails details_of(const std::string& text) {
  auto details = read_authorization_details(text, "auth.json");
  EXPECT_TRUE(details.ok()) << details.error().message;
  return details.ok() ? std::move(details).value() : AccountDetails{};
}

std::string finding(const std::string& principal, const std::string& service, const std::vector<std::string>& actions) {
  model::Json list = model::Json::array();
  for (const auto& action : actions) list.push_back(model::Json{{"action", action}});
  model::Json details = model::Json{{"serviceNamespace", service}};
  if (!actions.empty()) details["actions"] = list;
  return model::dump_json(model::Json{{"resource", "arn:aws:iam::1:" + principal},
                                      {"findingType", "UnusedPermission"},
                                      {"findingDetails", model::Json::array({model::Json{{"unusedPermissionDetails", details}}})}},
                          -1);
}

AccountFindings findings_of(const std::vector<std::string>& responses) {
  AccountFindings findings;
  for (const auto& response : responses) EXPECT_TRUE(add_findings_text(response, "f.json", findings).ok()) << response;
  return findings;
}

AccountOptions options(bool verify) {
  AccountOptions options;
  options.config.catalog = &small_catalog();
  options.config.catalog_sha256 = verifier::catalog_hash(small_catalog());
  options.config.leastpriv_version = "test";
  options.config.verify = verify;
  options.config.verification = verify ? "fast" : "none";
  options.config.verify_options = verifier::fast_options(options.config.verify_options);
  options.config.verify_options.threads = 1;
  options.jobs = 2;
  return options;
}

// Three roles holding one customer managed policy (and R3 possibly none).
std::string shared_account(const std::string& document, bool third_holds_it) {
  const std::string attached = R"([{"PolicyName": "Shared", "PolicyArn": "arn:aws:iam::1:policy/Shared"}])";
  return R"({"RoleDetailList": [
      {"RoleName": "R1", "Arn": "arn:aws:iam::1:role/R1", "AttachedManagedPolicies": )" + attached + R"(},
      {"RoleName": "R2", "Arn": "arn:aws:iam::1:role/R2", "AttachedManagedPolicies": )" + attached + R"(},
      {"RoleName": "R3", "Arn": "arn:aws:iam::1:role/R3", "AttachedManagedPolicies": )" + (third_holds_it ? attached : "[]") + R"(}],
    "Policies": [{"PolicyName": "Shared", "Arn": "arn:aws:iam::1:policy/Shared", "AttachmentCount": )" +
         std::string(third_holds_it ? "3" : "2") + R"(,
      "PolicyVersionList": [{"IsDefaultVersion": true, "Document": )" + document + R"(}]}]})";
}

const model::Json* policy_entry(const model::Json& report, const std::string& principal_arn, const std::string& policy) {
  for (const auto& recommendation : report["recommendations"]) {
    if (recommendation["resourceArn"] != principal_arn) continue;
    for (const auto& entry : recommendation["leastpriv"]["policies"]) {
      if (entry["policy"] == policy) return &entry;
    }
  }
  return nullptr;
}

std::string created_policy(const model::Json& report, const std::string& principal_arn, const std::string& existing) {
  for (const auto& recommendation : report["recommendations"]) {
    if (recommendation["resourceArn"] != principal_arn) continue;
    for (const auto& step : recommendation["recommendedSteps"]) {
      const auto& inner = step["unusedPermissionsRecommendedStep"];
      if (inner["recommendedAction"] == "CREATE_POLICY" && inner["existingPolicyId"] == existing) return inner["recommendedPolicy"];
    }
  }
  return "";
}

// Does the document allow the action, by the spec's reference matcher (no Deny in these tests)?
bool reference_allows(const model::PolicyDocument& document, const std::string& action) {
  for (const auto& statement : document.statements) {
    if (spec::reference_statement_allows(statement.effect == model::Effect::kAllow,
                                         statement.action_key == model::ActionKey::kNotAction, statement.patterns, action)) {
      return true;
    }
  }
  return false;
}

TEST(AccountPlan, UnusedByAllKeepsWhatAnyoneUses) {
  const auto a = testing::findings_of(R"([{"serviceNamespace": "s3", "actions": ["GetObject", "PutObject"]}, {"serviceNamespace": "kms"}])");
  const auto b = testing::findings_of(R"([{"serviceNamespace": "s3", "actions": ["GetObject"]}, {"serviceNamespace": "kms", "actions": ["Decrypt"]}])");
  const auto all = unused_by_all({&a, &b});
  EXPECT_EQ(all.unused_actions(), (std::vector<std::string>{"kms:decrypt", "s3:getobject"}));
  EXPECT_TRUE(all.unused_services().empty());  // b uses kms:Encrypt, say
  EXPECT_EQ(unused_by_all({&a}).unused_services(), std::vector<std::string>{"kms"});
}

// The shared-policy rule, on verified results: for several findings mixes, the refined shared
// policy allows every catalog action the original allows that some holder uses, and none
// that all holders leave unused.
TEST(AccountPlan, TheRefinedSharedPolicyAllowsEveryActionAnyHolderUses) {
  const std::string document = R"({"Version": "2012-10-17", "Statement": [
      {"Effect": "Allow", "Action": ["s3:Get*", "s3:List*"], "Resource": "*"},
      {"Effect": "Allow", "Action": ["lambda:*Function*", "kms:*"], "Resource": "*"}]})";
  const model::PolicyDocument original = testing::policy_of(document);
  const std::vector<std::vector<std::string>> mixes = {
      {finding("role/R1", "s3", {"GetObject", "GetBucketPolicy", "ListBucket"}), finding("role/R2", "s3", {"GetObject", "ListBucket"}),
       finding("role/R3", "s3", {"GetObject", "GetBucketPolicy"})},
      {finding("role/R1", "kms", {}), finding("role/R2", "kms", {"Decrypt", "Encrypt"}), finding("role/R3", "kms", {})},
      {finding("role/R1", "lambda", {"DeleteFunction", "InvokeFunction"}), finding("role/R2", "lambda", {"DeleteFunction"}),
       finding("role/R3", "lambda", {"DeleteFunction", "GetFunction"}), finding("role/R3", "s3", {"GetObject"})},
  };
  for (const auto& mix : mixes) {
    const AccountDetails details = details_of(shared_account(document, true));
    const AccountFindings findings = findings_of(mix);
    auto outcome = run_account(details, findings, options(true));
    ASSERT_TRUE(outcome.ok());
    ASSERT_EQ(outcome->count(batch::UnitStatus::kProved), 1U) << model::dump_json(outcome->report);  // refined once
    const std::string refined_text = created_policy(outcome->report, "arn:aws:iam::1:role/R1", "arn:aws:iam::1:policy/Shared");
    ASSERT_FALSE(refined_text.empty()) << model::dump_json(outcome->report);
    // Every holder gets the very same document.
    EXPECT_EQ(created_policy(outcome->report, "arn:aws:iam::1:role/R3", "arn:aws:iam::1:policy/Shared"), refined_text);
    const auto refined = model::load_policy_text(refined_text, "refined");
    ASSERT_TRUE(refined.ok()) << refined.error().message;
    std::size_t checked = 0;
    for (const auto& action : small_catalog().actions()) {
      if (!reference_allows(original, std::string(action.full))) continue;
      bool someone_uses = false;
      for (const auto& [arn, unused] : findings.by_principal) someone_uses = someone_uses || !unused.is_unused(action.lower_full);
      EXPECT_EQ(reference_allows(refined->document, std::string(action.full)), someone_uses) << action.full << " in " << refined_text;
      ++checked;
    }
    EXPECT_GT(checked, 100U);
  }
}

// run_account builds each wildcard entry's token trie once per run (batch::share_entry_tries):
// a cache handed in is the one the jobs fill, and the report is the one without it.
TEST(AccountRun, JobsShareTheRunsEntryTries) {
  const std::string document = R"({"Statement": [{"Effect": "Allow", "Action": ["s3:Get*", "lambda:*Function*"], "Resource": "*"}]})";
  const AccountDetails details = details_of(shared_account(document, true));
  std::vector<std::string> responses;
  for (const std::string role : {"role/R1", "role/R2", "role/R3"}) {
    responses.push_back(finding(role, "s3", {"GetObject"}));
    responses.push_back(finding(role, "lambda", {"DeleteFunction"}));
  }
  const AccountFindings findings = findings_of(responses);
  AccountOptions shared = options(false);
  shared.config.entry_tries = std::make_shared<engine::EntryTrieCache>(small_catalog());
  auto with_cache = run_account(details, findings, shared);
  ASSERT_TRUE(with_cache.ok());
  EXPECT_EQ(shared.config.entry_tries->size(), 2U);  // s3:get*, lambda:*function*
  auto without = run_account(details, findings, options(false));
  ASSERT_TRUE(without.ok());
  EXPECT_EQ(model::dump_json(with_cache->report), model::dump_json(without->report));
  EXPECT_NE(created_policy(with_cache->report, "arn:aws:iam::1:role/R1", "arn:aws:iam::1:policy/Shared"), "");
}

// Jobs with the same key (here per-principal copies for two roles that agree on their
// findings) are verified once: the second takes the first's outcome (batch/same_key_rounds.h).
TEST(AccountRun, JobsWithTheSameKeyAreVerifiedOnce) {
  const std::string document = R"({"Statement": [{"Effect": "Allow", "Action": ["s3:Get*", "kms:*"], "Resource": "*"}]})";
  const AccountDetails details = details_of(shared_account(document, true));
  const AccountFindings findings = findings_of({finding("role/R1", "s3", {"GetObject"}), finding("role/R2", "s3", {"GetObject"}),
                                                finding("role/R3", "kms", {})});
  AccountOptions copies = options(true);
  copies.plan.per_principal_copies = true;
  auto outcome = run_account(details, findings, copies);
  ASSERT_TRUE(outcome.ok());
  EXPECT_EQ(outcome->count(batch::UnitStatus::kProved), 3U) << model::dump_json(outcome->report);
  EXPECT_EQ(outcome->same_as_earlier, 1U);
  const std::string r1 = created_policy(outcome->report, "arn:aws:iam::1:role/R1", "arn:aws:iam::1:policy/Shared");
  ASSERT_FALSE(r1.empty()) << model::dump_json(outcome->report);
  EXPECT_EQ(created_policy(outcome->report, "arn:aws:iam::1:role/R2", "arn:aws:iam::1:policy/Shared"), r1);
  EXPECT_NE(created_policy(outcome->report, "arn:aws:iam::1:role/R3", "arn:aws:iam::1:policy/Shared"), r1);
  // Without verification nothing is keyed: each job is refined, none is the same as another.
  AccountOptions unverified = options(false);
  unverified.plan.per_principal_copies = true;
  auto fast = run_account(details, findings, unverified);
  ASSERT_TRUE(fast.ok());
  EXPECT_EQ(fast->same_as_earlier, 0U);
  EXPECT_EQ(fast->count(batch::UnitStatus::kUnverified), 3U);
}

TEST(AccountPlan, WhatStaysUnusedBecauseAnotherNeedsItIsReported) {
  const std::string document = R"({"Statement": [{"Effect": "Allow", "Action": "s3:Get*", "Resource": "*"}]})";
  auto outcome = run_account(details_of(shared_account(document, false)),
                             findings_of({finding("role/R1", "s3", {"GetObject", "GetBucketPolicy"}), finding("role/R2", "s3", {"GetObject"})}),
                             options(false));
  ASSERT_TRUE(outcome.ok());
  const model::Json* r1 = policy_entry(outcome->report, "arn:aws:iam::1:role/R1", "arn:aws:iam::1:policy/Shared");
  ASSERT_NE(r1, nullptr);
  EXPECT_EQ((*r1)["action"], "replace");
  ASSERT_TRUE(r1->contains("keptForOthers"));
  EXPECT_EQ((*r1)["keptForOthers"], model::Json::array({"s3:GetBucketPolicy (used by `arn:aws:iam::1:role/R2`)"}));
  const model::Json* r2 = policy_entry(outcome->report, "arn:aws:iam::1:role/R2", "arn:aws:iam::1:policy/Shared");
  ASSERT_NE(r2, nullptr);
  EXPECT_FALSE(r2->contains("keptForOthers"));  // R2's only unused action is removed
}

// `holders` roles R1…RN holding one customer managed policy.
std::string shared_by(const std::string& document, int holders) {
  const std::string attached = R"([{"PolicyName": "Shared", "PolicyArn": "arn:aws:iam::1:policy/Shared"}])";
  std::string roles;
  for (int i = 1; i <= holders; ++i) {
    roles += std::string(i > 1 ? ", " : "") + R"({"RoleName": "R)" + std::to_string(i) + R"(", "Arn": "arn:aws:iam::1:role/R)" +
             std::to_string(i) + R"(", "AttachedManagedPolicies": )" + attached + "}";
  }
  return R"({"RoleDetailList": [)" + roles + R"(], "Policies": [{"PolicyName": "Shared", "Arn": "arn:aws:iam::1:policy/Shared",
      "AttachmentCount": )" + std::to_string(holders) + R"(, "PolicyVersionList": [{"IsDefaultVersion": true, "Document": )" + document + "}]}]}";
}

// A policy held by many: each entry names up to 10 other holders and counts them all, and a
// list of more than 3 users names the first and counts the rest (the report stays linear in
// the account).
TEST(AccountPlan, ListsOfManyHoldersAreCutAndCounted) {
  const std::string document = R"({"Statement": [{"Effect": "Allow", "Action": "s3:Get*", "Resource": "*"}]})";
  std::vector<std::string> responses{finding("role/R1", "s3", {"GetObject", "GetBucketPolicy", "GetBucketAcl", "GetBucketCORS"})};
  for (int i = 2; i <= 12; ++i) {
    // R2-R4 use GetBucketAcl, R2-R5 GetBucketCORS; everyone but R1 uses GetBucketPolicy.
    std::vector<std::string> unused{"GetObject"};
    if (i > 4) unused.push_back("GetBucketAcl");
    if (i > 5) unused.push_back("GetBucketCORS");
    responses.push_back(finding("role/R" + std::to_string(i), "s3", unused));
  }
  auto outcome = run_account(details_of(shared_by(document, 12)), findings_of(responses), options(false));
  ASSERT_TRUE(outcome.ok());
  const model::Json* r1 = policy_entry(outcome->report, "arn:aws:iam::1:role/R1", "arn:aws:iam::1:policy/Shared");
  ASSERT_NE(r1, nullptr);
  EXPECT_EQ((*r1)["sharedWithCount"], 11);
  ASSERT_EQ((*r1)["sharedWith"].size(), 10U);
  EXPECT_EQ((*r1)["sharedWith"][0], "arn:aws:iam::1:role/R2");
  EXPECT_EQ((*r1)["sharedWith"][9], "arn:aws:iam::1:role/R11");
  EXPECT_EQ((*r1)["keptForOthers"],
            model::Json::array({"s3:GetBucketAcl (used by `arn:aws:iam::1:role/R2`, `arn:aws:iam::1:role/R3`, `arn:aws:iam::1:role/R4`)",
                                "s3:GetBucketCORS (used by `arn:aws:iam::1:role/R2` and 3 more)",
                                "s3:GetBucketPolicy (used by `arn:aws:iam::1:role/R2` and 10 more)"}));
  // R5 is told the same about GetBucketAcl as R1 (kept once per policy and action).
  const model::Json* r5 = policy_entry(outcome->report, "arn:aws:iam::1:role/R5", "arn:aws:iam::1:policy/Shared");
  ASSERT_NE(r5, nullptr);
  EXPECT_EQ((*r5)["keptForOthers"], model::Json::array({"s3:GetBucketAcl (used by `arn:aws:iam::1:role/R2`, `arn:aws:iam::1:role/R3`, `arn:aws:iam::1:role/R4`)"}));
  EXPECT_EQ((*r5)["sharedWith"][0], "arn:aws:iam::1:role/R1");
}

// unused_by_all counts; it must say what asking every set about every action says.
TEST(AccountPlan, UnusedByAllIsWhatEverySetSays) {
  const std::vector<std::string> services{"s3", "kms", "ec2"};
  const std::vector<std::string> names{"GetObject", "Decrypt", "RunInstances", "ListBuckets"};
  std::mt19937 random(14);
  for (int round = 0; round < 300; ++round) {
    std::vector<model::UnusedFindings> sets(1 + random() % 4);
    for (auto& set : sets) {
      for (const auto& service : services) {
        if (random() % 4 == 0) set.add_unused_service(service);
        for (const auto& name : names) {
          if (random() % 2 == 0) set.add_unused_action(service, random() % 2 == 0 ? name : model::to_lower_ascii(name));
        }
      }
    }
    std::vector<const model::UnusedFindings*> pointers;
    for (const auto& set : sets) pointers.push_back(&set);
    const model::UnusedFindings all = unused_by_all(pointers);
    for (const auto& service : services) {
      const bool everyone = std::all_of(sets.begin(), sets.end(), [&](const model::UnusedFindings& set) {
        return std::binary_search(set.unused_services().begin(), set.unused_services().end(), service);
      });
      EXPECT_EQ(std::binary_search(all.unused_services().begin(), all.unused_services().end(), service), everyone) << service;
      for (const auto& name : names) {
        const std::string action = service + ":" + model::to_lower_ascii(name);
        const bool unused = std::all_of(sets.begin(), sets.end(), [&](const model::UnusedFindings& set) { return set.is_unused(action); });
        EXPECT_EQ(all.is_unused(action), unused) << action << " in round " << round;
        if (!unused || everyone) continue;
        // Listed, with the spelling of the first set that lists it.
        EXPECT_TRUE(std::binary_search(all.unused_actions().begin(), all.unused_actions().end(), action)) << action;
        for (const auto& set : sets) {
          if (std::binary_search(set.unused_actions().begin(), set.unused_actions().end(), action)) {
            EXPECT_EQ(all.spelling(action), set.spelling(action)) << action;
            break;
          }
        }
      }
    }
  }
}

TEST(AccountPlan, AHolderWithoutFindingsBlocksUnlessCopiesAreAsked) {
  const std::string document = R"({"Statement": [{"Effect": "Allow", "Action": "s3:Get*", "Resource": "*"}]})";
  const AccountDetails details = details_of(shared_account(document, true));
  const AccountFindings findings = findings_of({finding("role/R1", "s3", {"GetObject"}), finding("role/R2", "s3", {"GetObject"})});
  const AccountPlan blocked = plan_account(details, findings, PlanOptions{});
  EXPECT_TRUE(blocked.jobs.empty());
  ASSERT_EQ(blocked.principals.size(), 2U);
  const PolicyEntry& entry = blocked.principals[0].policies.at(0);
  EXPECT_EQ(entry.step, StepKind::kSkipped);
  EXPECT_NE(entry.reason.find("arn:aws:iam::1:role/R3"), std::string::npos) << entry.reason;
  EXPECT_NE(entry.reason.find("no findings"), std::string::npos) << entry.reason;

  const AccountPlan copies = plan_account(details, findings, PlanOptions{.per_principal_copies = true});
  ASSERT_EQ(copies.jobs.size(), 2U);  // one copy per principal with findings
  EXPECT_EQ(copies.principals[0].policies[0].step, StepKind::kCreateAndDetach);
  EXPECT_EQ(copies.principals[0].policies[0].new_policy_name, "Shared-R1-recommended");
  EXPECT_EQ(copies.jobs[1].id, "arn:aws:iam::1:policy/Shared#arn:aws:iam::1:role/R2");
}

TEST(AccountPlan, TheExampleAccount) {
  auto details = read_authorization_details_file(testing::source_path("examples/account/authorization-details.json"));
  auto findings = read_account_findings(testing::source_path("examples/account/findings"));
  ASSERT_TRUE(details.ok() && findings.ok());
  const AccountPlan plan = plan_account(*details, *findings, PlanOptions{});
  ASSERT_EQ(plan.principals.size(), 3U);  // AuditRole has no findings
  EXPECT_EQ(plan.principals_without_findings, 1U);
  // AppRole: its inline policy, the shared one, and a copy of the AWS managed one.
  const auto& app = plan.principals[0].policies;
  ASSERT_EQ(app.size(), 3U);
  EXPECT_EQ(app[2].kind, PolicyKind::kAwsManaged);
  EXPECT_EQ(app[2].step, StepKind::kCreateAndDetach);
  EXPECT_EQ(app[2].new_policy_name, "AmazonS3ReadOnlyAccess-recommended");
  EXPECT_EQ(app[2].shared_with, std::vector<std::string>{"arn:aws:iam::123456789012:role/AuditRole"});  // keeps it, does not block
  // alice: her own inline policy and the group's, reached through Developers.
  const auto& alice = plan.principals[2].policies;
  ASSERT_EQ(alice.size(), 2U);
  EXPECT_EQ(alice[1].kind, PolicyKind::kGroupInline);
  EXPECT_EQ(alice[1].via, "group/Developers");
  EXPECT_EQ(alice[1].step, StepKind::kReplace);
  EXPECT_EQ(alice[0].step, StepKind::kUnchanged);
  // The shared policy is one job for both roles.
  EXPECT_EQ(plan.principals[0].policies[1].job, plan.principals[1].policies[1].job);
  EXPECT_EQ(plan.set_aside.size(), 1U);
}

TEST(AccountPlan, WhatIsLeftAloneIsSaid) {
  const AccountDetails details = details_of(R"({"UserDetailList": [{"UserName": "u", "Arn": "arn:aws:iam::1:user/u",
      "GroupList": ["Gone"], "PermissionsBoundary": {"PermissionsBoundaryType": "Policy", "PermissionsBoundaryArn": "arn:aws:iam::1:policy/Boundary"},
      "AttachedManagedPolicies": [{"PolicyName": "Missing", "PolicyArn": "arn:aws:iam::1:policy/Missing"}]}]})");
  const AccountFindings findings = findings_of({finding("user/u", "s3", {"GetObject"}), finding("role/Elsewhere", "s3", {})});
  const AccountPlan plan = plan_account(details, findings, PlanOptions{});
  ASSERT_EQ(plan.principals.size(), 1U);
  const auto& entry = plan.principals[0];
  ASSERT_EQ(entry.policies.size(), 1U);
  EXPECT_EQ(entry.policies[0].step, StepKind::kSkipped);  // no document of the managed policy in the file
  EXPECT_NE(entry.policies[0].reason.find("no default version"), std::string::npos) << entry.policies[0].reason;
  ASSERT_EQ(entry.notes.size(), 2U);
  EXPECT_NE(entry.notes[0].find("permissions boundary `arn:aws:iam::1:policy/Boundary`"), std::string::npos);
  EXPECT_NE(entry.notes[1].find("group `Gone`"), std::string::npos);
  ASSERT_EQ(plan.set_aside.size(), 1U);  // findings about a role the details do not have
  EXPECT_EQ(plan.set_aside[0].resource, "arn:aws:iam::1:role/Elsewhere");
}

// Users u1 and u2 in group G, which holds the managed policy `arn` (count: its AttachmentCount).
std::string group_account(const std::string& arn, const std::string& document) {
  return R"({"UserDetailList": [
      {"UserName": "u1", "Arn": "arn:aws:iam::1:user/u1", "GroupList": ["G"]},
      {"UserName": "u2", "Arn": "arn:aws:iam::1:user/u2", "GroupList": ["G"]}],
    "GroupDetailList": [{"GroupName": "G", "Arn": "arn:aws:iam::1:group/G",
      "AttachedManagedPolicies": [{"PolicyName": "P", "PolicyArn": ")" + arn + R"("}]}],
    "Policies": [{"PolicyName": "P", "Arn": ")" + arn + R"(", "AttachmentCount": 1,
      "PolicyVersionList": [{"IsDefaultVersion": true, "Document": )" + document + R"(}]}]})";
}

// A managed policy a group holds cannot be detached from one member: --per-principal-copies
// does not apply, the members' intersection does.
TEST(AccountPlan, CopiesAreNotMadeOfAPolicyHeldThroughAGroup) {
  const std::string document = R"({"Statement": [{"Effect": "Allow", "Action": "s3:Get*", "Resource": "*"}]})";
  const AccountDetails details = details_of(group_account("arn:aws:iam::1:policy/P", document));
  const AccountFindings findings = findings_of({finding("user/u1", "s3", {"GetObject", "GetBucketPolicy"}), finding("user/u2", "s3", {"GetObject"})});
  const AccountPlan plan = plan_account(details, findings, PlanOptions{.per_principal_copies = true});
  ASSERT_EQ(plan.principals.size(), 2U);
  const PolicyEntry& entry = plan.principals[0].policies.at(0);
  EXPECT_EQ(entry.via, "group/G");
  EXPECT_EQ(entry.step, StepKind::kReplace);
  ASSERT_EQ(plan.jobs.size(), 1U);  // one refinement for the group's members
  EXPECT_EQ(plan.jobs[0].id, "arn:aws:iam::1:policy/P");
  EXPECT_TRUE(plan.jobs[0].findings.is_unused("s3:getobject"));
  EXPECT_FALSE(plan.jobs[0].findings.is_unused("s3:getbucketpolicy"));  // u2 uses it
}

// An AWS managed policy held through a group is detached from the group: a member without
// findings loses it too, so it blocks as for any shared policy.
TEST(AccountPlan, AGroupMemberWithoutFindingsBlocksAnAwsManagedPolicyOfTheGroup) {
  const std::string document = R"({"Statement": [{"Effect": "Allow", "Action": "s3:Get*", "Resource": "*"}]})";
  const AccountDetails details = details_of(group_account("arn:aws:iam::aws:policy/P", document));
  const AccountPlan blocked = plan_account(details, findings_of({finding("user/u1", "s3", {"GetObject"})}), PlanOptions{});
  ASSERT_EQ(blocked.principals.size(), 1U);
  const PolicyEntry& entry = blocked.principals[0].policies.at(0);
  EXPECT_EQ(entry.step, StepKind::kSkipped);
  EXPECT_NE(entry.reason.find("arn:aws:iam::1:user/u2"), std::string::npos) << entry.reason;
  EXPECT_TRUE(blocked.jobs.empty());
  // With both members' findings it is copied and detached as usual.
  const AccountPlan both = plan_account(details, findings_of({finding("user/u1", "s3", {"GetObject"}), finding("user/u2", "s3", {"GetObject"})}), PlanOptions{});
  EXPECT_EQ(both.principals.at(0).policies.at(0).step, StepKind::kCreateAndDetach);
}

// A customer managed policy IAM says is attached more often than the file shows has holders
// the file left out (an export made with --filter): it is not edited, and the reason says so.
TEST(AccountPlan, APolicyAttachedOutsideTheExportIsNotEdited) {
  const std::string document = R"({"Statement": [{"Effect": "Allow", "Action": "s3:Get*", "Resource": "*"}]})";
  const AccountFindings findings = findings_of({finding("role/R1", "s3", {"GetObject"}), finding("role/R2", "s3", {"GetObject"})});
  std::string text = shared_account(document, false);
  ASSERT_EQ(plan_account(details_of(text), findings, PlanOptions{}).jobs.size(), 1U);  // AttachmentCount 2, two seen
  const auto count = text.find("\"AttachmentCount\": 2");
  ASSERT_NE(count, std::string::npos);
  const std::string more = std::string(text).replace(count, 20, "\"AttachmentCount\": 5");
  const AccountPlan plan = plan_account(details_of(more), findings, PlanOptions{});
  EXPECT_TRUE(plan.jobs.empty());
  const PolicyEntry& entry = plan.principals.at(0).policies.at(0);
  EXPECT_EQ(entry.step, StepKind::kSkipped);
  EXPECT_NE(entry.reason.find("attached 5 times, the authorization details show 2"), std::string::npos) << entry.reason;
  const std::string unknown = std::string(text).replace(count, 20, "\"Unrelated\": 2");
  const AccountPlan unsure = plan_account(details_of(unknown), findings, PlanOptions{});
  EXPECT_TRUE(unsure.jobs.empty());
  EXPECT_NE(unsure.principals.at(0).policies.at(0).reason.find("no AttachmentCount"), std::string::npos);
}

// A policy listing every lambda action by name: about 3,500 characters.
std::string every_lambda_action() {
  model::Json actions = model::Json::array();
  for (const auto& action : small_catalog().actions()) {
    if (action.service == "lambda") actions.push_back(action.full);
  }
  return model::dump_json(model::Json{{"Statement", model::Json::array({model::Json{{"Effect", "Allow"}, {"Action", actions}, {"Resource", "*"}}})}}, -1);
}

std::string user_with_inline(const std::string& document) {
  return R"({"UserDetailList": [{"UserName": "u", "Arn": "arn:aws:iam::1:user/u",
      "UserPolicyList": [{"PolicyName": "Big", "PolicyDocument": )" + document + R"(}]}]})";
}

// `lambda:*` minus one action, refined by `exact`: every other lambda action by name, about
// 3,700 characters, over a user's 2,048; `bounded:2048` brings it under.
TEST(AccountRun, AResultOverItsLimitIsMarkedAndFitShrinksIt) {
  const AccountDetails details = details_of(user_with_inline(R"({"Statement": [{"Effect": "Allow", "Action": "lambda:*", "Resource": "*"}]})"));
  const AccountFindings findings = findings_of({finding("user/u", "lambda", {"DeleteFunction"})});
  AccountOptions exact = options(false);
  exact.config.strategy = "exact";
  auto over = run_account(details, findings, exact);
  ASSERT_TRUE(over.ok());
  EXPECT_EQ(over->over_limit, 1U);
  ASSERT_EQ(over->warnings.size(), 1U);
  EXPECT_NE(over->warnings[0].find("over IAM's limit of 2048"), std::string::npos) << over->warnings[0];
  const model::Json* entry = policy_entry(over->report, "arn:aws:iam::1:user/u", "user/u/inline/Big");
  ASSERT_NE(entry, nullptr);
  EXPECT_EQ((*entry)["size"], "over");
  EXPECT_EQ((*entry)["limit"], 2048);
  EXPECT_GT((*entry)["characters"].get<std::size_t>(), 2048U);
  EXPECT_EQ(over->report["summary"]["sizeLimits"], "over");

  AccountOptions fit = options(true);
  fit.config.strategy = "exact";
  fit.fit = true;
  auto fitted = run_account(details, findings, fit);
  ASSERT_TRUE(fitted.ok());
  EXPECT_EQ(fitted->over_limit, 0U);
  EXPECT_EQ(fitted->fitted, 1U);
  EXPECT_TRUE(fitted->warnings.empty());
  EXPECT_EQ(fitted->count(batch::UnitStatus::kProved), 1U);  // the bounded result is verified too
  entry = policy_entry(fitted->report, "arn:aws:iam::1:user/u", "user/u/inline/Big");
  ASSERT_NE(entry, nullptr);
  EXPECT_EQ((*entry)["size"], "fitted");
  EXPECT_LE((*entry)["characters"].get<std::size_t>(), 2048U);
  EXPECT_EQ((*entry)["strategy"], "bounded:2048");
  EXPECT_EQ(fitted->report["summary"]["sizeLimits"], "fitted");
}

// Holders are held to their limits side by side (two threads): each is fitted on its own, and
// the warnings come in holder order whatever finishes first.
TEST(AccountRun, ManyHoldersAreFittedSideBySideAndWarnedInOrder) {
  std::string users;
  std::vector<std::string> responses;
  for (int i = 1; i <= 6; ++i) {
    const std::string name = "u" + std::to_string(i);
    users += std::string(i > 1 ? ", " : "") + R"({"UserName": ")" + name + R"(", "Arn": "arn:aws:iam::1:user/)" + name +
             R"(", "UserPolicyList": [{"PolicyName": "Big", "PolicyDocument": {"Statement": [{"Effect": "Allow", "Action": "lambda:*", "Resource": "*"}]}}]})";
    responses.push_back(finding("user/" + name, "lambda", {i % 2 == 0 ? "DeleteFunction" : "InvokeFunction"}));
  }
  const AccountDetails details = details_of(R"({"UserDetailList": [)" + users + "]}");
  const AccountFindings findings = findings_of(responses);
  AccountOptions exact = options(false);
  exact.config.strategy = "exact";
  auto over = run_account(details, findings, exact);
  ASSERT_TRUE(over.ok());
  ASSERT_EQ(over->warnings.size(), 6U);
  for (std::size_t i = 0; i < 6; ++i) {
    EXPECT_EQ(over->warnings[i].rfind("`user/u" + std::to_string(i + 1) + "`: its inline policies together", 0), 0U) << over->warnings[i];
  }
  AccountOptions fit = options(true);
  fit.config.strategy = "exact";
  fit.fit = true;
  auto fitted = run_account(details, findings, fit);
  ASSERT_TRUE(fitted.ok());
  EXPECT_TRUE(fitted->warnings.empty());
  EXPECT_EQ(fitted->fitted, 6U);
  EXPECT_EQ(fitted->count(batch::UnitStatus::kProved), 6U);
  for (int i = 1; i <= 6; ++i) {
    const model::Json* entry = policy_entry(fitted->report, "arn:aws:iam::1:user/u" + std::to_string(i), "user/u" + std::to_string(i) + "/inline/Big");
    ASSERT_NE(entry, nullptr) << i;
    EXPECT_EQ((*entry)["size"], "fitted") << i;
    EXPECT_EQ((*entry)["strategy"], "bounded:2048") << i;
  }
}

// Entries no unused action touches are kept as written, so no strategy can shorten them: a
// policy already over its limit stays over, and the report says so even with --fit.
TEST(AccountRun, WhatFitCannotShrinkStaysOver) {
  AccountOptions fit = options(false);
  fit.fit = true;
  auto outcome = run_account(details_of(user_with_inline(every_lambda_action())),
                             findings_of({finding("user/u", "lambda", {"DeleteFunction"})}), fit);
  ASSERT_TRUE(outcome.ok());
  EXPECT_EQ(outcome->over_limit, 1U);
  ASSERT_EQ(outcome->warnings.size(), 1U);
  EXPECT_NE(outcome->warnings[0].find("even with `bounded`"), std::string::npos) << outcome->warnings[0];
}

// --fit refines again with `bounded`; a bounded result that is not proved must not replace
// the proved one. The proved result comes from the cache; the bounded rerun asks for more
// agreeing procedures than there are, so it cannot be proved.
TEST(AccountRun, FitKeepsTheProvedResultWhenTheBoundedRerunIsNotProved) {
  const AccountDetails details = details_of(user_with_inline(R"({"Statement": [{"Effect": "Allow", "Action": "lambda:*", "Resource": "*"}]})"));
  const AccountFindings findings = findings_of({finding("user/u", "lambda", {"DeleteFunction"})});
  const std::string cache = testing::make_temp_dir();
  AccountOptions first = options(true);
  first.config.strategy = "exact";
  first.config.cache_dir = cache;
  auto proved = run_account(details, findings, first);
  ASSERT_TRUE(proved.ok());
  ASSERT_EQ(proved->count(batch::UnitStatus::kProved), 1U);
  AccountOptions fit = first;
  fit.fit = true;
  fit.config.verify_options.require_agreement = 9;
  auto outcome = run_account(details, findings, fit);
  ASSERT_TRUE(outcome.ok());
  EXPECT_EQ(outcome->count(batch::UnitStatus::kProved), 1U) << model::dump_json(outcome->report);
  EXPECT_EQ(outcome->count(batch::UnitStatus::kUnknown), 0U);
  const model::Json* entry = policy_entry(outcome->report, "arn:aws:iam::1:user/u", "user/u/inline/Big");
  ASSERT_NE(entry, nullptr);
  EXPECT_EQ((*entry)["action"], "replace");
  EXPECT_EQ((*entry)["strategy"], "exact");
  EXPECT_EQ((*entry)["size"], "over");
  EXPECT_EQ(outcome->report["recommendations"][0]["status"], "SUCCEEDED");
  bool said = false;
  for (const auto& warning : outcome->warnings) said = said || warning.find("the proved result is kept") != std::string::npos;
  EXPECT_TRUE(said);
  std::filesystem::remove_all(cache);
}

TEST(AccountRun, AResultThatDoesNotReadBackIsAnErrorNotZeroCharacters) {
  EXPECT_EQ(*refined_characters(model::Json{{"detach", true}}, "p"), 0U);
  const auto good = refined_characters(model::Json{{"policy", model::Json::parse(R"({"Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]})")}}, "p");
  ASSERT_TRUE(good.ok());
  EXPECT_GT(*good, 20U);
  EXPECT_FALSE(refined_characters(model::Json{{"policy", model::Json{{"Statement", 3}}}}, "p").ok());
  EXPECT_FALSE(refined_characters(model::Json::object(), "p").ok());
}

// A managed policy that stays over 6,144 characters even as `bounded` (two statements listing
// every lambda action by name, which no unused action touches): --fit splits it into several
// managed policies, each within the limit, proved together, created in its place.
TEST(AccountRun, FitSplitsAManagedResultThatBoundedCannotShrink) {
  model::Json big = *model::parse_json_text(every_lambda_action(), "big");
  model::Json second = big["Statement"][0];
  second["Resource"] = "arn:aws:lambda:*:*:function:other";
  second["Sid"] = "Other";
  big["Statement"].push_back(second);
  big["Statement"].push_back(model::Json{{"Effect", "Allow"}, {"Action", "s3:Get*"}, {"Resource", "*"}});
  const AccountDetails details = details_of(shared_account(model::dump_json(big, -1), false));
  const AccountFindings findings = findings_of({finding("role/R1", "s3", {"GetObject"}), finding("role/R2", "s3", {"GetObject"})});
  auto over = run_account(details, findings, options(false));
  ASSERT_TRUE(over.ok());
  EXPECT_EQ(over->over_limit, 1U);
  AccountOptions fit = options(true);
  fit.fit = true;
  auto outcome = run_account(details, findings, fit);
  ASSERT_TRUE(outcome.ok());
  EXPECT_EQ(outcome->over_limit, 0U) << model::dump_json(outcome->report);
  EXPECT_EQ(outcome->split, 1U);
  const model::Json* entry = policy_entry(outcome->report, "arn:aws:iam::1:role/R1", "arn:aws:iam::1:policy/Shared");
  ASSERT_NE(entry, nullptr);
  EXPECT_EQ((*entry)["size"], "split");
  EXPECT_EQ((*entry)["action"], "split");
  ASSERT_TRUE(entry->contains("newPolicyNames"));
  EXPECT_EQ((*entry)["newPolicyNames"][0], "Shared-recommended-1");
  // The steps: one CREATE_POLICY per part, each within the limit, then DETACH_POLICY.
  std::vector<model::PolicyDocument> parts;
  const model::Json& steps = outcome->report["recommendations"][0]["recommendedSteps"];
  for (const auto& step : steps) {
    const auto& inner = step["unusedPermissionsRecommendedStep"];
    if (inner["recommendedAction"] != "CREATE_POLICY") continue;
    auto part = model::load_policy_text(inner["recommendedPolicy"].get<std::string>(), "part");
    ASSERT_TRUE(part.ok());
    EXPECT_LE(engine::policy_character_count(part->document), kManagedLimit);
    parts.push_back(part->document);
  }
  ASSERT_GE(parts.size(), 2U);
  EXPECT_EQ(steps.back()["unusedPermissionsRecommendedStep"]["recommendedAction"], "DETACH_POLICY");
  EXPECT_EQ((*entry)["newPolicyNames"].size(), parts.size());
  // Together they allow what the one policy allows minus the unused action (the reference matcher).
  const model::PolicyDocument original = testing::policy_of(model::dump_json(big, -1));
  for (const auto& action : small_catalog().actions()) {
    bool any_part = false;
    for (const auto& part : parts) any_part = any_part || reference_allows(part, std::string(action.full));
    EXPECT_EQ(any_part, reference_allows(original, std::string(action.full)) && action.lower_full != "s3:getobject") << action.full;
  }
}

TEST(AccountRun, AManagedResultIsHeldToTheManagedLimit) {
  EXPECT_EQ(inline_limit("role/R"), kRoleInlineLimit);
  EXPECT_EQ(inline_limit("group/G"), kGroupInlineLimit);
  EXPECT_EQ(inline_limit("user/U"), kUserInlineLimit);
  // Under 6,144 as a managed policy, so a role holding it alone is within.
  const AccountDetails details = details_of(shared_account(every_lambda_action(), false));
  auto outcome = run_account(details, findings_of({finding("role/R1", "lambda", {"DeleteFunction"}), finding("role/R2", "lambda", {"DeleteFunction"})}),
                             options(false));
  ASSERT_TRUE(outcome.ok());
  const model::Json* entry = policy_entry(outcome->report, "arn:aws:iam::1:role/R1", "arn:aws:iam::1:policy/Shared");
  ASSERT_NE(entry, nullptr);
  EXPECT_EQ((*entry)["limit"], 6144);
  EXPECT_EQ((*entry)["size"], "within");
  EXPECT_EQ(outcome->over_limit, 0U);
}

}  // namespace
}  // namespace leastpriv::account
