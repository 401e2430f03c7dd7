// Exhaustive differential tests of the verifier's encodings over a tiny alphabet (after re2's
// exhaustive testers): every pattern over {a, b, *, ?} up to length 4 against every string over
// {a, b} up to length 4, plus upper-case variants, must agree with spec::reference_matches,
// in the SMT-LIB text Z3 reads, in cvc5's terms and in our automaton. Then inclusion between
// small pattern unions: Z3, cvc5 and the automaton must agree with each other and with brute
// force over bounded strings where brute force is decisive; and the automaton alone on wider
// unions (its pruning of forbidden globs: pruning on the wrong literal was seen to fail it).
//
// Tested by: itself (CTest label `differential`).
#include "spec/reference_matcher.h"
#include "verifier/decide/automaton.h"
#include "verifier/encode/query.h"
#include "verifier/decide/solvers.h"

#include "tests/support/test_support.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

namespace leastpriv::verifier {
namespace {

// A query whose only satisfying string is `text` iff `pattern` matches it:
// x ∈ {lower(text)} ∩ L(pattern).
Query membership_query(const std::string& pattern, const std::string& text) {
  Query query;
  query.group.other = true;  // no group restriction
  Literal word;
  word.language.words = {lower_ascii(text)};
  Literal glob;
  glob.language.globs = {lower_ascii(pattern)};
  query.literals = {word, glob};
  return query;
}

TEST(VerifierEncodingDifferential, AutomatonMembershipAgreesWithReferenceExhaustively) {
  const auto patterns = testing::all_words("ab*?", 4);
  auto texts = testing::all_words("ab", 4);
  for (const auto& extra : {"A", "aB", "Ab", "BA", "AbAb"}) texts.push_back(extra);
  int checked = 0;
  for (const auto& pattern : patterns) {
    for (const auto& text : texts) {
      const bool expected = spec::reference_matches(pattern, text);
      ASSERT_EQ(glob_matches(lower_ascii(pattern), lower_ascii(text)), expected) << "`" << pattern << "` vs `" << text << "`";
      const auto verdict = decide_with_automaton(membership_query(pattern, text), 10);
      ASSERT_EQ(verdict.verdict, expected ? Verdict::kCounterexample : Verdict::kProved)
          << "`" << pattern << "` vs `" << text << "`";
      ++checked;
    }
  }
  EXPECT_GT(checked, 10000);
}

// Z3 and cvc5 on every pattern up to length 2 and a sample of lengths 3 and 4 against every
// string up to length 3 plus case variants: each membership is one solver call (~0.1 s), so the
// full cross product (4,000 calls, 20 minutes on a loaded 2-core machine) is left to the
// automaton test above, which the solvers then agree with on union inclusion below.
TEST(VerifierEncodingDifferential, SolverMembershipAgreesWithReference) {
  auto patterns = testing::all_words("ab*?", 2);
  const auto longer = testing::all_words("ab*?", 4);
  for (std::size_t i = 0; i < longer.size(); i += 11) {
    if (longer[i].size() >= 3) patterns.push_back(longer[i]);
  }
  auto texts = testing::all_words("ab", 3);
  for (const auto& extra : {"A", "aB", "BA"}) texts.push_back(extra);
  for (const auto& pattern : patterns) {
    for (const auto& text : texts) {
      const bool expected = spec::reference_matches(pattern, text);
      const Query query = membership_query(pattern, text);
      const auto z3 = decide_with_z3(query_to_smtlib(query), 10);
      ASSERT_EQ(z3.verdict, expected ? Verdict::kCounterexample : Verdict::kProved)
          << "z3: `" << pattern << "` vs `" << text << "` " << z3.reason;
      const auto cvc5 = decide_with_cvc5(query, 10);
      ASSERT_EQ(cvc5.verdict, expected ? Verdict::kCounterexample : Verdict::kProved)
          << "cvc5: `" << pattern << "` vs `" << text << "` " << cvc5.reason;
    }
  }
}

// `lit*` globs join the prefix tree as prefixes ending in re.all (proofs/smt/42): nested
// prefixes, words below and beside a prefix, a prefix that is a word's prefix and a word that is
// a prefix's. Every string near them is in the union's encoding, for Z3 and cvc5, exactly when
// the reference matcher says one glob matches it; and what a prefix absorbs is not printed.
TEST(VerifierEncodingDifferential, PrefixGlobsInThePrefixTreeAgreeWithReference) {
  const std::vector<std::string> globs = {"s3:get*", "s3:getobject*", "s3:getobject", "s3:g", "s3:list*",
                                          "s3:lis", "s3:listall", "ec2:a*", "ec2:ab", "s3:*t", "ec2:abc?"};
  const std::vector<std::string> texts = {"s3:get", "s3:ge", "s3:g", "s3:getobject", "s3:getobjectx", "s3:gex",
                                          "s3:lis", "s3:list", "s3:listall", "s3:li", "s3:lisx", "ec2:a", "ec2:",
                                          "ec2:ab", "ec2:abcd", "ec2:b", "s3:t", "s3:xt", "s3:x", "s3:", ""};
  for (const auto& text : texts) {
    const bool expected = std::any_of(globs.begin(), globs.end(),
                                      [&](const std::string& glob) { return spec::reference_matches(glob, text); });
    Query query = membership_query("", text);
    query.literals[1].language.globs = globs;
    const auto z3 = decide_with_z3(query_to_smtlib(query), 10);
    EXPECT_EQ(z3.verdict, expected ? Verdict::kCounterexample : Verdict::kProved) << "z3: `" << text << "` " << z3.reason;
    const auto cvc5 = decide_with_cvc5(query, 10);
    EXPECT_EQ(cvc5.verdict, expected ? Verdict::kCounterexample : Verdict::kProved) << "cvc5: `" << text << "` " << cvc5.reason;
  }
  Language absorbed;
  absorbed.globs = {"s3:get*", "s3:getobject*", "s3:getobject", "s3:list*"};
  absorbed.words = {"s3:getbucket", "s3:lis"};
  Query printed;
  printed.group.other = true;
  printed.literals = {Literal{absorbed, false, "absorbed"}};
  const std::string text = query_to_smtlib(printed);
  EXPECT_NE(text.find("(re.++ (str.to_re \"s3:\") (re.union (re.++ (str.to_re \"get\") re.all) (re.++ (str.to_re \"lis\") "
                      "(re.union (str.to_re \"\") (re.++ (str.to_re \"t\") re.all)))))"),
            std::string::npos)
      << text;
  EXPECT_EQ(text.find("getobject"), std::string::npos) << text;
  EXPECT_EQ(text.find("getbucket"), std::string::npos) << text;
}

// Upper-case letters in a pattern match case-insensitively after lower-casing, and the domain
// keeps models lower-case: `s3:*` ⊆ `S3:*` must be proved, `s3:*` ⊆ `s3:a*` refuted with a
// lower-case witness.
TEST(VerifierEncodingDifferential, CaseInsensitiveInclusion) {
  Query query;
  query.group.other = true;
  Literal wide;
  wide.language.globs = {lower_ascii("s3:*")};
  Literal narrow;
  narrow.member = false;
  narrow.language.globs = {lower_ascii("S3:*")};
  query.literals = {wide, narrow};
  EXPECT_EQ(decide_with_automaton(query, 10).verdict, Verdict::kProved);
  EXPECT_EQ(decide_with_z3(query_to_smtlib(query), 10).verdict, Verdict::kProved);
  EXPECT_EQ(decide_with_cvc5(query, 10).verdict, Verdict::kProved);

  query.literals[1].language.globs = {"s3:a*"};
  for (const auto& verdict : {decide_with_automaton(query, 10), decide_with_z3(query_to_smtlib(query), 10),
                              decide_with_cvc5(query, 10)}) {
    ASSERT_EQ(verdict.verdict, Verdict::kCounterexample) << verdict.procedure;
    EXPECT_TRUE(spec::reference_matches("s3:*", verdict.counterexample)) << verdict.procedure << " " << verdict.counterexample;
    EXPECT_FALSE(spec::reference_matches("s3:a*", verdict.counterexample)) << verdict.procedure << " " << verdict.counterexample;
  }
}

// A random union of `counts` patterns (each of `lengths` characters of `alphabet`).
std::vector<std::string> random_union(std::mt19937& random, const std::string& alphabet, std::pair<int, int> counts,
                                      std::pair<int, int> lengths) {
  std::uniform_int_distribution<int> count(counts.first, counts.second);
  std::vector<std::string> patterns;
  for (int n = count(random); n > 0; --n) {
    std::uniform_int_distribution<int> length(lengths.first, lengths.second);
    std::uniform_int_distribution<int> pick(0, static_cast<int>(alphabet.size()) - 1);
    std::string pattern;
    for (int i = length(random); i > 0; --i) pattern += alphabet[static_cast<std::size_t>(pick(random))];
    patterns.push_back(std::move(pattern));
  }
  return patterns;
}

// x ∈ L(left) ∧ x ∉ L(right), over all strings: empty exactly when left ⊆ right.
Query inclusion_query(const std::vector<std::string>& left, const std::vector<std::string>& right) {
  Query query;
  query.group.other = true;
  Literal in_left;
  in_left.language.globs = left;
  Literal not_right;
  not_right.member = false;
  not_right.language.globs = right;
  query.literals = {in_left, not_right};
  return query;
}

std::string describe_inclusion(const std::vector<std::string>& left, const std::vector<std::string>& right) {
  std::string description;
  for (const auto& p : left) description += " `" + p + "`";
  description += " ⊆";
  for (const auto& p : right) description += " `" + p + "`";
  return description;
}

bool refutes_inclusion(const std::vector<std::string>& left, const std::vector<std::string>& right, const std::string& text) {
  return spec::reference_matches_any(left, text) && !spec::reference_matches_any(right, text);
}

bool brute_force_refutes(const std::vector<std::string>& left, const std::vector<std::string>& right,
                         const std::vector<std::string>& strings) {
  return std::any_of(strings.begin(), strings.end(),
                     [&](const std::string& text) { return refutes_inclusion(left, right, text); });
}

// Inclusion of one random union of patterns in another, over {a, b, :, *, ?}: every procedure
// must agree; a counterexample must replay; "included" must survive brute force up to length 6
// (brute force is decisive for a refutation it finds, and a sanity check otherwise).
TEST(VerifierEncodingDifferential, UnionInclusionAgreesAcrossProcedures) {
  std::mt19937 random(20260926);  // fixed seed: failures reproduce
  const auto brute_strings = testing::all_words("ab:c", 6);
  int disagreements_checked = 0;
  for (int round = 0; round < 150; ++round) {
    const auto left = random_union(random, "ab:*?", {1, 3}, {0, 5});
    const auto right = random_union(random, "ab:*?", {1, 3}, {0, 5});
    const Query query = inclusion_query(left, right);
    const bool brute_counterexample = brute_force_refutes(left, right, brute_strings);
    const std::string description = describe_inclusion(left, right);

    const auto automaton = decide_with_automaton(query, 10);
    const auto z3 = decide_with_z3(query_to_smtlib(query), 10);
    const auto cvc5 = decide_with_cvc5(query, 10);
    ASSERT_NE(automaton.verdict, Verdict::kUnknown) << description;
    if (brute_counterexample) {
      EXPECT_EQ(automaton.verdict, Verdict::kCounterexample) << description;
    }
    for (const auto& verdict : {automaton, z3, cvc5}) {
      if (verdict.verdict == Verdict::kUnknown) continue;  // a solver may time out; never a disagreement
      ASSERT_EQ(verdict.verdict, automaton.verdict) << verdict.procedure << " on" << description;
      if (verdict.verdict == Verdict::kCounterexample) {
        const std::string witness = printable_model(verdict.counterexample, fresh_domain_character(query));
        EXPECT_TRUE(refutes_inclusion(left, right, witness)) << verdict.procedure << " witness `" << witness << "` on" << description;
      }
      ++disagreements_checked;
    }
  }
  EXPECT_GT(disagreements_checked, 300);
}

// The automaton alone on wider unions (2 to 6 patterns a side, most with interior wildcards),
// where its pruning of forbidden globs that accept every extension applies often: every
// counterexample it gives must replay, and "proved" must survive brute force up to length 6.
TEST(VerifierEncodingDifferential, AutomatonAloneOnWideUnionsAgreesWithBruteForce) {
  std::mt19937 random(20261127);  // fixed seed: failures reproduce
  const auto brute_strings = testing::all_words("ab:c", 6);
  int refuted = 0;
  int proved = 0;
  for (int round = 0; round < 400; ++round) {
    const auto left = random_union(random, "ab:**?", {2, 6}, {1, 6});
    const auto right = random_union(random, "ab:**?", {2, 6}, {1, 6});
    const Query query = inclusion_query(left, right);
    const std::string description = describe_inclusion(left, right);
    const auto automaton = decide_with_automaton(query, 10);
    ASSERT_NE(automaton.verdict, Verdict::kUnknown) << automaton.reason << " on" << description;
    if (automaton.verdict == Verdict::kCounterexample) {
      ++refuted;
      const std::string witness = printable_model(automaton.counterexample, fresh_domain_character(query));
      EXPECT_TRUE(refutes_inclusion(left, right, witness)) << "witness `" << witness << "` on" << description;
    } else {
      ++proved;
      EXPECT_FALSE(brute_force_refutes(left, right, brute_strings)) << "proved, but brute force refutes" << description;
    }
  }
  // Both verdicts must be well represented, or the test checks little.
  EXPECT_GT(refuted, 50);
  EXPECT_GT(proved, 50);
}

// DESIGN §4's encoding facts over all strings.
TEST(VerifierEncodingDifferential, DesignEncodingFacts) {
  struct Fact {
    std::string left;
    std::string right;
    bool included;
  };
  const std::vector<Fact> facts = {
      {"*", "*:*", false},          {"s3:*", "s3:?*", false},          {"s3*", "s3:*", false},
      {"s3:delete*object*", "s3:*object*", true}, {"s3:put*object", "s3:*object*", true},
      {"kms:*encrypt*", "kms:*crypt*", true},     {"s3:get*", "s3:*", true},
  };
  for (const auto& fact : facts) {
    const Query query = inclusion_query({fact.left}, {fact.right});
    const auto automaton = decide_with_automaton(query, 10);
    EXPECT_EQ(automaton.verdict, fact.included ? Verdict::kProved : Verdict::kCounterexample)
        << fact.left << " ⊆ " << fact.right;
    const auto cvc5 = decide_with_cvc5(query, 20);
    EXPECT_EQ(cvc5.verdict, fact.included ? Verdict::kProved : Verdict::kCounterexample) << fact.left << " ⊆ " << fact.right;
  }
}

}  // namespace
}  // namespace leastpriv::verifier
