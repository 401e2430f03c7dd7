// A query: "is there an action x, in one service group, that belongs to these languages and
// not to those?" Every obligation is split into queries of this one shape, and every decision
// procedure (Z3, cvc5, our automaton) decides exactly this shape, so they can be compared.
//
// Tested by: tests/differential/z3_encoding_differential_test.cpp, tests/unit/verifier_query_test.cpp
//
// IMPLEMENTATION: a Language is a union of three kinds of items, all over lower-cased text:
// glob patterns (`*` any sequence, `?` one character), complements of glob unions (an
// Allow+NotAction or Deny+NotAction statement) and sets of concrete words (the unused
// actions, the catalog). Words are encoded as a prefix tree (trie-shaped regex): DESIGN §4
// measured plain unions of thousands of words timing out in Z3 where the trie takes a second.
//
// The universe is the DOMAIN: strings without upper-case ASCII letters, i.e. the lower-casing
// of every action (matching is case-insensitive, so lower-casing both sides is exact for
// ASCII; non-ASCII patterns are rejected before encoding). Every other character is in it:
// control characters, DEL, everything beyond ASCII. Glob and word languages treat every
// character their literal text does not mention alike, so one FRESH character (one the query
// does not mention, fresh_domain_character) stands for all of them: the automaton searches the
// mentioned characters plus that one, and a solver's model character outside printable ASCII
// is shown as it (printable_model). Every counterexample is replayed through the reference
// matcher before anyone believes it. (A domain of printable ASCII only, tried first, made cvc5
// time out on satisfiable queries that it answers at once without it.)
#pragma once

#include <string>
#include <vector>

namespace leastpriv::verifier {

struct Language {
  std::vector<std::string> globs;                     // union of these patterns
  std::vector<std::vector<std::string>> complements;  // each: every string no pattern in it matches
  std::vector<std::string> words;                     // concrete strings

  bool is_empty_union() const { return globs.empty() && complements.empty() && words.empty(); }
};

struct Literal {
  Language language;
  bool member = true;  // x ∈ language (true) or x ∉ language (false)
  std::string label;   // `result scope 1`, `unused`, `catalog`: comments in the SMT-LIB text
};

// The service group a query is restricted to: x starts with `svc:` for one of `services`,
// or (when `other` is set) x starts with none of `services` (every service not named).
struct ServiceGroup {
  std::vector<std::string> services;
  bool other = false;
};

struct Query {
  ServiceGroup group;
  std::vector<Literal> literals;
  std::string comment;  // first lines of the SMT-LIB text (obligation, scope, group)
};

// A regular-expression tree, the one encoding that both solver back ends print or build.
struct Regex {
  enum class Kind { kNone, kAll, kAllChar, kRange, kLiteral, kConcat, kUnion, kComplement, kStar };
  Kind kind = Kind::kNone;
  std::string text;  // kLiteral: the string; kRange: two characters, low and high
  std::vector<Regex> children;
};

// TRUSTED: the encoding of a glob: literal runs become str.to_re, `?` re.allchar, `*` re.all.
Regex glob_regex(const std::string& lower_pattern);
// TRUSTED: a set of words as a prefix tree: each node is the union of its children's edge
// labels followed by their subtrees (and the empty string when a word ends there).
Regex words_regex(std::vector<std::string> words);
Regex language_regex(const Language& language);
// The complement of the domain: strings with an upper-case letter; every query asserts x ∉ it.
Regex uppercase_regex();
Regex group_regex(const ServiceGroup& group);  // membership in `svc1:…|svc2:…`

// TRUSTED (the automaton searches with it): a character of the domain that no pattern or word
// of `query` mentions, printable when one is left (a letter when one is left), else DEL, a
// control character or a byte above ASCII. Empty only when a query mentions all 230 bytes of the
// domain, which the readers make impossible (patterns and names are printable ASCII).
std::string fresh_domain_character(const Query& query);

// A model's string with every character outside printable ASCII replaced by `fresh` (those are
// characters the query does not mention, all alike to it).
std::string printable_model(const std::string& model, const std::string& fresh);

// Standalone SMT-LIB2: (set-logic QF_S), (declare-const x String), one assertion for the
// domain (no upper case), one for the group, one per literal, (check-sat). `unsat` proves the query empty.
std::string query_to_smtlib(const Query& query);

// SMT-LIB2 string literal with every character outside [a-z0-9:._-] as \u{XX}.
std::string smtlib_string_literal(const std::string& text);

// The lowered text and whether it was ASCII; non-ASCII cannot be lower-cased the way IAM does.
bool is_ascii(const std::string& text);
std::string lower_ascii(const std::string& text);

// The literal service of a glob: the text before the first `:` when that text has no wildcard,
// else empty (the glob may match in any service).
std::string literal_service(const std::string& lower_glob);

// The query with every glob, complement item and word that cannot match inside `group`
// removed. TRUSTED: a glob whose literal service is `t` matches only strings starting `t:`.
Query restrict_to_group(const Query& query, const ServiceGroup& group);

}  // namespace leastpriv::verifier
