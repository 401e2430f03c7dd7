// Properties of refinement (issue 4) over random catalogs, policies and findings: what every
// registered strategy must keep (exactness over the catalog, soundness over all strings,
// removal, structure, idempotence, determinism, no-op on empty findings) and what the
// default strategy `aws` adds (maximal wildcards, exact names only where no safe wider node
// exists). Each property is checked against test-only oracles (tests/property/oracles.h)
// built on spec/'s reference matcher, never against the engine's own matcher or trie.
//
// Re-running a failure: RapidCheck prints the shrunk case and, at exit, a line such as
//   RC_PARAMS="reproduce=BchdlNGdvJ3X..."
// Run the same test binary with that environment variable (and --gtest_filter=<the test>)
// to replay exactly that case; RC_PARAMS="seed=N max_success=M" replays a whole run.
// The seed of every run is printed as "Using configuration: seed=N".
// See tests/property/README.md and tests/property/MUTATIONS.md.
#include "engine/strategies/aws_strategy.h"
#include "model/policy_input.h"
#include "engine/refine.h"
#include "engine/strategies/strategy.h"
#include "spec/reference_matcher.h"
#include "tests/property/generators.h"
#include "tests/property/oracles.h"
#include "tests/support/test_support.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <sstream>

namespace leastpriv::property {
namespace {

using engine::Refinement;

std::unique_ptr<engine::Strategy> strategy_named(const std::string& name) {
  auto strategy = engine::make_strategy(name);
  if (!strategy) RC_FAIL("make_strategy(`" + name + "`) failed: " + strategy.error().message);
  return std::move(strategy).value();
}

Refinement refine(const EngineInputs& in, const engine::Strategy& strategy) {
  return engine::refine_policy(in.policy, in.findings, in.catalog, strategy);
}

std::string listing(const std::vector<std::string>& patterns) {
  std::string text = "[";
  for (std::size_t i = 0; i < patterns.size(); ++i) text += (i ? ", " : "") + patterns[i];
  return text + "]";
}

// The statement of the result that came from original statement `index`, or none (removed).
const model::Statement* refined_statement(const Refinement& refinement, std::size_t index) {
  for (std::size_t j = 0; j < refinement.original_index.size(); ++j) {
    if (refinement.original_index[j] == index) return &refinement.document.statements[j];
  }
  return nullptr;
}

const engine::StatementChange* change_of(const Refinement& refinement, std::size_t index) {
  for (const auto& change : refinement.changes) {
    if (change.statement_index == index) return &change;
  }
  return nullptr;
}

std::string where(const std::string& strategy, std::size_t index) {
  return "strategy `" + strategy + "`, original statement " + std::to_string(index) + ": ";
}

#define PROPERTY_CHECK(condition, message) \
  do {                                     \
    if (!(condition)) RC_FAIL(message);    \
  } while (false)

// ---- every strategy ---------------------------------------------------------------------

// Exactness: per statement, the refined statement allows exactly the catalog actions the
// original allowed, minus the unused ones (reference matcher; DESIGN §3, verifier's O2+O3).
RC_GTEST_PROP(RefineProperties, ExactOverCatalogPerStatement, ()) {
  const Scenario scenario = *gen_scenario();
  const EngineInputs in = build_inputs(scenario);
  const UnusedOracle unused(scenario);
  for (const auto& name : testing::strategies_under_test()) {
    const Refinement result = refine(in, *strategy_named(name));
    if (name == "aws") {
      bool generalized = false, grown = false, removed = false, infix = false;
      for (const auto& change : result.changes) {
        for (const auto& entry : change.entries) {
          generalized = generalized || !entry.replacement.empty();
          const auto wildcard = entry.entry.find_first_of("*?");
          infix = infix || (entry.replacement.size() > 1 && wildcard != std::string::npos && wildcard + 1 != entry.entry.size());
        }
        grown = grown || !change.added_to_not_action.empty();
        removed = removed || change.removed;
      }
      RC_CLASSIFY(!result.changed(), "unchanged");
      RC_CLASSIFY(generalized, "wildcard generalized");
      RC_CLASSIFY(grown, "NotAction grown");
      RC_CLASSIFY(removed, "statement removed");
      RC_CLASSIFY(infix, "non-trailing wildcard generalized");
    }
    for (std::size_t i = 0; i < in.policy.statements.size(); ++i) {
      const model::Statement& original = in.policy.statements[i];
      if (original.effect == model::Effect::kDeny) continue;  // PreservesStructure: unchanged
      const model::Statement* refined = refined_statement(result, i);
      for (const auto& action : in.catalog.actions()) {
        const bool expected = reference_allows(original, action.full) && !unused.is_unused(action.full);
        const bool actual = refined != nullptr && reference_allows(*refined, action.full);
        PROPERTY_CHECK(expected == actual,
                       where(name, i) + "`" + std::string(action.full) + "` should be " + (expected ? "allowed" : "removed") +
                           "; original " + listing(original.patterns) + ", refined " +
                           (refined ? listing(refined->patterns) : std::string("(statement removed)")));
      }
    }
  }
}

// Soundness: a refined statement allows no string its original did not — over ALL strings,
// also actions AWS may add later. Near-miss strings through the reference matcher, then the
// exact language oracle (which also names a shortest witness).
RC_GTEST_PROP(RefineProperties, RefinedStatementAllowsNothingNewOverAllStrings, ()) {
  const Scenario scenario = *gen_scenario();
  const EngineInputs in = build_inputs(scenario);
  for (const auto& name : testing::strategies_under_test()) {
    const Refinement result = refine(in, *strategy_named(name));
    const auto strings = near_miss_strings(scenario, {&in.policy, &result.document});
    for (std::size_t j = 0; j < result.document.statements.size(); ++j) {
      const std::size_t i = result.original_index.at(j);
      const model::Statement& original = in.policy.statements.at(i);
      const model::Statement& refined = result.document.statements[j];
      PROPERTY_CHECK(refined.effect == original.effect && refined.action_key == original.action_key,
                     where(name, i) + "effect or action key changed");
      for (const auto& text : strings) {
        PROPERTY_CHECK(!reference_allows(refined, text) || reference_allows(original, text),
                       where(name, i) + "refined " + listing(refined.patterns) + " allows `" + text +
                           "`, original " + listing(original.patterns) + " does not");
      }
      if (original.effect == model::Effect::kDeny) continue;
      const bool not_action = original.action_key == model::ActionKey::kNotAction;
      const auto decision = not_action ? decide_included(original.patterns, refined.patterns)
                                       : decide_included(refined.patterns, original.patterns);
      RC_PRE(decision.answer != LanguageDecision::Answer::kGaveUp);
      PROPERTY_CHECK(decision.answer == LanguageDecision::Answer::kHolds,
                     where(name, i) + "refined " + listing(refined.patterns) + " allows `" + decision.witness +
                         "`, original " + listing(original.patterns) + " does not (language oracle)");
    }
  }
}

// Removal: no refined statement allows an unused action — the listed ones (also those no
// catalog knows) and every string `svc:…` of a wholly unused service.
RC_GTEST_PROP(RefineProperties, AllowsNoUnusedAction, ()) {
  const Scenario scenario = *gen_scenario();
  const EngineInputs in = build_inputs(scenario);
  const UnusedOracle unused(scenario);
  for (const auto& name : testing::strategies_under_test()) {
    const Refinement result = refine(in, *strategy_named(name));
    auto strings = near_miss_strings(scenario, {&in.policy, &result.document});
    strings.insert(strings.end(), unused.actions().begin(), unused.actions().end());
    for (std::size_t j = 0; j < result.document.statements.size(); ++j) {
      const model::Statement& refined = result.document.statements[j];
      const std::size_t i = result.original_index.at(j);
      if (refined.effect == model::Effect::kDeny) continue;
      for (const auto& text : strings) {
        PROPERTY_CHECK(!unused.is_unused(text) || !reference_allows(refined, text),
                       where(name, i) + "refined " + listing(refined.patterns) + " still allows unused `" + text + "`");
      }
      for (const auto& service : unused.services()) {
        const std::vector<std::string> whole{service + ":*"};
        const bool reaches = refined.action_key == model::ActionKey::kAction ? globs_intersect(refined.patterns, whole)
                                                                      : !globs_included(whole, refined.patterns);
        PROPERTY_CHECK(!reaches, where(name, i) + "refined " + listing(refined.patterns) +
                                     " still allows strings of the wholly unused service `" + service + "`");
      }
    }
  }
}

// Structure: Version, Id and every non-action field are carried through with the same values
// and key order; statements keep their order; Deny statements and statements without a change
// come out identical; only Allow statements that allow no catalog action any more are
// removed; the result reads back as the same policy.
RC_GTEST_PROP(RefineProperties, PreservesStructure, ()) {
  const Scenario scenario = *gen_scenario();
  const EngineInputs in = build_inputs(scenario);
  const UnusedOracle unused(scenario);
  const model::Json& source = in.policy.source;
  for (const auto& name : testing::strategies_under_test()) {
    const Refinement result = refine(in, *strategy_named(name));
    const model::Json out = model::policy_to_json(result.document);

    std::vector<std::string> source_keys, out_keys;
    for (const auto& item : source.items()) source_keys.push_back(item.key());
    for (const auto& item : out.items()) out_keys.push_back(item.key());
    PROPERTY_CHECK(source_keys == out_keys, "strategy `" + name + "`: document keys or their order changed");
    for (const auto& key : source_keys) {
      if (key != "Statement") PROPERTY_CHECK(out[key] == source[key], "strategy `" + name + "`: `" + key + "` changed");
    }
    PROPERTY_CHECK(out["Statement"].is_object() == (source["Statement"].is_object() && result.document.statements.size() == 1),
                   "strategy `" + name + "`: model::Statement object-vs-array shape changed");

    PROPERTY_CHECK(result.original_index.size() == result.document.statements.size(),
                   "strategy `" + name + "`: original_index does not match the statements");
    for (std::size_t j = 1; j < result.original_index.size(); ++j) {
      PROPERTY_CHECK(result.original_index[j - 1] < result.original_index[j], "strategy `" + name + "`: statement order changed");
    }
    for (std::size_t j = 0; j < result.document.statements.size(); ++j) {
      const std::size_t i = result.original_index[j];
      const model::Statement& original = in.policy.statements.at(i);
      const model::Json& before = original.source;
      const model::Json after = model::statement_to_json(result.document.statements[j]);
      std::vector<std::string> before_keys, after_keys;
      for (const auto& item : before.items()) before_keys.push_back(item.key());
      for (const auto& item : after.items()) after_keys.push_back(item.key());
      PROPERTY_CHECK(before_keys == after_keys, where(name, i) + "statement keys or their order changed");
      for (const auto& key : before_keys) {
        if (key == "Action" || key == "NotAction") continue;
        PROPERTY_CHECK(after[key] == before[key], where(name, i) + "`" + key + "` changed from " + before[key].dump() +
                                                      " to " + after[key].dump());
      }
      if (original.effect == model::Effect::kDeny || change_of(result, i) == nullptr) {
        PROPERTY_CHECK(after == before, where(name, i) + (original.effect == model::Effect::kDeny ? "Deny" : "unchanged") +
                                            " statement rewritten: " + before.dump() + " → " + after.dump());
      } else {
        PROPERTY_CHECK(!result.document.statements[j].patterns.empty(),
                       where(name, i) + "changed statement with an empty action list (NotAction [] allows everything)");
      }
    }
    for (std::size_t i = 0; i < in.policy.statements.size(); ++i) {
      if (refined_statement(result, i) != nullptr) continue;
      const model::Statement& original = in.policy.statements[i];
      PROPERTY_CHECK(original.effect == model::Effect::kAllow, where(name, i) + "a Deny statement was removed");
      const auto* change = change_of(result, i);
      PROPERTY_CHECK(change != nullptr && change->removed, where(name, i) + "removed without a change record");
      for (const auto& action : in.catalog.actions()) {
        PROPERTY_CHECK(!reference_allows(original, action.full) || unused.is_unused(action.full),
                       where(name, i) + "removed, yet it allowed the used action `" + std::string(action.full) + "`");
      }
    }
    // Detached exactly when nothing is left: a Deny left over keeps the policy (it also limits
    // the principal's other policies).
    PROPERTY_CHECK(result.detach == result.document.statements.empty(),
                   "strategy `" + name + "`: detach does not match the statements left");

    // What the CLI writes reads back as the same statements.
    const model::PolicyDocument reread = parse_policy(model::policy_to_text(result.document));
    PROPERTY_CHECK(reread.statements.size() == result.document.statements.size(), "strategy `" + name + "`: text round trip");
    for (std::size_t j = 0; j < reread.statements.size(); ++j) {
      PROPERTY_CHECK(reread.statements[j].patterns == result.document.statements[j].patterns,
                     "strategy `" + name + "`: text round trip changed statement " + std::to_string(j));
    }
  }
}

// Idempotence: refining the result again with the same findings changes nothing.
RC_GTEST_PROP(RefineProperties, Idempotent, ()) {
  const Scenario scenario = *gen_scenario();
  const EngineInputs in = build_inputs(scenario);
  for (const auto& name : testing::strategies_under_test()) {
    const auto strategy = strategy_named(name);
    const Refinement once = refine(in, *strategy);
    const std::string once_text = model::policy_to_text(once.document);
    const model::PolicyDocument reread = parse_policy(once_text);
    const Refinement twice = engine::refine_policy(reread, in.findings, in.catalog, *strategy);
    std::string changed_entries;
    for (const auto& change : twice.changes) {
      for (const auto& entry : change.entries) changed_entries += " `" + entry.entry + "` → " + listing(entry.replacement);
      for (const auto& added : change.added_to_not_action) changed_entries += " NotAction += `" + added + "`";
      if (change.removed) changed_entries += " statement " + std::to_string(change.statement_index) + " removed";
    }
    PROPERTY_CHECK(!twice.changed(), "strategy `" + name + "`: the second refinement changed" + changed_entries +
                                         "\nfirst result:\n" + once_text);
    PROPERTY_CHECK(model::policy_to_text(twice.document) == once_text, "strategy `" + name + "`: second refinement's text differs");
  }
}

// No findings: the output is the input, byte for byte, with no change and no warning.
RC_GTEST_PROP(RefineProperties, NoFindingsLeavesPolicyByteIdentical, ()) {
  ScenarioShape shape;
  shape.with_findings = false;
  const Scenario scenario = *gen_scenario(shape);
  const EngineInputs in = build_inputs(scenario);
  for (const auto& name : testing::strategies_under_test()) {
    const Refinement result = refine(in, *strategy_named(name));
    PROPERTY_CHECK(!result.changed() && result.warnings.empty(), "strategy `" + name + "`: changes or warnings without findings");
    PROPERTY_CHECK(model::policy_to_json(result.document) == in.policy.source, "strategy `" + name + "`: JSON differs");
    PROPERTY_CHECK(model::policy_to_text(result.document) == model::policy_to_text(in.policy),
                   "strategy `" + name + "`: text differs");
  }
}

// Findings that no Allow statement reaches change nothing either (rule 1: an entry that hides
// no unused action is kept byte for byte). The findings are the generated ones, filtered.
RC_GTEST_PROP(RefineProperties, UnreachableFindingsChangeNothing, ()) {
  const Scenario generated = *gen_scenario();
  Scenario scenario = generated;
  const EngineInputs unfiltered = build_inputs(generated);
  auto reached = [&](const std::string& glob_or_action, bool whole_service) {
    for (const auto& statement : unfiltered.policy.statements) {
      if (statement.effect != model::Effect::kAllow) continue;
      if (whole_service) {
        const std::vector<std::string> whole{glob_or_action};
        if (statement.action_key == model::ActionKey::kNotAction || globs_intersect(statement.patterns, whole)) return true;
      } else if (reference_allows(statement, glob_or_action)) {
        return true;
      }
    }
    return false;
  };
  scenario.unused_actions.clear();
  for (const auto& [service, action_name] : generated.unused_actions) {
    Scenario single;
    single.unused_actions = {{service, action_name}};
    if (!reached(*UnusedOracle(single).actions().begin(), false)) scenario.unused_actions.emplace_back(service, action_name);
  }
  scenario.unused_services.clear();
  for (const auto& service : generated.unused_services) {
    if (!reached(lower(service) + ":*", true)) scenario.unused_services.push_back(service);
  }
  RC_TAG(scenario.unused_actions.empty() && scenario.unused_services.empty() ? "no findings left" : "some findings left");
  const EngineInputs in = build_inputs(scenario);
  for (const auto& name : testing::strategies_under_test()) {
    const Refinement result = refine(in, *strategy_named(name));
    PROPERTY_CHECK(!result.changed(), "strategy `" + name + "`: findings no Allow statement reaches changed the policy");
    PROPERTY_CHECK(model::policy_to_text(result.document) == model::policy_to_text(in.policy),
                   "strategy `" + name + "`: text differs");
  }
}

// Determinism: the same inputs give the same bytes; so do the same catalog given in another
// order and the same findings added in another order (both are sets).
RC_GTEST_PROP(RefineProperties, Deterministic, ()) {
  const Scenario scenario = *gen_scenario();
  const unsigned shuffle = *rc::gen::inRange(1u, 1000000u);
  // A catalog that spells one action two ways (`s3:GetObject`, `s3:getObject`) is one action,
  // and which spelling it keeps depends on the input order (also whether an exact name in
  // the policy duplicates the emitted one); the same for findings that spell one unused
  // action two ways (an unknown one is excluded by the spelling seen first). Such cases are
  // only checked run against run.
  auto spelled_two_ways = [](const std::vector<std::pair<std::string, std::string>>& names) {
    std::set<std::string> spellings, actions;
    for (const auto& [service, action_name] : names) {
      std::string bare = action_name;
      if (lower(bare).rfind(lower(service) + ":", 0) == 0) bare = bare.substr(service.size() + 1);
      spellings.insert(service + ":" + bare);
      actions.insert(lower(service + ":" + bare));
    }
    return actions.size() < spellings.size();
  };
  const bool two_spellings = spelled_two_ways(scenario.catalog) || spelled_two_ways(scenario.unused_actions);
  RC_CLASSIFY(two_spellings, "an action spelled two ways");
  for (const auto& name : testing::strategies_under_test()) {
    const Refinement first = refine(build_inputs(scenario), *strategy_named(name));
    const Refinement again = refine(build_inputs(scenario), *strategy_named(name));
    const Refinement shuffled = refine(build_inputs(scenario, shuffle, true), *strategy_named(name));
    const std::string text = model::policy_to_text(first.document);
    PROPERTY_CHECK(model::policy_to_text(again.document) == text && again.warnings == first.warnings,
                   "strategy `" + name + "`: two runs on the same inputs differ");
    PROPERTY_CHECK(two_spellings || model::policy_to_text(shuffled.document) == text,
                   "strategy `" + name + "`: the catalog or findings order changed the result:\n" + text + "\nvs\n" +
                       model::policy_to_text(shuffled.document));
  }
}

// The shape of a rewritten Action list (DESIGN §3): entries that hide no unused action stay
// where they were, byte for byte; each replacement takes the place of its entry, sorted
// case-insensitively; exact duplicates are removed (the first stays).
RC_GTEST_PROP(RefineProperties, RewrittenListsKeepOrderSortReplacementsAndDropDuplicates, ()) {
  const Scenario scenario = *gen_scenario();
  const EngineInputs in = build_inputs(scenario);
  const UnusedOracle unused(scenario);
  for (const auto& name : testing::strategies_under_test()) {
    const Refinement result = refine(in, *strategy_named(name));
    for (std::size_t i = 0; i < in.policy.statements.size(); ++i) {
      const model::Statement& original = in.policy.statements[i];
      if (!model::is_allow_with_actions(original)) continue;
      const auto* change = change_of(result, i);
      const model::Statement* refined = refined_statement(result, i);
      std::vector<std::string> expected;
      std::size_t next_change = 0;
      for (const auto& entry : original.patterns) {
        if (!unused.glob_reaches_unused(entry)) {
          expected.push_back(entry);
          continue;
        }
        PROPERTY_CHECK(change != nullptr && next_change < change->entries.size() && change->entries[next_change].entry == entry,
                       where(name, i) + "entry `" + entry + "` hides an unused action but has no change record");
        const auto& replacement = change->entries[next_change++].replacement;
        for (std::size_t k = 1; k < replacement.size(); ++k) {
          PROPERTY_CHECK(lower(replacement[k - 1]) <= lower(replacement[k]),
                         where(name, i) + "replacement of `" + entry + "` not sorted: " + listing(replacement));
        }
        expected.insert(expected.end(), replacement.begin(), replacement.end());
      }
      if (change == nullptr) {
        PROPERTY_CHECK(refined != nullptr && refined->patterns == original.patterns, where(name, i) + "changed without a record");
        continue;
      }
      PROPERTY_CHECK(next_change == change->entries.size(), where(name, i) + "a change record for an entry that hides nothing unused");
      std::vector<std::string> deduplicated;
      std::set<std::string> seen;
      for (const auto& entry : expected) {
        if (seen.insert(entry).second) deduplicated.push_back(entry);
      }
      const std::vector<std::string> actual = refined ? refined->patterns : std::vector<std::string>{};
      PROPERTY_CHECK(actual == deduplicated, where(name, i) + "list " + listing(actual) + ", expected " + listing(deduplicated));
    }
  }
}

// ---- the default strategy `aws` ---------------------------------------------------------

// The token trie of one wildcard entry, rebuilt from DESIGN §3 with the test's own token
// rule and the reference matcher: node prefixes (lower-cased), their parents, their actions.
struct EntryTrie {
  std::string root;                                  // the entry's literal text before its first wildcard
  std::set<std::string> matched;                     // M(e), lower-cased full names
  std::map<std::string, std::set<std::string>> parents;
  std::map<std::string, std::size_t> actions_below;  // node → |actions of M(e) through it|
  std::map<std::string, std::vector<std::string>> path;  // action → its nodes, root first
};

EntryTrie entry_trie(const std::string& entry, const model::Catalog& catalog) {
  EntryTrie trie;
  const std::string lowered = lower(entry);
  trie.root = lowered.substr(0, lowered.find_first_of("*?"));
  for (const auto& action : catalog.actions()) {
    if (!spec::reference_matches(entry, action.full)) continue;
    trie.matched.emplace(action.lower_full);
    std::string previous = trie.root;
    auto& path = trie.path[std::string(action.lower_full)];
    path.push_back(trie.root);
    for (std::size_t boundary : word_boundaries(action.full)) {
      if (boundary <= trie.root.size()) continue;
      const std::string node(action.lower_full.substr(0, boundary));
      trie.parents[node].insert(previous);
      trie.actions_below[node]++;
      path.push_back(node);
      previous = node;
    }
  }
  trie.actions_below[trie.root] = trie.matched.size();
  return trie;
}

// DESIGN §3's safety: no unused string starts with `p`, and `p*` allows nothing `e` does not.
bool safe_node(const std::string& p, const std::string& entry, const UnusedOracle& unused) {
  return !unused.prefix_reaches_unused(p) && globs_included({p + "*"}, {entry});
}

template <typename Check>
void for_each_aws_replacement(const Scenario& scenario, Check check) {
  const EngineInputs in = build_inputs(scenario);
  const UnusedOracle unused(scenario);
  const Refinement result = refine(in, *strategy_named("aws"));
  for (const auto& change : result.changes) {
    for (const auto& entry_change : change.entries) {
      if (entry_change.replacement.empty()) continue;
      const EntryTrie trie = entry_trie(entry_change.entry, in.catalog);
      for (const auto& emitted : entry_change.replacement) check(entry_change.entry, emitted, trie, unused);
    }
  }
}

// Maximality: every emitted `p*` is a node of the entry's token trie holding two or more
// actions, and widening it to its parent node would be unsafe (allow an unused action or a
// string the entry does not allow).
RC_GTEST_PROP(AwsStrategyProperties, WildcardsCannotBeWidenedToTheirParent, ()) {
  const Scenario scenario = *gen_scenario();
  for_each_aws_replacement(scenario, [](const std::string& entry, const std::string& emitted, const EntryTrie& trie,
                                        const UnusedOracle& unused) {
    const auto first_wildcard = emitted.find_first_of("*?");
    if (first_wildcard == std::string::npos) return;  // exact names: the next property
    PROPERTY_CHECK(first_wildcard == emitted.size() - 1 && emitted.back() == '*',
                   "`" + entry + "` → `" + emitted + "`: aws emits only exact names and `prefix*`");
    const std::string p = lower(emitted.substr(0, emitted.size() - 1));
    PROPERTY_CHECK(p == trie.root || trie.actions_below.count(p),
                   "`" + entry + "` → `" + emitted + "`: not a word-aligned node of the entry's trie");
    PROPERTY_CHECK(trie.actions_below.at(p) >= 2,
                   "`" + entry + "` → `" + emitted + "`: a node with one action must be emitted as its exact name");
    PROPERTY_CHECK(safe_node(p, entry, unused), "`" + entry + "` → `" + emitted + "`: the emitted node is not safe");
    if (p == trie.root) return;
    for (const auto& parent : trie.parents.at(p)) {
      PROPERTY_CHECK(!safe_node(parent, entry, unused), "`" + entry + "` → `" + emitted + "` could be widened to `" + parent +
                                                            "*`, which is safe");
    }
  });
}

// No exact name where a safe `p*` with more actions existed: every node on an emitted exact
// name's path that holds two or more actions is unsafe.
RC_GTEST_PROP(AwsStrategyProperties, ExactNamesOnlyWhereNoSafeWiderNodeExists, ()) {
  const Scenario scenario = *gen_scenario();
  for_each_aws_replacement(scenario, [](const std::string& entry, const std::string& emitted, const EntryTrie& trie,
                                        const UnusedOracle& unused) {
    if (emitted.find_first_of("*?") != std::string::npos) return;
    const std::string action = lower(emitted);
    PROPERTY_CHECK(trie.matched.count(action), "`" + entry + "` → `" + emitted + "`: not a catalog action the entry matches");
    for (const auto& node : trie.path.at(action)) {
      if (trie.actions_below.at(node) < 2) continue;
      PROPERTY_CHECK(!safe_node(node, entry, unused), "`" + entry + "` → exact `" + emitted + "`, but `" + node + "*` is safe and holds " +
                                                          std::to_string(trie.actions_below.at(node)) + " actions");
    }
  });
}

// ---- the oracle itself ------------------------------------------------------------------

// The language oracle agrees with the reference matcher: its witnesses are real, and where it
// says "included" no near-miss string contradicts it.
RC_GTEST_PROP(OracleProperties, LanguageOracleAgreesWithReferenceMatcher, ()) {
  const Scenario scenario = *gen_small_scenario();
  const auto lhs = *rc::gen::resize(3, rc::gen::nonEmpty(rc::gen::container<std::vector<std::string>>(gen_pattern_for(scenario.catalog))));
  const auto rhs = *rc::gen::resize(3, rc::gen::nonEmpty(rc::gen::container<std::vector<std::string>>(gen_pattern_for(scenario.catalog))));
  model::PolicyDocument patterns;
  patterns.statements.push_back(model::Statement{model::Effect::kAllow, model::ActionKey::kAction, lhs, false, "", {}});
  patterns.statements.push_back(model::Statement{model::Effect::kAllow, model::ActionKey::kAction, rhs, false, "", {}});
  const auto strings = near_miss_strings(scenario, {&patterns});

  const auto included = decide_included(lhs, rhs);
  RC_PRE(included.answer != LanguageDecision::Answer::kGaveUp);
  RC_TAG(included.answer == LanguageDecision::Answer::kHolds ? "included" : "not included");
  if (included.answer == LanguageDecision::Answer::kFails) {
    RC_ASSERT(spec::reference_matches_any(lhs, included.witness));
    RC_ASSERT(!spec::reference_matches_any(rhs, included.witness));
  } else {
    for (const auto& text : strings) RC_ASSERT(!spec::reference_matches_any(lhs, text) || spec::reference_matches_any(rhs, text));
  }
  const auto disjoint = decide_disjoint(lhs, rhs);
  RC_PRE(disjoint.answer != LanguageDecision::Answer::kGaveUp);
  if (disjoint.answer == LanguageDecision::Answer::kFails) {
    RC_ASSERT(spec::reference_matches_any(lhs, disjoint.witness));
    RC_ASSERT(spec::reference_matches_any(rhs, disjoint.witness));
  } else {
    for (const auto& text : strings) RC_ASSERT(!(spec::reference_matches_any(lhs, text) && spec::reference_matches_any(rhs, text)));
  }
}

}  // namespace
}  // namespace leastpriv::property
