// The query encoding: SMT-LIB text shape, string escaping, trie-shaped word sets, service
// groups, the domain's fresh character, and the automaton on hand-picked cases.
#include "verifier/decide/automaton.h"
#include "verifier/encode/query.h"

#include <gtest/gtest.h>

namespace leastpriv::verifier {
namespace {

TEST(VerifierQuery, StringLiteralsEscapeEverythingButPlainActionCharacters) {
  EXPECT_EQ(smtlib_string_literal("s3:getobject"), "\"s3:getobject\"");
  EXPECT_EQ(smtlib_string_literal("a\"b\\c"), "\"a\\u{22}b\\u{5c}c\"");
  EXPECT_EQ(smtlib_string_literal("A "), "\"\\u{41}\\u{20}\"");
}

TEST(VerifierQuery, LiteralServiceIsTheTextBeforeTheColonWithoutWildcards) {
  EXPECT_EQ(literal_service("s3:get*"), "s3");
  EXPECT_EQ(literal_service("s3*:list*"), "");
  EXPECT_EQ(literal_service("*"), "");
  EXPECT_EQ(literal_service("s3getobject"), "");
  EXPECT_EQ(literal_service("s?:get"), "");
}

TEST(VerifierQuery, GlobTextUsesReAllAndAllChar) {
  Query query;
  query.group.services = {"s3"};
  Literal literal;
  literal.language.globs = {"s3:get?b**"};
  query.literals = {literal};
  const std::string text = query_to_smtlib(query);
  EXPECT_NE(text.find("(re.++ (str.to_re \"s3:get\") re.allchar (str.to_re \"b\") re.all)"), std::string::npos) << text;
  EXPECT_NE(text.find("(declare-const x String)"), std::string::npos);
  EXPECT_NE(text.find("(check-sat)"), std::string::npos);
}

TEST(VerifierQuery, WordsBecomeAPrefixTree) {
  Literal literal;
  literal.language.words = {"s3:getobject", "s3:getobjectacl", "s3:getbucketacl"};
  literal.member = false;  // a required literal's words are constants instead (split_queries_test)
  Literal anything;
  anything.language.globs = {"s3:*"};
  Query query;
  query.group.other = true;
  query.literals = {anything, literal};
  const std::string text = query_to_smtlib(query);
  // The shared prefix `s3:get` appears once.
  EXPECT_EQ(text.find("s3:get"), text.rfind("s3:get")) << text;
}

TEST(VerifierQuery, RestrictToGroupDropsGlobsOfOtherServices) {
  Query query;
  Literal literal;
  literal.language.globs = {"s3:get*", "kms:*", "*:list*"};
  literal.language.words = {"s3:getobject", "kms:decrypt"};
  query.literals = {literal};
  ServiceGroup s3;
  s3.services = {"s3"};
  const Query restricted = restrict_to_group(query, s3);
  EXPECT_EQ(restricted.literals[0].language.globs, (std::vector<std::string>{"s3:get*", "*:list*"}));
  EXPECT_EQ(restricted.literals[0].language.words, (std::vector<std::string>{"s3:getobject"}));
  ServiceGroup other;
  other.services = {"s3", "kms"};
  other.other = true;
  EXPECT_EQ(restrict_to_group(query, other).literals[0].language.globs, (std::vector<std::string>{"*:list*"}));
}

TEST(VerifierAutomaton, FindsShortestCounterexampleInsideTheGroup) {
  Query query;
  query.group.services = {"s3"};
  Literal result;
  result.language.globs = {"s3:*"};
  Literal original;
  original.member = false;
  original.language.globs = {"s3:get*"};
  query.literals = {result, original};
  const auto verdict = decide_with_automaton(query, 10);
  ASSERT_EQ(verdict.verdict, Verdict::kCounterexample);
  EXPECT_EQ(verdict.counterexample, "s3:");
}

TEST(VerifierAutomaton, ComplementsAreNotActionStatements) {
  // NotAction [iam:*] allows kms:decrypt; NotAction [iam:*, kms:*] does not.
  Query query;
  query.group.other = true;
  Literal word;
  word.language.words = {"kms:decrypt"};
  Literal allows;
  allows.language.complements = {{"iam:*", "kms:*"}};
  query.literals = {word, allows};
  EXPECT_EQ(decide_with_automaton(query, 10).verdict, Verdict::kProved);
  query.literals[1].language.complements = {{"iam:*"}};
  EXPECT_EQ(decide_with_automaton(query, 10).verdict, Verdict::kCounterexample);
}

TEST(VerifierAutomaton, OtherGroupExcludesNamedServices) {
  Query query;
  query.group.services = {"s3"};
  query.group.other = true;
  Literal wide;
  wide.language.globs = {"s3*:list*"};
  query.literals = {wide};
  const auto verdict = decide_with_automaton(query, 10);
  ASSERT_EQ(verdict.verdict, Verdict::kCounterexample);
  EXPECT_NE(verdict.counterexample.rfind("s3:", 0), 0U) << verdict.counterexample;
  EXPECT_TRUE(glob_matches("s3*:list*", verdict.counterexample));
}

// `fewest`-shaped results: hundreds of interior-wildcard globs under a few wide originals. Proved
// quickly (the originals' trailing `*` ends each branch), and exactly: one uncovered infix glob,
// or one uncovered plain name among them, is found.
TEST(VerifierAutomaton, UnionOfInteriorWildcardGlobsIsDecidedExactly) {
  Query query;
  query.group.services = {"ec2"};
  Literal result;
  for (char a = 'a'; a <= 'z'; ++a) {
    for (char b = 'a'; b <= 'h'; ++b) {
      result.language.globs.push_back(std::string("ec2:describe*") + a + b + "*attribute");
      result.language.globs.push_back(std::string("ec2:*") + a + "vpc" + b + "*");
    }
  }
  result.language.globs.push_back("ec2:getconsoleoutput");
  Literal original;
  original.member = false;
  original.language.globs = {"ec2:describe*", "ec2:*vpc*", "ec2:get*"};
  query.literals = {result, original};
  const auto proved = decide_with_automaton(query, 30);
  EXPECT_EQ(proved.verdict, Verdict::kProved) << proved.reason;

  query.literals[0].language.globs.push_back("ec2:modify*subnet*");
  const auto refuted = decide_with_automaton(query, 30);
  ASSERT_EQ(refuted.verdict, Verdict::kCounterexample) << refuted.reason;
  EXPECT_TRUE(glob_matches("ec2:modify*subnet*", refuted.counterexample)) << refuted.counterexample;

  query.literals[0].language.globs.pop_back();
  query.literals[0].language.globs.push_back("ec2:runinstances");
  const auto plain = decide_with_automaton(query, 30);
  ASSERT_EQ(plain.verdict, Verdict::kCounterexample) << plain.reason;
  EXPECT_EQ(plain.counterexample, "ec2:runinstances");
}

// An original with many infix globs (`sagemaker:*Model*`-style): once one of them has matched,
// no extension can leave the original, and the search must stop there. Without that pruning it
// tracks which of the sixteen have matched, 2^16 subsets, and runs out of its time.
TEST(VerifierAutomaton, ForbiddenGlobThatAcceptsEveryExtensionEndsTheSearch) {
  const std::string letters = "abcdefghijklmnopqrstuvwxyz012345";
  std::vector<std::string> infixes;
  for (std::size_t i = 0; i + 1 < letters.size(); i += 2) infixes.push_back("sm:*" + letters.substr(i, 2) + "*");
  Query query;
  query.group.services = {"sm"};
  Literal result;
  result.language.globs = infixes;
  Literal original;
  original.member = false;
  original.language.globs = infixes;
  query.literals = {result, original};
  const auto proved = decide_with_automaton(query, 10);
  EXPECT_EQ(proved.verdict, Verdict::kProved) << proved.reason;

  query.literals[1].language.globs.pop_back();  // `sm:*45*` is no longer covered
  const auto refuted = decide_with_automaton(query, 10);
  ASSERT_EQ(refuted.verdict, Verdict::kCounterexample) << refuted.reason;
  EXPECT_EQ(refuted.counterexample, "sm:45");
}

// Issue 11 item 4: when the query names every printable character of the domain, the fresh
// character that stands for all the others is not printable, and the automaton still finds
// that `s3:x?` allows a string none of the 67 names `s3:x<c>` does (`s3:x\x7f`).
TEST(VerifierAutomaton, AQueryThatNamesEveryPrintableCharacterStillHasAFreshOne) {
  Literal result;
  result.language.globs = {"s3:x?"};
  Literal original;
  original.member = false;
  for (int c = ' '; c <= '~'; ++c) {
    if ((c >= 'A' && c <= 'Z') || c == '*' || c == '?') continue;
    original.language.globs.push_back("s3:x" + std::string(1, static_cast<char>(c)));
  }
  ASSERT_EQ(original.language.globs.size(), 67U);
  Query query;
  query.group.services = {"s3"};
  query.literals = {result, original};
  const std::string fresh = fresh_domain_character(query);
  ASSERT_EQ(fresh.size(), 1U);
  EXPECT_FALSE(fresh[0] >= ' ' && fresh[0] <= '~') << "fresh `" << fresh << "` is named by the query";
  const auto verdict = decide_with_automaton(query, 10);
  ASSERT_EQ(verdict.verdict, Verdict::kCounterexample) << verdict.reason;
  EXPECT_EQ(verdict.counterexample, "s3:x" + fresh);
  EXPECT_TRUE(glob_matches("s3:x?", verdict.counterexample));

  // With one printable character left unnamed, it is the fresh one (counterexamples stay readable).
  query.literals[1].language.globs.erase(query.literals[1].language.globs.begin());  // `s3:x ` (space)
  EXPECT_EQ(fresh_domain_character(query), " ");
  EXPECT_EQ(decide_with_automaton(query, 10).counterexample, "s3:x ");
}

}  // namespace
}  // namespace leastpriv::verifier
