// Batch units (batch/unit.h, batch/process_unit.h, batch/cache.h, batch/progress.h): reading a
// line, the findings that touch a policy, the content key, the cache, and the progress text.
#include "batch/cache.h"
#include "batch/process_unit.h"
#include "batch/progress.h"
#include "batch/same_key_rounds.h"
#include "batch/unit.h"
#include "model/catalog.h"
#include "model/ascii.h"
#include "model/json_text.h"
#include "spec/reference_matcher.h"
#include "tests/support/test_support.h"
#include "verifier/certificate/certificate.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <optional>
#include <random>
#include <string>
#include <vector>

namespace leastpriv::batch {
namespace {

const std::string kPolicy = R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:Get*", "ec2:Describe*"], "Resource": "*"}]})";

TEST(BatchUnit, ReadsIdPolicyFindingsAndStrategy) {
  const auto read = read_unit(R"({"id": "role/A", "policy": )" + kPolicy +
                                  R"(, "findings": [{"serviceNamespace": "s3", "actions": ["GetObject"]}], "strategy": "exact"})",
                              "in.jsonl:3");
  ASSERT_TRUE(read.unit.ok()) << read.unit.error().message;
  EXPECT_EQ(read.id, "role/A");
  EXPECT_EQ(read.unit->strategy, "exact");
  EXPECT_EQ(read.unit->policy.document.statements.size(), 1U);
  EXPECT_TRUE(read.unit->findings.is_unused("s3:getobject"));
  EXPECT_EQ(read.unit->policy_text, model::dump_json(*model::parse_json_text(kPolicy, "p"), -1));
}

TEST(BatchUnit, ABadLineSaysWhereAndKeepsItsId) {
  const auto bad_policy = read_unit(R"({"id": "B", "policy": {"Statement": 1}, "findings": []})", "in.jsonl:7");
  EXPECT_EQ(bad_policy.id, "B");
  ASSERT_FALSE(bad_policy.unit.ok());
  EXPECT_NE(bad_policy.unit.error().message.find("in.jsonl:7 /policy: /Statement"), std::string::npos)
      << bad_policy.unit.error().message;
  const auto no_id = read_unit(R"({"policy": {}, "findings": []})", "in.jsonl:1");
  EXPECT_EQ(no_id.id, "");
  EXPECT_NE(no_id.unit.error().message.find("in.jsonl:1: /id: a unit needs an `id`"), std::string::npos);
  const auto extra = read_unit(R"({"id": "C", "policy": {}, "findings": [], "polcy": {}})", "in.jsonl:2");
  EXPECT_NE(extra.unit.error().message.find("/polcy: unknown field"), std::string::npos) << extra.unit.error().message;
  EXPECT_FALSE(read_unit("{", "in.jsonl:4").unit.ok());
}

TEST(BatchUnit, TouchingFindingsAreTheOnesThePolicyCanAllow) {
  const auto policy = testing::policy_of(kPolicy);
  const auto findings = testing::findings_of(R"([{"serviceNamespace": "s3", "actions": ["GetObject", "PutObject"]},
      {"serviceNamespace": "ec2"}, {"serviceNamespace": "iam"}, {"serviceNamespace": "s3express"}])");
  const auto touching = touching_findings(policy, findings);
  EXPECT_EQ(touching.unused_actions(), (std::vector<std::string>{"s3:getobject"}));  // PutObject is not allowed
  EXPECT_EQ(touching.unused_services(), (std::vector<std::string>{"ec2"}));        // iam, s3express cannot be reached
  // An Allow+NotAction statement can allow anything: every finding touches it.
  const auto not_action = testing::policy_of(R"({"Statement": [{"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"}]})");
  EXPECT_EQ(touching_findings(not_action, findings).unused_actions().size(), 2U);
  EXPECT_EQ(touching_findings(not_action, findings).unused_services().size(), 3U);
  // A wildcard in the service part reaches every service its literal start agrees with.
  const auto wide = testing::policy_of(R"({"Statement": [{"Effect": "Allow", "Action": "s3*", "Resource": "*"}]})");
  EXPECT_EQ(touching_findings(wide, findings).unused_services(), (std::vector<std::string>{"s3express"}));
}

// touching_findings tries each pattern only on the unused actions that start with its literal
// prefix; on random policies and findings it must keep exactly the actions that some Allow
// pattern matches when every pattern is tried on every action (the reference matcher), and
// keep their spelling.
TEST(BatchUnit, TouchingFindingsEqualTryingEveryPatternOnEveryAction) {
  const std::vector<std::string> services = {"s3", "S3express", "ec2", "iam"};
  const std::vector<std::string> names = {"GetObject", "getObjectAcl", "PutObject", "ListBucket", "List", "Get",
                                          "DescribeInstances", "CreateRole", "Get2"};
  const std::vector<std::string> patterns = {"s3:Get*", "s3:get?bject", "s3*", "*", "ec2:Describe*", "iam:*Role",
                                             "s3:*Object*", "S3:LIST*", "s?:Get*", "ec2:*", "iam:CreateRole", "s3:"};
  std::mt19937 random(14);
  const auto pick = [&](const std::vector<std::string>& from) { return from[random() % from.size()]; };
  for (int round = 0; round < 500; ++round) {
    model::Json findings_json = model::Json::array();
    for (int s = 0; s < 3; ++s) {
      model::Json actions = model::Json::array();
      for (int a = 0, count = static_cast<int>(random() % 5); a < count; ++a) actions.push_back(pick(names));
      if (random() % 4 == 0) {
        findings_json.push_back(model::Json{{"serviceNamespace", pick(services)}});
      } else {
        findings_json.push_back(model::Json{{"serviceNamespace", pick(services)}, {"actions", actions}});
      }
    }
    model::Json statements = model::Json::array();
    for (int s = 0, count = 1 + static_cast<int>(random() % 3); s < count; ++s) {
      model::Json actions = model::Json::array();
      for (int a = 0, n = 1 + static_cast<int>(random() % 3); a < n; ++a) actions.push_back(pick(patterns));
      const char* effect = random() % 5 == 0 ? "Deny" : "Allow";
      const char* key = random() % 12 == 0 ? "NotAction" : "Action";
      statements.push_back(model::Json{{"Effect", effect}, {key, actions}, {"Resource", "*"}});
    }
    const auto policy = testing::policy_of(model::Json{{"Statement", statements}}.dump());
    const auto findings = testing::findings_of(findings_json.dump());

    std::vector<std::string> allow_patterns;
    bool allows_by_exclusion = false;
    for (const auto& statement : policy.statements) {
      if (statement.effect != model::Effect::kAllow) continue;
      allows_by_exclusion = allows_by_exclusion || statement.action_key == model::ActionKey::kNotAction;
      allow_patterns.insert(allow_patterns.end(), statement.patterns.begin(), statement.patterns.end());
    }
    model::UnusedFindings expected;
    for (const auto& action : findings.unused_actions()) {
      if (allows_by_exclusion || spec::reference_matches_any(allow_patterns, action)) expected.add_unused_action_from(findings, action);
    }
    for (const auto& service : findings.unused_services()) {
      const std::string start = service + ":";
      bool reached = allows_by_exclusion;
      for (const auto& pattern : allow_patterns) {
        const std::string literal = model::to_lower_ascii(pattern.substr(0, pattern.find_first_of("*?")));
        const std::size_t common = std::min(literal.size(), start.size());
        reached = reached || literal.compare(0, common, start, 0, common) == 0;
      }
      if (reached) expected.add_unused_service(service);
    }
    const auto touching = touching_findings(policy, findings);
    EXPECT_EQ(touching.unused_services(), expected.unused_services());
    ASSERT_EQ(touching.unused_actions(), expected.unused_actions()) << findings_json.dump() << " " << statements.dump();
    for (const auto& action : touching.unused_actions()) EXPECT_EQ(touching.spelling(action), findings.spelling(action));
    EXPECT_EQ(findings_text(touching), findings_text(expected));
  }
}

TEST(BatchUnit, FindingsTextReadsBackAsTheSameFindings) {
  const auto findings = testing::findings_of(R"([{"serviceNamespace": "s3", "actions": ["GetObject", "s3:ListBucket"]},
      {"serviceNamespace": "ec2"}])");
  const auto again = testing::findings_of(findings_text(findings));
  EXPECT_EQ(again.unused_actions(), findings.unused_actions());
  EXPECT_EQ(again.unused_services(), findings.unused_services());
  EXPECT_EQ(findings_text(again), findings_text(findings));
}

