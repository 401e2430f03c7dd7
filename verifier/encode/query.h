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
// TRUSTED: words and prefixes as one prefix tree: each node is the union of its children's
// edge labels followed by their subtrees (and the empty string when a word ends there); a
// node where a prefix ends is re.all, whatever lies below it (lit·Σ* ∪ lit·Y = lit·Σ*).
// Left-factoring and absorption: proofs/smt/42-prefix-globs-in-the-trie.smt2.
Regex prefix_tree_regex(const std::vector<std::string>& words, const std::vector<std::string>& prefixes);
// The prefix tree of words alone (prefix_tree_regex without prefixes).
Regex words_regex(std::vector<std::string> words);
// TRUSTED: the union of a language's items: each glob with a wildcard other than one trailing
// `*` as glob_regex, each complement as re.comp of such a union, and the words, every
// wildcard-free glob and every `lit*` glob as one prefix tree (prefix_tree_regex): a literal
// glob's glob_regex is str.to_re of its text, so it is one more word
// (proofs/smt/26-literal-globs-in-the-trie.smt2), and `lit*`'s is lit·re.all, a prefix that
// ends in re.all (proofs/smt/42). Measured (Z3 4.8.12, CPU): AdministratorAccess's O3 of ec2
// 42.7 s with each `lit*` its own item of the union, 0.13 s in the tree; the command-line z3
// of check-certificate on ReadOnlyAccess's O3 of ec2 7.2 s, 0.2 s.
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

// A glob without `*` or `?` names one string (its glob_regex is str.to_re of it).
bool is_literal_glob(const std::string& lower_glob);
// The text before the one trailing `*` of a glob `lit*` without other wildcards, else empty:
// such a glob matches exactly the strings that start with it (str.prefixof).
std::string prefix_of_prefix_glob(const std::string& lower_glob);

// The required literal a query's counterexample x is drawn from, as the solvers are asked:
// its names are tested as constants (a membership of a constant string is decided by both
// solvers' rewriters, without search) and each of its other items (a glob with a wildcard, a
// complement) on x. The literal is the first required one made of words (and wildcard-free
// globs) only, else the first required one with a word, else the first required one; none
// when no literal is required. O3 (the catalog's words), O2 without wholly unused services
// and O1 of a result of exact names only are then wholly ground: no x at all.
struct DrawnLiteral {
  int literal = -1;                // the literal; -1: none (the query is asked of x alone)
  std::vector<std::string> words;  // its words and wildcard-free globs, sorted, without repeats
  Language rest;                   // its globs with a wildcard and its complements
};
DrawnLiteral drawn_literal(const Query& query);

// Whether a query is wholly ground (a drawn literal of names only) and every one of its names
// is in the domain (no upper-case letter) and in the query's group. Then q, against which the
// names are tested, leaves the domain and the group out: each name is in both, so w ∈ q is
// unchanged (proofs/smt/41), and both are the costliest part of a constant membership
// (ReadOnlyAccess's 174 O3 texts: cvc5 6.5 s -> 0.8 s, Z3 2.7 s -> 1.6 s of CPU).
bool names_in_domain_and_group(const Query& query, const DrawnLiteral& drawn);

// Standalone SMT-LIB2, `unsat` exactly when the query is empty. Two shapes:
// - no required literal: (set-logic QF_S), (declare-const x String), one assertion that x is
//   in the intersection of the domain (no upper case), the group and every literal;
// - else, with the drawn literal W ∪ G1 ∪ … ∪ Gk (W its names): (set-logic QF_S),
//   (define-fun q () RegLan …) the intersection of the domain, the group and every other
//   literal (without the domain and the group when names_in_domain_and_group), (declare-const x String) when k > 0, (declare-const y String) when some Gi is a
//   `lit*`, and one assertion
//     (or (str.in_re "w1" q) … <G1> … <Gk>)
//   where <Gi> is (and (= x (str.++ "lit" y)) (str.in_re (str.++ "lit" y) q)) for a glob
//   `lit*`, else (str.in_re x (re.inter Gi q)). TRUSTED: ∃x. x ∈ (W ∪ G1 ∪ … ∪ Gk) ∩ q ⇔
//   ∨_{w∈W} w ∈ q ∨ ∨_i ∃x. x ∈ Gi ∩ q (proofs/smt/25-drawn-literal.smt2, for any q), x ∈
//   L(`lit*`) ⇔ (str.prefixof "lit" x) (proofs/smt/03, 06), and (str.prefixof "lit" x) ∧ x ∈ q
//   ⇔ ∃y. x = "lit" ++ y ∧ "lit" ++ y ∈ q (proofs/smt/40, for any q). Measured (Z3 4.8.12,
//   CPU): the seed's O3 2 s as one membership, 0.2 s with constants;
//   `applicationinsights:describecomponent*` ⊆ `applicationinsights:describe*` 0.31 s as a
//   regex, 0.04 s with str.prefixof; ReadOnlyAccess's 514 O1 texts of one `lit*` (simple
//   solver) 9.8 s with str.prefixof, 0.44 s as "lit" ++ y, whose membership both solvers'
//   rewriters shorten by the constant before any search.
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
