// Exactness of refinement against the reference matcher, over the whole embedded catalog:
// for 240 seeded random pairs (a real AWS managed policy from tests/data/corpus, a random
// unused subset of what it allows, sometimes an unknown action or a whole service), each
// refined statement allows exactly what its original allowed, minus the unused actions.
#include "engine/strategies/aws_strategy.h"
#include "model/policy_input.h"
#include "engine/refine.h"
#include "spec/reference_matcher.h"
#include "tests/support/test_support.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <random>

namespace leastpriv {
namespace {

bool allows(const model::Statement& statement, const std::string& action) {
  return spec::reference_statement_allows(statement.effect == model::Effect::kAllow,
                                          statement.action_key == model::ActionKey::kNotAction, statement.patterns, action);
}

// What a statement allows of the catalog, by the reference matcher, one bit per action.
// Each distinct pattern is matched against the catalog once (the corpus repeats patterns).
class ReferenceOracle {
 public:
  explicit ReferenceOracle(const model::Catalog& catalog) : catalog_(catalog) {}

  std::vector<bool> allowed(const model::Statement& statement) {
    std::vector<bool> listed(catalog_.actions().size(), false);
    for (const auto& pattern : statement.patterns) {
      for (std::size_t i : matches(pattern)) listed[i] = true;
    }
    if (statement.effect != model::Effect::kAllow) return std::vector<bool>(listed.size(), false);
    if (statement.action_key == model::ActionKey::kNotAction) listed.flip();
    return listed;
  }

 private:
  // Indexes of the catalog actions the pattern matches.
  const std::vector<std::size_t>& matches(const std::string& pattern) {
    auto found = cache_.find(pattern);
    if (found != cache_.end()) return found->second;
    std::vector<std::size_t> matched;
    for (std::size_t i = 0; i < catalog_.actions().size(); ++i) {
      if (spec::reference_matches(pattern, catalog_.actions()[i].full)) matched.push_back(i);
    }
    return cache_.emplace(pattern, std::move(matched)).first->second;
  }

  const model::Catalog& catalog_;
  std::map<std::string, std::vector<std::size_t>> cache_;
};

std::vector<std::string> corpus_files() {
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(testing::source_path("tests/data/corpus"))) {
    if (entry.path().extension() == ".json") files.push_back(entry.path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

TEST(RefineExactness, RefinedPolicyAllowsExactlyOriginalMinusUnusedOverTheCatalog) {
  auto catalog = model::Catalog::embedded();
  ASSERT_TRUE(catalog.ok());
  const auto files = corpus_files();
  ASSERT_GE(files.size(), 30u);
  const engine::AwsStrategy strategy;
  ReferenceOracle oracle(*catalog);
  std::mt19937_64 random(0x1ea57u);
  std::size_t pairs = 0;
  std::size_t changed = 0;
  for (int round = 0; round < 240; ++round) {
    const std::string& file = files[static_cast<std::size_t>(round) % files.size()];
    auto loaded = model::load_policy_file(file);
    ASSERT_TRUE(loaded.ok()) << loaded.error().message;
    const model::PolicyDocument& original = loaded->document;

    // What the original allows from the catalog, and a random unused subset of it.
    std::vector<std::vector<bool>> original_allowed;
    for (const auto& statement : original.statements) original_allowed.push_back(oracle.allowed(statement));
    std::vector<std::size_t> allowed;
    for (std::size_t i = 0; i < catalog->actions().size(); ++i) {
      for (const auto& statement_allowed : original_allowed) {
        if (statement_allowed[i]) {
          allowed.push_back(i);
          break;
        }
      }
    }
    const double ratio = std::uniform_real_distribution<double>(0.05, 0.95)(random);
    model::UnusedFindings findings;
    for (std::size_t i : allowed) {
      if (std::bernoulli_distribution(ratio)(random)) {
        findings.add_unused_action(catalog->actions()[i].service, catalog->actions()[i].name);
      }
    }
    if (round % 5 == 0 && !allowed.empty()) {
      findings.add_unused_action(catalog->actions()[allowed[random() % allowed.size()]].service, "FutureActionNotInCatalog");
    }
    if (round % 7 == 0 && !allowed.empty()) findings.add_unused_service(catalog->actions()[allowed[random() % allowed.size()]].service);

    const engine::Refinement refinement = engine::refine_policy(original, findings, *catalog, strategy);
    changed += refinement.changed() ? 1 : 0;
    ++pairs;

    // Per statement: result statement for original i (or none when removed).
    std::vector<const model::Statement*> refined_of(original.statements.size(), nullptr);
    for (std::size_t r = 0; r < refinement.document.statements.size(); ++r) {
      refined_of[refinement.original_index[r]] = &refinement.document.statements[r];
    }
    for (std::size_t s = 0; s < original.statements.size(); ++s) {
      const model::Statement& before = original.statements[s];
      const model::Statement* after = refined_of[s];
      if (after != nullptr) {
        ASSERT_EQ(after->scope, before.scope) << file;
        ASSERT_EQ(after->effect, before.effect) << file;
        if (before.effect == model::Effect::kDeny) {
          ASSERT_EQ(after->patterns, before.patterns) << file;
        }
      } else {
        ASSERT_EQ(before.effect, model::Effect::kAllow) << file << ": a Deny statement was removed";
      }
      const std::vector<bool> after_allowed =
          after != nullptr ? oracle.allowed(*after) : std::vector<bool>(catalog->actions().size(), false);
      for (std::size_t i = 0; i < catalog->actions().size(); ++i) {
        const auto& action = catalog->actions()[i];
        const bool expected = original_allowed[s][i] && !findings.is_unused(action.lower_full);
        ASSERT_EQ(after_allowed[i], expected) << file << " statement " << s << " action " << action.full << " round " << round;
      }
      if (after != nullptr) {
        for (const auto& unused : findings.unused_actions()) {
          ASSERT_FALSE(allows(*after, unused)) << file << " statement " << s << " still allows unused " << unused;
        }
      }
    }
  }
  EXPECT_EQ(pairs, 240u);
  EXPECT_GT(changed, 200u);
}

}  // namespace
}  // namespace leastpriv