TEST(BatchUnit, TheKeyChangesWithEverythingTheOutcomeDependsOn) {
  const KeyContext context{"0.1.0", "abc", "aws", "full"};
  const std::string key = unit_key(context, "{}", "[]");
  EXPECT_EQ(key.size(), 64U);
  EXPECT_EQ(unit_key(context, "{}", "[]"), key);
  KeyContext other = context;
  other.strategy = "exact";
  EXPECT_NE(unit_key(other, "{}", "[]"), key);
  other = context;
  other.verification = "fast";
  EXPECT_NE(unit_key(other, "{}", "[]"), key);
  other = context;
  other.catalog_sha256 = "abd";
  EXPECT_NE(unit_key(other, "{}", "[]"), key);
  EXPECT_NE(unit_key(context, "{} ", "[]"), key);
  // Parts are length-prefixed: moving a byte from one part to the next is another key.
  EXPECT_NE(unit_key(context, "{}[", "]"), unit_key(context, "{}", "[]"));
}

// A run on the small catalog with its cache in `dir`.
RunConfig cached_config(const std::string& dir) {
  static const model::Catalog catalog = *model::Catalog::from_file(testing::source_path("tests/data/catalog-small.json"));
  RunConfig config;
  config.catalog = &catalog;
  config.catalog_sha256 = verifier::catalog_hash(catalog);
  config.leastpriv_version = "test";
  config.cache_dir = dir;
  return config;
}

