// Every strategy keeps the engine's invariants, checked with the spec's reference matcher (not
// the engine's) on random small catalogs, policies and findings:
//   removal      no refined Allow statement allows an unused action (catalog, unknown, or any
//                string of a wholly unused service);
//   completeness every used catalog action an original statement allows, the statement it
//                became allows;
//   soundness    a refined statement allows no test string its original does not: test strings
//                are the catalog, actions a "future" catalog adds, and odd strings ("", "s3",
//                "s3:", "s3express:Get").
// The verifier proves the same over all strings; this is the test-only check that needs no solver.
#include "engine/refine.h"
#include "engine/strategies/strategy.h"
#include "spec/reference_matcher.h"

#include "tests/support/test_support.h"

#include <gtest/gtest.h>

#include <map>
#include <random>
#include <set>

namespace leastpriv::engine {
namespace {

const std::vector<std::string> kServices = {"s3", "s3express", "ec2", "kms"};
const std::vector<std::string> kTokens = {"Get", "Put", "List", "Object", "Obj", "Acl", "Tagging", "Tag", "Bucket", "MFA", "S3", "Key"};

std::string random_name(std::mt19937& random, std::size_t max_tokens) {
  std::string name;
  const std::size_t tokens = 1 + random() % max_tokens;
  for (std::size_t t = 0; t < tokens; ++t) name += kTokens[random() % kTokens.size()];
  return name;
}

std::string random_action(std::mt19937& random) { return kServices[random() % kServices.size()] + ":" + random_name(random, 3); }

std::string random_pattern(std::mt19937& random, const std::vector<std::string>& catalog_names) {
  const std::string base = catalog_names[random() % catalog_names.size()];
  switch (random() % 7) {
    case 0: return base;
    case 1: return base.substr(0, 1 + random() % base.size()) + "*";                  // prefix, may end mid-word
    case 2: return base.substr(0, base.find(':') + 1) + "*";                          // svc:*
    case 3: return base.substr(0, base.find(':') + 1) + "*" + kTokens[random() % kTokens.size()] + "*";  // infix
    case 4: return "*:" + kTokens[random() % kTokens.size()] + "*";                   // any service
    case 5: {                                                                          // a `?`
      std::string text = base.substr(0, 1 + random() % base.size()) + "*";
      text[random() % (text.size() - 1)] = '?';
      return text;
    }
    default: return random() % 4 == 0 ? "*" : base.substr(0, base.find(':')) + "*";
  }
}

bool allows(const model::Statement& statement, const std::string& action) {
  return spec::reference_statement_allows(statement.effect == model::Effect::kAllow,
                                          statement.action_key == model::ActionKey::kNotAction, statement.patterns, action);
}

TEST(StrategyExactness, EveryStrategyKeepsTheInvariantsOnRandomInputs) {
  for (unsigned seed = 1; seed <= 150; ++seed) {
    std::mt19937 random(seed);
    std::set<std::string> names;
    while (names.size() < 40) names.insert(random_action(random));
    const std::vector<std::string> catalog_names(names.begin(), names.end());
    const model::Catalog catalog = testing::catalog_of(catalog_names);
    std::vector<std::string> probes = {"", "s3", "s3:", "s3express:Get", "kms:", "ec2:Get"};
    for (int i = 0; i < 60; ++i) probes.push_back(random_action(random));  // mostly actions the catalog lacks
    probes.insert(probes.end(), catalog_names.begin(), catalog_names.end());

    std::string policy = R"({"Version": "2012-10-17", "Statement": [)";
    const int statements = 1 + static_cast<int>(random() % 3);
    for (int s = 0; s < statements; ++s) {
      std::string list;
      const int entries = 1 + static_cast<int>(random() % 4);
      for (int e = 0; e < entries; ++e) list += (e ? ", " : "") + ("\"" + random_pattern(random, catalog_names) + "\"");
      const bool not_action = random() % 5 == 0;
      policy += (s ? ", " : "") + std::string(R"({"Effect": "Allow", ")") + (not_action ? "NotAction" : "Action") +
                "\": [" + list + R"(], "Resource": "r)" + std::to_string(s) + "\"}";
    }
    policy += "]}";
    std::string findings = "[";
    std::set<std::string> unused_names;
    for (const auto& name : catalog_names) {
      if (random() % 3 == 0) unused_names.insert(name);
    }
    if (random() % 2 == 0) unused_names.insert(random_action(random));  // one the catalog does not know
    bool first = true;
    for (const auto& name : unused_names) {
      const auto colon = name.find(':');
      findings += (first ? "" : ", ") + ("{\"serviceNamespace\": \"" + name.substr(0, colon) + "\", \"actions\": [\"" +
                                         name.substr(colon + 1) + "\"]}");
      first = false;
    }
    const bool whole_kms = random() % 4 == 0;
    if (whole_kms) findings += std::string(first ? "" : ", ") + R"({"serviceNamespace": "kms"})";
    findings += "]";

    const model::PolicyDocument original = testing::policy_of(policy);
    const model::UnusedFindings unused = testing::findings_of(findings);
    auto is_unused = [&](const std::string& action) {
      const std::string lower = model::to_lower_ascii(action);
      return unused.is_unused(lower) || (whole_kms && lower.rfind("kms:", 0) == 0);
    };
    for (const auto& name : testing::strategies_under_test()) {
      const auto strategy = make_strategy(name);
      ASSERT_TRUE(strategy.ok());
      const Refinement refinement = refine_policy(original, unused, catalog, **strategy);
      SCOPED_TRACE("seed " + std::to_string(seed) + ", strategy " + name + "\npolicy " + policy + "\nfindings " + findings +
                   "\nrefined " + model::policy_to_text(refinement.document));
      std::map<std::size_t, std::size_t> refined_of;  // original index -> refined index
      for (std::size_t r = 0; r < refinement.document.statements.size(); ++r) refined_of[refinement.original_index[r]] = r;
      for (std::size_t r = 0; r < refinement.document.statements.size(); ++r) {
        const model::Statement& refined = refinement.document.statements[r];
        const model::Statement& source = original.statements[refinement.original_index[r]];
        for (const auto& probe : probes) {
          if (allows(refined, probe)) {
            ASSERT_TRUE(allows(source, probe)) << "soundness: `" << probe << "`";
            ASSERT_FALSE(is_unused(probe)) << "removal: `" << probe << "`";
          }
        }
      }
      for (const auto& action : catalog_names) {
        if (is_unused(action)) continue;
        for (std::size_t o = 0; o < original.statements.size(); ++o) {
          if (!allows(original.statements[o], action)) continue;
          ASSERT_TRUE(refined_of.count(o) != 0) << "completeness: statement " << o << " removed but allowed `" << action << "`";
          ASSERT_TRUE(allows(refinement.document.statements[refined_of[o]], action)) << "completeness: `" << action << "`";
        }
      }
    }
  }
}

}  // namespace
}  // namespace leastpriv::engine
