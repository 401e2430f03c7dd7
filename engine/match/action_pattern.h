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
// The language questions use the pattern's position automaton (Thompson-style NFA without
// epsilon cycles); inclusion is engine/match/glob_inclusion.h's check of `prefix*` in the pattern.
#pragma once

#include "model/ascii.h"
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
  bool matches_some_with_prefix(std::string_view lower_prefix) const;

 private:
  std::vector<bool> states_after(std::string_view lower_text) const;
  void close(std::vector<bool>& states) const;

  std::string lower_;
  std::vector<std::string> segments_;  // split at '*'; '?' kept inside segments
  bool has_question_ = false;
};

// Is some unused action, or some string of a wholly unused service, matched by `pattern`?
bool matches_some_unused(const ActionPattern& pattern, const model::UnusedFindings& findings);

}  // namespace leastpriv::engine