// Two units with the same policy whose findings differ only outside it share one proof.
TEST(BatchUnit, UnitsThatAgreeOnThePolicyShareOneCachedOutcome) {
  const std::string dir = testing::make_temp_dir();
  RunConfig config = cached_config(dir);
  config.verification = "fast";
  config.verify_options = verifier::fast_options(config.verify_options);
  const auto first = process_unit(read_unit(R"({"id": "A", "policy": )" + kPolicy +
                                                R"(, "findings": [{"serviceNamespace": "s3", "actions": ["GetObject"]}]})",
                                            "in:1"),
                                  config);
  const auto second = process_unit(read_unit(R"({"id": "B", "policy": )" + kPolicy +
                                                 R"(, "findings": [{"serviceNamespace": "s3", "actions": ["GetObject"]},
                                                    {"serviceNamespace": "iam"}]})",
                                             "in:2"),
                                   config);
  ASSERT_EQ(first.status, UnitStatus::kProved) << first.line.dump();
  EXPECT_FALSE(first.cache_hit);
  EXPECT_TRUE(second.cache_hit) << second.line.dump();
  EXPECT_EQ(second.line["key"], first.line["key"]);
  EXPECT_EQ(second.line["policy"], first.line["policy"]);
  EXPECT_EQ(second.line["id"], "B");
  EXPECT_TRUE(cached_outcome(dir, first.line["key"], true).has_value());
  EXPECT_FALSE(cached_outcome(dir, first.line["key"], false).has_value());  // proved is not what --no-verify stores
  EXPECT_TRUE(std::filesystem::exists(entry_dir(dir, first.line["key"]) + "/certificate.json"));
  std::filesystem::remove_all(dir);
}

// process_unit refines with the run's entry tries when the config has them: the cache fills
// with the policy's wildcard entries and the line is the one without it. share_entry_tries
// gives a config one only when it has none.
TEST(BatchUnit, AUnitUsesTheRunsEntryTries) {
  RunConfig config = cached_config("");
  config.verify = false;
  config.verification = "none";
  const std::string line = R"({"id": "A", "policy": )" + kPolicy + R"(, "findings": [{"serviceNamespace": "s3", "actions": ["GetObject"]}]})";
  const auto alone = process_unit(read_unit(line, "in:1"), config);
  share_entry_tries(config);
  ASSERT_NE(config.entry_tries, nullptr);
  const auto tries = config.entry_tries;
  const auto shared = process_unit(read_unit(line, "in:1"), config);
  ASSERT_EQ(shared.status, UnitStatus::kUnverified) << shared.line.dump();
  EXPECT_EQ(tries->size(), 1U);  // s3:get*; ec2:describe* has no finding and is kept as it is
  EXPECT_EQ(model::dump_json(shared.line), model::dump_json(alone.line));
  share_entry_tries(config);
  EXPECT_EQ(config.entry_tries, tries);
}

