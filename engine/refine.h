// Refinement: the original policy minus the unused actions, statement by statement, with a
// chosen strategy for the wildcards that hide unused actions (DESIGN §3).
//
// Tested by: tests/unit/aws_strategy_test.cpp (Refine tests), tests/unit/strategies_test.cpp, tests/golden, tests/differential/refine_exactness_test.cpp
//
// IMPLEMENTATION: only Allow statements change. The strategy returns what it made of them
// (StrategyOutput, strategy.h): the new Allow+Action lists, and the unused actions added to
// each Allow+NotAction statement. Here that output becomes the refined document: a
// statement that allows nothing afterwards is removed; Deny statements are never touched
// (removing from a Deny would add permissions). Everything else in the JSON is carried over.
#pragma once

#include "engine/match/action_pattern.h"
#include "model/catalog.h"
#include "model/findings.h"
#include "model/policy.h"
#include "engine/strategies/strategy.h"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace leastpriv::engine {

struct StatementChange {
  std::size_t statement_index = 0;  // in the original
  std::vector<EntryChange> entries;
  std::vector<std::string> added_to_not_action;
  bool removed = false;
};

struct Refinement {
  model::PolicyDocument document;
  // For each statement of `document`, its index in the original.
  std::vector<std::size_t> original_index;
  std::vector<StatementChange> changes;
  // No statement is left: the recommendation is DETACH_POLICY, not a new document. A policy
  // left with Deny statements only is kept: its Deny also limits what the principal's other
  // policies allow, so detaching it could grant more (issue 12 row 7).
  bool detach = false;
  std::vector<std::string> warnings;
  std::optional<CoverStats> cover_stats;  // `fewest` only: the set covers it solved

  bool changed() const { return !changes.empty(); }
};

// `entry_tries`: the run's entry tries (engine/match/entry_trie_cache.h), or null.
Refinement refine_policy(const model::PolicyDocument& original, const model::UnusedFindings& findings, const model::Catalog& catalog,
                         const Strategy& strategy, EntryTrieCache* entry_tries = nullptr);

// The document `statements` (a strategy's output for `original`) describe: `original` with
// the new action lists and NotAction additions, removed statements left out. `bounded`
// measures its candidates with it.
model::PolicyDocument refined_document(const model::PolicyDocument& original, const std::vector<StatementOutput>& statements);

// A statement's patterns compiled once, for questions asked of many actions (engine matcher).
class CompiledStatement {
 public:
  explicit CompiledStatement(const model::Statement& statement);
  // Does the statement allow the lower-cased action? Deny statements allow nothing.
  bool allows(const std::string& lower_action) const;

 private:
  bool allow_;
  bool not_action_;
  std::vector<ActionPattern> patterns_;
};

// One-off form of CompiledStatement::allows.
bool statement_allows(const model::Statement& statement, const std::string& lower_action);

}  // namespace leastpriv::engine
