// A generalization strategy: how an Allow statement's action list is rewritten once some of
// what it allows is unused. Strategies differ only in how they cover the used actions that
// a wildcard entry hides; what must be removed and what must stay is fixed by the findings.
//
// Tested by: tests/unit/aws_strategy_test.cpp and each strategy's own test
//
// IMPLEMENTATION: refine.cpp applies the rules every strategy shares (keep entries that hide
// no unused action, drop unused exact names, keep Deny statements as they are) and asks the
// strategy only for the entries that need it. Strategies that look at a whole list at once
// (fewest entries, size-bounded) override refine_action_list.
#pragma once

#include "engine/match/action_pattern.h"
#include "model/catalog.h"
#include "model/findings.h"
#include "model/policy.h"
#include "model/result.h"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace leastpriv::engine {

struct Refinement;

struct RefineContext {
  const model::Catalog& catalog;
  const model::UnusedFindings& findings;
};

// Why an entry became what it became, for `explain` and the diff.
struct EntryChange {
  std::string entry;                     // as written in the original
  std::vector<std::string> replacement;  // empty: dropped
  std::string reason;
};

class Strategy {
 public:
  virtual ~Strategy() = default;
  virtual std::string_view name() const = 0;

  // Replacement entries for one Allow+Action entry that has a wildcard and matches some
  // unused action. Must allow every used catalog action the entry allows, no unused action,
  // and nothing the entry does not allow.
  virtual std::vector<std::string> generalize_entry(const ActionPattern& entry, const RefineContext& context) const = 0;

  // Patterns to add to an Allow+NotAction statement so that it stops allowing every unused
  // action it allows, and nothing used. Default: the dual walk of DESIGN §3.
  virtual std::vector<std::string> exclude_unused(const std::vector<ActionPattern>& not_actions,
                                                  const RefineContext& context) const;

  // The new action list of an Allow+Action statement. Default: entry by entry (DESIGN §3).
  virtual std::vector<std::string> refine_action_list(const std::vector<std::string>& entries,
                                                      const RefineContext& context,
                                                      std::vector<EntryChange>& changes) const;

  // Called once by refine_policy after every statement is refined, for strategies that
  // weigh the whole policy (the size budget of `bounded`). Default: nothing.
  virtual void adjust_refinement(const model::PolicyDocument& original, Refinement& refinement,
                                 const RefineContext& context) const;
};

std::vector<std::string> strategy_names();
Result<std::unique_ptr<Strategy>> make_strategy(std::string_view name);

// Case-insensitive sort, then exact duplicates removed (the order replacements take).
void sort_entries(std::vector<std::string>& entries);
// Adds `service:*` to `added` and `excluded` for each wholly unused service that `excluded`
// does not already cover: `service:*` also shuts out the actions AWS adds to it later.
void exclude_unused_services(const RefineContext& context, std::vector<ActionPattern>& excluded,
                             std::vector<std::string>& added);

// Exact duplicates removed, the first of each staying where it was.
std::vector<std::string> without_duplicates(std::vector<std::string> entries);

}  // namespace leastpriv::engine