// The first unit of each key runs first; a unit without a key (one that will fail) is never
// deferred; the outcomes kept are those of the keys the second round needs.
TEST(BatchUnit, SameKeyRoundsDeferEveryRepeatOfAKey) {
  const std::vector<std::size_t> order{5, 3, 9, 1, 7, 2};
  const std::vector<std::optional<std::string>> keys{"a", std::nullopt, "a", std::nullopt, "b", "a"};
  SameKeyRounds rounds = same_key_rounds(order, keys);
  EXPECT_EQ(rounds.first, (std::vector<std::size_t>{5, 3, 1, 7}));
  EXPECT_EQ(rounds.later, (std::vector<std::size_t>{9, 2}));
  ASSERT_NE(rounds.outcomes, nullptr);
  rounds.outcomes->remember("a", model::Json{{"status", "proved"}});
  rounds.outcomes->remember("b", model::Json{{"status", "proved"}});
  EXPECT_TRUE(rounds.outcomes->find("a").has_value());
  EXPECT_FALSE(rounds.outcomes->find("b").has_value());  // no later unit needs it
}

// A cache is a folder anyone can write in: an outcome.json that is not a whole proved (or,
// under --no-verify, unverified) outcome is refined and verified again, never written as is.
TEST(BatchCache, AnOutcomeThatIsNotWholeIsRecomputed) {
  const std::string dir = testing::make_temp_dir();
  RunConfig config = cached_config(dir);
  config.verify = false;
  config.verification = "none";
  const UnitRead read = read_unit(R"({"id": "A", "policy": )" + kPolicy + R"(, "findings": [{"serviceNamespace": "s3", "actions": ["GetObject"]}]})", "in:1");
  const auto first = process_unit(read, config);
  ASSERT_EQ(first.status, UnitStatus::kUnverified) << first.line.dump();
  const std::string outcome_path = entry_dir(dir, first.line["key"]) + "/outcome.json";
  const model::Json good = *model::parse_json_text(testing::read_file(outcome_path), outcome_path);
  EXPECT_TRUE(is_whole_outcome(good, false));
  const auto forged = [&](auto&& change) {
    model::Json outcome = good;
    change(outcome);
    return outcome;
  };
  const std::vector<model::Json> bad{
      forged([](model::Json& o) { o["status"] = "counterexample"; }),
      forged([](model::Json& o) { o["status"] = "proved"; }),  // not what a --no-verify run stores
      forged([](model::Json& o) { o.erase("status"); }),
      forged([](model::Json& o) { o["policy"] = model::Json{{"Statement", 3}}; }),
      forged([](model::Json& o) { o["detach"] = true; }),  // both a policy and detach
      forged([](model::Json& o) { o.erase("policy"); }),   // neither
      forged([](model::Json& o) { o.erase("policy"); o["detach"] = false; }),
      forged([](model::Json& o) { o["warnings"] = model::Json::array({1}); }),
      forged([](model::Json& o) { o["warnings"] = "w"; }),
      forged([](model::Json& o) { o["strategy"] = 7; }),
      model::Json::array(),
  };
  for (const auto& outcome : bad) {
    EXPECT_FALSE(is_whole_outcome(outcome, false)) << outcome.dump();
    testing::write_file(outcome_path, outcome.dump());
    const auto again = process_unit(read, config);
    EXPECT_FALSE(again.cache_hit) << outcome.dump();
    EXPECT_EQ(again.status, UnitStatus::kUnverified) << again.line.dump();
    EXPECT_EQ(again.line["policy"], first.line["policy"]) << outcome.dump();
  }
  std::filesystem::remove_all(dir);
}

// Every failure of a cache file's write is seen, also one a buffered stream would report only
// when it is closed (a full disk: /dev/full takes the open and fails the write).
TEST(BatchCache, AWriteThatFailsIsReported) {
  EXPECT_FALSE(write_file_durably("/dev/full", "{}\n").ok());
  EXPECT_FALSE(write_file_durably("/nonexistent-dir/x", "{}").ok());
  const std::string dir = testing::make_temp_dir();
  ASSERT_TRUE(write_file_durably(dir + "/x", "text").ok());
  EXPECT_EQ(testing::read_file(dir + "/x"), "text");
  std::filesystem::remove_all(dir);
}

TEST(BatchProgress, TextSaysCountShareRateAndWhatIsLeft) {
  EXPECT_EQ(progress_text(250, 1000, 10, 0), "250/1000 (25%) 25.0/s ETA 30s");
  EXPECT_EQ(progress_text(250, 1000, 100, 3), "250/1000 (25%) 2.5/s ETA 5m00s, 3 not proved");
  EXPECT_EQ(progress_text(1000, 1000, 4000, 0), "1000/1000 (100%) 0.2/s done in 1h06m");
  EXPECT_EQ(progress_text(0, 10, 0, 0), "0/10 (0%) 0.0/s ?");
}

}  // namespace
}  // namespace leastpriv::batch
