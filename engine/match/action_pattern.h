// An Action / NotAction pattern (`s3:Get*`, `*:List*`, `ec2:Describe?pc*`) compiled for
// matching action names, plus the language questions the generalizer asks about it.
//
// Semantics (spec/SEMANTICS.md): case-insensitive; `*` matches any sequence (also empty),
// `?` exactly one character; the pattern is matched against the whole `service:Name`.
//
// Tested by: tests/unit/action_pattern_test.cpp, tests/differential/matcher_differential_test.cpp
//
// IMPLEMENTATION: matching splits the pattern at `*` into fixed-length segments (where `?`
// matches any one character), anchors the first and last segment and places every middle
// segment at its leftmost occurrence. Leftmost placement is optimal because later segments
// only need room to the right, so there is no backtracking: O(|pattern| * |action|) at worst,
// never exponential (`*a*a*a*a*b` against `aaaa…` is as cheap as any other pattern).
// The language questions are engine/match/glob_inclusion.h's, asked of the lower-cased text:
// one automaton serves them and the glob-in-glob inclusion of `fewest`.
#pragma once

#include "model/ascii.h"
#include "model/catalog.h"
#include "model/findings.h"

#include <string>
#include <string_view>
#include <vector>

namespace leastpriv::engine {

class ActionPattern {
 public:
  explicit ActionPattern(std::string_view pattern);

  // `lower_action` must already be lower-case (catalog names are stored lower-cased).
  bool matches(std::string_view lower_action) const;

  const std::string& lower() const { return lower_; }
  bool is_literal() const { return segments_.size() == 1 && !has_question_; }
  // A literal followed by one trailing `*` and nothing else: `s3:Get*`, `*`.
  bool is_literal_then_star() const;
  // The lower-cased text before the first wildcard.
  std::string_view literal_prefix() const;

  // Is every string that starts with `lower_prefix` matched? (L(prefix·Σ*) ⊆ L(pattern).)
  // `lower_prefix` holds no wildcard (it is a catalog prefix or `service:`).
  bool includes_all_with_prefix(std::string_view lower_prefix) const;
  // Is some string that starts with `lower_prefix` matched? (L(prefix·Σ*) ∩ L(pattern) ≠ ∅.)
  // Answered by literal_may_reach alone when the literal prefix already rules it out.
  bool matches_some_with_prefix(std::string_view lower_prefix) const;

 private:
  std::string lower_;
  std::vector<std::string> segments_;  // split at '*'; '?' kept inside segments
  bool has_question_ = false;
};

// A necessary condition for a pattern whose lower-cased text before its first wildcard is
// `literal` to match some string that starts with `lower_prefix`: the two agree as far as both
// go (every string the pattern matches starts with `literal`). Not sufficient: a pattern
// without a wildcard shorter than the prefix agrees and still matches nothing there.
bool literal_may_reach(std::string_view literal, std::string_view lower_prefix);

// Does some pattern of the list match the lower-cased action?
bool matches_any(const std::vector<ActionPattern>& patterns, std::string_view lower_action);

// Catalog indexes of the actions `entry` matches (found in the range of its literal prefix):
// what every strategy starts from.
std::vector<std::size_t> entry_catalog_actions(const ActionPattern& entry, const model::Catalog& catalog);

// Is some unused action, or some string of a wholly unused service, matched by `pattern`?
bool matches_some_unused(const ActionPattern& pattern, const model::UnusedFindings& findings);

}  // namespace leastpriv::engine
