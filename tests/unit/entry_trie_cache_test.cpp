// Tests of the run's entry tries (engine/match/entry_trie_cache.h): a trie from the cache is the
// trie build_entry_trie builds, node for node, and the `aws` strategy emits the same entries
// with the cache as without it, on many entries of the embedded catalog and random findings.
#include "engine/match/entry_trie_cache.h"
#include "engine/strategies/aws_strategy.h"
#include "model/ascii.h"

#include "tests/support/test_support.h"

#include <gtest/gtest.h>

#include <random>
#include <set>
#include <thread>

namespace leastpriv::engine {
namespace {

void expect_same_trie(const TokenTrie& got, const TokenTrie& want, const std::string& entry) {
  ASSERT_EQ(got.nodes().size(), want.nodes().size()) << entry;
  for (std::size_t i = 0; i < want.nodes().size(); ++i) {
    const TrieNode& a = got.node(i);
    const TrieNode& b = want.node(i);
    EXPECT_EQ(a.prefix, b.prefix) << entry << " node " << i;
    EXPECT_EQ(a.lower_prefix, b.lower_prefix) << entry << " node " << i;
    EXPECT_EQ(a.action, b.action) << entry << " node " << i;
    EXPECT_EQ(a.subtree_actions, b.subtree_actions) << entry << " node " << i;
    EXPECT_EQ(a.first_action, b.first_action) << entry << " node " << i;
    EXPECT_EQ(a.children, b.children) << entry << " node " << i;
  }
}

// Entries of every shape the catalog's names give: `service:*`, `service:Verb*`, exact names,
// upper- and lower-cased spellings of the same entry (one cache key), `?` and inner `*`.
std::vector<std::string> entries_of(const model::Catalog& catalog, std::mt19937& random) {
  std::set<std::string> entries{"*", "s3:*", "S3:GET*", "s3:get*", "ec2:Describe*", "iam:*Role*", "s3:Get?bject*", "*:List*"};
  const auto& actions = catalog.actions();
  while (entries.size() < 250) {
    const std::string full(actions[random() % actions.size()].full);
    const std::size_t colon = full.find(':');
    switch (random() % 4) {
      case 0: entries.insert(full.substr(0, colon + 1) + "*"); break;
      case 1: entries.insert(full.substr(0, std::min(full.size(), colon + 4)) + "*"); break;
      case 2: entries.insert(full); break;
      default: entries.insert(model::to_lower_ascii(full.substr(0, std::min(full.size(), colon + 6))) + "*"); break;
    }
  }
  return {entries.begin(), entries.end()};
}

TEST(EntryTrieCache, ATrieFromTheCacheIsTheTrieBuiltAnew) {
  const auto catalog = model::Catalog::embedded();
  ASSERT_TRUE(catalog.ok());
  std::mt19937 random(14);
  EntryTrieCache cache(*catalog);
  for (const std::string& text : entries_of(*catalog, random)) {
    const ActionPattern entry(text);
    const auto first = cache.trie(entry, *catalog);
    expect_same_trie(*first, build_entry_trie(entry, *catalog), text);
    EXPECT_EQ(cache.trie(ActionPattern(text), *catalog).get(), first.get()) << text << ": asked again, not built again";
  }
  // Spellings that differ only in case are one entry.
  EXPECT_EQ(cache.trie(ActionPattern("S3:GET*"), *catalog).get(), cache.trie(ActionPattern("s3:get*"), *catalog).get());
}

TEST(EntryTrieCache, AnotherCatalogIsNeitherServedNorKept) {
  const auto catalog = model::Catalog::embedded();
  ASSERT_TRUE(catalog.ok());
  EntryTrieCache cache(*catalog);
  const ActionPattern entry("s3:Get*");
  const auto full = cache.trie(entry, *catalog);
  const model::Catalog& small = testing::small_hand_catalog();
  const auto other = cache.trie(entry, small);
  expect_same_trie(*other, build_entry_trie(entry, small), "s3:Get* over the small catalog");
  EXPECT_NE(other->nodes().size(), full->nodes().size());
  EXPECT_EQ(cache.size(), 1U);
}

TEST(EntryTrieCache, ThreadsAskingTogetherGetTheTrieBuiltAnew) {
  const auto catalog = model::Catalog::embedded();
  ASSERT_TRUE(catalog.ok());
  std::mt19937 random(3);
  const auto entries = entries_of(*catalog, random);
  EntryTrieCache cache(*catalog);
  std::vector<std::vector<std::shared_ptr<const TokenTrie>>> got(4);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < got.size(); ++t) {
    threads.emplace_back([&, t] {
      for (const auto& text : entries) got[t].push_back(cache.trie(ActionPattern(text), *catalog));
    });
  }
  for (auto& thread : threads) thread.join();
  for (std::size_t e = 0; e < entries.size(); e += 7) {
    const TokenTrie want = build_entry_trie(ActionPattern(entries[e]), *catalog);
    for (const auto& tries : got) expect_same_trie(*tries[e], want, entries[e]);
  }
  std::set<std::string> distinct;  // spellings that differ only in case are one entry
  for (const auto& text : entries) distinct.insert(model::to_lower_ascii(text));
  EXPECT_EQ(cache.size(), distinct.size());
}

TEST(EntryTrieCache, PastItsNodeBudgetItBuildsAfreshAndKeepsNothingMore) {
  const auto catalog = model::Catalog::embedded();
  ASSERT_TRUE(catalog.ok());
  const ActionPattern star("*");
  const ActionPattern s3("s3:*");
  const std::size_t s3_nodes = build_entry_trie(s3, *catalog).nodes().size();
  EntryTrieCache cache(*catalog, s3_nodes + 10);
  const auto kept = cache.trie(s3, *catalog);
  const auto over = cache.trie(star, *catalog);  // far larger than what is left of the budget
  expect_same_trie(*over, build_entry_trie(star, *catalog), "*");
  EXPECT_EQ(cache.size(), 1U);
  EXPECT_EQ(cache.kept_nodes(), s3_nodes);
  EXPECT_NE(cache.trie(star, *catalog).get(), over.get()) << "a trie over the budget is not kept";
  EXPECT_EQ(cache.trie(s3, *catalog).get(), kept.get());
}

TEST(EntryTrieCache, TheAwsStrategyEmitsTheSameWithAndWithoutTheCache) {
  const auto catalog = model::Catalog::embedded();
  ASSERT_TRUE(catalog.ok());
  std::mt19937 random(7);
  EntryTrieCache cache(*catalog);
  const AwsStrategy strategy;
  const auto entries = entries_of(*catalog, random);
  const auto& actions = catalog->actions();
  for (int round = 0; round < 40; ++round) {
    // Findings: a few hundred actions near one another in the catalog (so they hit the
    // entries' prefixes), and now and then a wholly unused service.
    model::UnusedFindings findings;
    const std::size_t start = random() % actions.size();
    for (std::size_t i = 0; i < 300; ++i) {
      if (random() % 3 != 0) continue;
      const std::string full(actions[(start + i) % actions.size()].full);
      const std::size_t colon = full.find(':');
      findings.add_unused_action(full.substr(0, colon), full.substr(colon + 1));
    }
    if (round % 5 == 0) findings.add_unused_service(std::string(actions[random() % actions.size()].service));
    for (std::size_t e = static_cast<std::size_t>(round) % 5; e < entries.size(); e += 5) {
      const ActionPattern entry(entries[e]);
      const auto fresh = strategy.generalize_entry(entry, RefineContext{*catalog, findings});
      const auto cached = strategy.generalize_entry(entry, RefineContext{*catalog, findings, &cache});
      EXPECT_EQ(cached, fresh) << entries[e];
    }
  }
  EXPECT_GT(cache.size(), 100U);
}

}  // namespace
}  // namespace leastpriv::engine
