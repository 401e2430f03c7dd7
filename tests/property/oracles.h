// What the properties compare the engine against, written apart from the engine: the spec's
// reference matcher for single strings, an exact language oracle for glob unions (inclusion
// and intersection over ALL strings, not only catalog actions), the unused set as the
// scenario states it, the token rule of DESIGN §3, and near-miss strings that sit next to
// the patterns and actions of a case.
//
// TEST-ONLY. Nothing here may be used by engine/ or verifier/; nothing here uses engine/'s
// matcher, trie or tokenizer, so a bug there cannot hide itself.
//
// Tested by: the properties in tests/property/*_test.cpp (the oracle agrees with the
// reference matcher on every near-miss string, see RefineProperties.LanguageOracleAgreesWithReferenceMatcher).
//
// IMPLEMENTATION: a glob is a position NFA (`*` loops, `?` takes one character); a union is
// the tuple of its members' position sets. Inclusion and intersection are a breadth-first
// search over the product of both sides' tuples, over the alphabet "every literal character
// mentioned, plus one fresh character" — the automata cannot tell unmentioned characters
// apart, so one stands for all of them. Exponential in theory, tiny for generated patterns.
#pragma once

#include "model/catalog.h"
#include "model/policy.h"
#include "tests/property/generators.h"

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace leastpriv::property {

std::string lower(std::string_view text);

// An answer about languages, with a shortest witness string when the answer is "no".
struct LanguageDecision {
  enum class Answer { kHolds, kFails, kGaveUp } answer = Answer::kGaveUp;
  std::string witness;  // kFails: a shortest string that shows it (lower-case)
};
// L(∪lhs) ⊆ L(∪rhs) over all strings (case-insensitive)? Witness: in lhs, not in rhs.
LanguageDecision decide_included(const std::vector<std::string>& lhs, const std::vector<std::string>& rhs);
// L(∪lhs) ∩ L(∪rhs) = ∅? Witness: in both.
LanguageDecision decide_disjoint(const std::vector<std::string>& lhs, const std::vector<std::string>& rhs);

// The same as booleans; RC_DISCARDs the case when the search gives up (never seen in practice).
bool globs_included(const std::vector<std::string>& lhs, const std::vector<std::string>& rhs);
bool globs_intersect(const std::vector<std::string>& lhs, const std::vector<std::string>& rhs);

// The unused set U as the scenario states it, lower-cased: listed actions (also ones the
// catalog does not know) and every string `svc:…` of a wholly unused service.
class UnusedOracle {
 public:
  explicit UnusedOracle(const Scenario& scenario);
  bool is_unused(std::string_view action) const;
  // Does some string of U start with `lower_prefix`?
  bool prefix_reaches_unused(std::string_view lower_prefix) const;
  // Does the glob match some string of U?
  bool glob_reaches_unused(const std::string& glob) const;
  const std::set<std::string>& actions() const { return actions_; }
  const std::set<std::string>& services() const { return services_; }

 private:
  std::set<std::string> actions_;
  std::set<std::string> services_;
};

// Does the statement allow the action, by the spec's reference matcher? Deny allows nothing.
bool reference_allows(const model::Statement& statement, std::string_view action);

// Word boundaries of `service:Name` per DESIGN §3 (after `service:`, after each token), as
// offsets: the prefixes a token-trie node can stand for. Written from the design's text.
std::vector<std::size_t> word_boundaries(std::string_view full_action);

// Strings next to the case's patterns and actions: instantiations of every pattern (each `*`
// and `?` filled with short texts), catalog and unused actions with a character or a word
// added or dropped, their service swapped or cut, case flipped, plus `""`, `:` and such.
std::vector<std::string> near_miss_strings(const Scenario& scenario, const std::vector<const model::PolicyDocument*>& policies);

}  // namespace leastpriv::property
