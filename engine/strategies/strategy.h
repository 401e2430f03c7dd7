// A generalization strategy: how the Allow statements of a policy are rewritten once some of
// what they allow is unused. Strategies differ only in how they cover the used actions that
// a wildcard entry hides; what must be removed and what must stay is fixed by the findings.
//
// Tested by: tests/unit/aws_strategy_test.cpp, tests/unit/strategies_test.cpp and each
// strategy's own tests there
//
// IMPLEMENTATION: a strategy RETURNS what it made of the policy (StrategyOutput: one
// StatementOutput per Allow statement, plus warnings and, for `fewest`, its set-cover
// statistics); refine.cpp turns that into the Refinement and never lets a strategy touch it.
// The default refine_statements applies the rules every strategy shares (keep entries that
// hide no unused action, drop unused exact names, leave Deny statements alone) and asks
// generalize_entry only for the entries that need it. Strategies that look at a whole list
// at once (fewest entries) override refine_action_list; strategies that weigh the whole
// policy (the size budget of `bounded`) override refine_statements. The default
// refine_statements refines each distinct action list once (a list's output depends on the
// list alone): 10⁴ statements that differ only in their Resource cost one list's work.
#pragma once

#include "engine/match/action_pattern.h"
#include "model/catalog.h"
#include "model/findings.h"
#include "model/policy.h"
#include "model/result.h"

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace leastpriv::engine {

class EntryTrieCache;

struct RefineContext {
  const model::Catalog& catalog;
  const model::UnusedFindings& findings;
  // Not owned; null: each entry's trie is built anew (a batch shares one: engine/match/entry_trie_cache.h).
  EntryTrieCache* entry_tries = nullptr;
};

// Why an entry became what it became, for `explain` and the diff.
struct EntryChange {
  std::string entry;                     // as written in the original
  std::vector<std::string> replacement;  // empty: dropped
  std::string reason;
};

// What the `fewest` strategy's set covers came to, summed over the instances it solved.
struct CoverStats {
  std::size_t instances = 0;       // per-service set-cover instances
  std::size_t proved_optimal = 0;  // solved with a matching lower bound
  std::size_t chosen = 0;          // entries chosen, summed over instances
  std::size_t lower_bound = 0;     // proven lower bounds, summed (== chosen when all are optimal)
  std::size_t candidates = 0;      // admissible candidates after merging equal covers
  std::size_t work = 0;            // work units spent (set_cover.h's WorkBudget), summed
  std::size_t cut_short = 0;       // instances cut short by the work limits: not proved minimal

  CoverStats& operator+=(const CoverStats& other);
};

// What a strategy made of one Allow+Action list.
struct ActionListOutput {
  std::vector<std::string> actions;  // the new list; used only when `changes` is not empty
  std::vector<EntryChange> changes;  // one per entry that hid unused actions; empty: unchanged
  std::optional<CoverStats> cover;   // `fewest` only
  std::vector<std::string> warnings;  // about this list (e.g. `fewest` out of its work budget)
};

// What a strategy made of one Allow statement of the original.
struct StatementOutput {
  std::size_t statement_index = 0;               // in the original
  ActionListOutput action_list;                  // Allow+Action statements
  std::vector<std::string> added_to_not_action;  // Allow+NotAction statements
  bool removed = false;                          // it allows nothing afterwards
};

// What a strategy made of a whole policy.
struct StrategyOutput {
  std::vector<StatementOutput> statements;  // every Allow statement, in the original's order
  std::vector<std::string> warnings;        // about the result (e.g. `bounded` over its budget)
  std::optional<CoverStats> cover;          // `fewest` only, summed over its lists
};

class Strategy {
 public:
  virtual ~Strategy() = default;
  // The strategy's family name: `aws`, `char`, `exact`, `fewest`, `bounded`.
  virtual std::string_view name() const = 0;
  // The name make_strategy takes to build this very strategy: name(), or `bounded:N` for a
  // budget other than the default.
  virtual std::string configured_name() const { return std::string(name()); }

  // Every Allow statement of `original`. Default: each Allow+Action list through
  // refine_action_list, each Allow+NotAction statement through exclude_unused.
  virtual StrategyOutput refine_statements(const model::PolicyDocument& original, const RefineContext& context) const;

  // Replacement entries for one Allow+Action entry that has a wildcard and matches some
  // unused action. Must allow every used catalog action the entry allows, no unused action,
  // and nothing the entry does not allow.
  virtual std::vector<std::string> generalize_entry(const ActionPattern& entry, const RefineContext& context) const = 0;

  // Patterns to add to an Allow+NotAction statement so that it stops allowing every unused
  // action it allows, and nothing used. Default: the dual walk of DESIGN §3.
  virtual std::vector<std::string> exclude_unused(const std::vector<ActionPattern>& not_actions,
                                                  const RefineContext& context) const;

  // The new action list of an Allow+Action statement. Default: entry by entry (DESIGN §3).
  virtual ActionListOutput refine_action_list(const std::vector<std::string>& entries, const RefineContext& context) const;
};

std::vector<std::string> strategy_names();
Result<std::unique_ptr<Strategy>> make_strategy(std::string_view name);

// The replacement of one entry that needs one (rule 3).
using EntryGeneralizer = std::function<std::vector<std::string>(const ActionPattern& entry)>;
// The list rules of DESIGN §3, entry by entry: an entry that hides no unused action is kept
// byte for byte, an unused exact name is dropped, any other entry is replaced by
// `generalize` (sorted); exact duplicates are removed from the list.
ActionListOutput refine_entry_by_entry(const std::vector<std::string>& entries, const RefineContext& context,
                                       const EntryGeneralizer& generalize);

// Case-insensitive sort, then exact duplicates removed (the order replacements take).
void sort_entries(std::vector<std::string>& entries);
// Adds `service:*` to `added` and `excluded` for each wholly unused service that `excluded`
// does not already cover: `service:*` also shuts out the actions AWS adds to it later.
void exclude_unused_services(const RefineContext& context, std::vector<ActionPattern>& excluded,
                             std::vector<std::string>& added);

// Exact duplicates removed, the first of each staying where it was.
std::vector<std::string> without_duplicates(std::vector<std::string> entries);

}  // namespace leastpriv::engine
