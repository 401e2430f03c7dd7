// split_queries and the drawn literal of the SMT-LIB text: which literal's names become
// constants, which patterns become parts of their own (`lit*` as "lit" ++ y), and that every
// shape is still decided the same way by Z3, cvc5 and the automaton.
#include "verifier/decide/automaton.h"
#include "verifier/decide/solvers.h"
#include "verifier/encode/query.h"
#include "verifier/encode/split_queries.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace leastpriv::verifier {
namespace {

Literal literal(std::vector<std::string> globs, bool member, std::vector<std::string> words = {}) {
  Literal out;
  out.language.globs = std::move(globs);
  out.language.words = std::move(words);
  out.member = member;
  out.label = member ? "result" : "original";
  return out;
}

QueryTask soundness_task(std::vector<std::string> result, std::vector<std::string> original) {
  QueryTask task;
  task.kind = ObligationKind::kSoundness;
  task.scope_index = 1;
  task.query.group.services = {"ec2", "s3"};
  task.query.literals = {literal(std::move(result), true), literal(std::move(original), false)};
  task.query.comment = "O1 soundness, scope 1";
  return task;
}

TEST(DrawnLiteral, PrefersALiteralOfWordsOnlyElseTheFirstWithAWordElseTheFirstRequired) {
  Query query;
  query.literals = {literal({"s3:get*", "s3:getobject"}, true), literal({}, true, {"s3:a", "s3:b"}),
                    literal({"s3:list*"}, false)};
  const DrawnLiteral split = drawn_literal(query);
  EXPECT_EQ(split.literal, 1);
  EXPECT_EQ(split.words, (std::vector<std::string>{"s3:a", "s3:b"}));
  EXPECT_TRUE(split.rest.is_empty_union());

  query.literals[1].language.globs = {"s3:c*"};
  const DrawnLiteral mixed = drawn_literal(query);
  EXPECT_EQ(mixed.literal, 0);
  EXPECT_EQ(mixed.words, (std::vector<std::string>{"s3:getobject"}));
  EXPECT_EQ(mixed.rest.globs, (std::vector<std::string>{"s3:get*"}));

  query.literals = {literal({"s3:list"}, false), literal({"s3:get*"}, true)};
  const DrawnLiteral patterns = drawn_literal(query);
  EXPECT_EQ(patterns.literal, 1) << "a forbidden literal's names are never constants";
  EXPECT_TRUE(patterns.words.empty());

  query.literals = {literal({"s3:list"}, false)};
  EXPECT_EQ(drawn_literal(query).literal, -1);
}

TEST(DrawnLiteral, TextTestsNamesAsConstantsAndDeclaresXOnlyForPatterns) {
  Query query;
  query.literals = {literal({"s3:getobject", "s3:list*"}, true), literal({"s3:*"}, false)};
  const std::string mixed = query_to_smtlib(query);
  EXPECT_NE(mixed.find("(define-fun q () RegLan"), std::string::npos) << mixed;
  EXPECT_NE(mixed.find("(str.in_re \"s3:getobject\" q)"), std::string::npos) << mixed;
  EXPECT_NE(mixed.find("(declare-const x String)"), std::string::npos) << mixed;
  EXPECT_NE(mixed.find("(declare-const y String)"), std::string::npos) << mixed;
  EXPECT_NE(mixed.find("(and (= x (str.++ \"s3:list\" y)) (str.in_re (str.++ \"s3:list\" y) q))"), std::string::npos)
      << mixed;

  query.literals[0].language.globs = {"s3:getobject", "s3:*list"};
  const std::string infix = query_to_smtlib(query);
  EXPECT_EQ(infix.find("declare-const y"), std::string::npos) << infix;
  EXPECT_NE(infix.find("(str.in_re x (re.inter (re.++ (str.to_re \"s3:\") re.all (str.to_re \"list\")) q))"), std::string::npos)
      << infix;

  query.literals[0].language.globs = {"s3:getobject", "s3:putobject"};
  const std::string ground = query_to_smtlib(query);
  EXPECT_EQ(ground.find("declare-const x"), std::string::npos) << ground;
  EXPECT_NE(ground.find("(assert (or\n  (str.in_re \"s3:getobject\" q)\n  (str.in_re \"s3:putobject\" q)\n))"),
            std::string::npos)
      << ground;
}

TEST(DrawnLiteral, OnlyATrailingStarAfterPlainTextIsAPrefix) {
  EXPECT_EQ(prefix_of_prefix_glob("s3:get*"), "s3:get");
  EXPECT_EQ(prefix_of_prefix_glob("s3:get**"), "");
  EXPECT_EQ(prefix_of_prefix_glob("*"), "");
  EXPECT_EQ(prefix_of_prefix_glob("s3:g?t*"), "");
  EXPECT_EQ(prefix_of_prefix_glob("s3:*object*"), "");
  EXPECT_EQ(prefix_of_prefix_glob("s3:getobject"), "");
}

// A result of one prefix pattern and nothing else: x is still drawn from it, as "lit" ++ y.
TEST(DrawnLiteral, APatternWithoutNamesIsAskedAsAPrefix) {
  Query query;
  query.group.services = {"s3"};
  query.literals = {literal({"s3:getobject*"}, true), literal({"s3:get*"}, false)};
  const std::string text = query_to_smtlib(query);
  EXPECT_NE(text.find("(assert\n  ; x matches `s3:getobject*`\n  (and (= x (str.++ \"s3:getobject\" y)) "
                      "(str.in_re (str.++ \"s3:getobject\" y) q))\n)"),
            std::string::npos)
      << text;
  EXPECT_EQ(decide_with_z3(text, 10).verdict, Verdict::kProved);
  EXPECT_EQ(decide_with_cvc5(query, 10).verdict, Verdict::kProved);
  query.literals[1].language.globs = {"s3:getobjecta*"};
  const auto z3 = decide_with_z3(query_to_smtlib(query), 10);
  ASSERT_EQ(z3.verdict, Verdict::kCounterexample);
  EXPECT_EQ(z3.counterexample.rfind("s3:getobject", 0), 0U) << z3.counterexample;
  const auto cvc5 = decide_with_cvc5(query, 10);
  ASSERT_EQ(cvc5.verdict, Verdict::kCounterexample);
  EXPECT_EQ(cvc5.counterexample.rfind("s3:getobject", 0), 0U) << cvc5.counterexample;
}

TEST(SplitQueries, OnePartForTheNamesAndOnePerPatternEachInItsService) {
  auto tasks = split_queries({soundness_task({"s3:getobject", "ec2:describe*", "s3:list*", "ec2:getx"},
                                             {"s3:*", "ec2:describe*"})});
  ASSERT_EQ(tasks.size(), 3U);
  EXPECT_EQ(tasks[0].part, "names");
  EXPECT_TRUE(tasks[0].ground);
  EXPECT_EQ(tasks[0].query.literals[0].language.words, (std::vector<std::string>{"ec2:getx", "s3:getobject"}));
  EXPECT_EQ(tasks[0].query.group.services, (std::vector<std::string>{"ec2", "s3"}));
  EXPECT_EQ(tasks[1].part, "ec2:describe*");
  EXPECT_EQ(tasks[1].query.group.services, (std::vector<std::string>{"ec2"}));
  EXPECT_EQ(tasks[1].query.literals[1].language.globs, (std::vector<std::string>{"ec2:describe*"}))
      << "the forbidden literal keeps only the part's service";
  EXPECT_EQ(tasks[2].part, "s3:list*");
  EXPECT_EQ(tasks[2].query.group.services, (std::vector<std::string>{"s3"}));
}

TEST(SplitQueries, AQueryWithOnePatternIsLeftWhole) {
  const auto tasks = split_queries({soundness_task({"s3:getobject", "s3:list*"}, {"s3:*"})});
  ASSERT_EQ(tasks.size(), 1U);
  EXPECT_TRUE(tasks[0].part.empty());
}

// The parts decide what the whole decided: a counterexample in one pattern is found in its
// part, by every procedure, and the other parts are proved.
TEST(SplitQueries, PartsAreDecidedLikeTheWholeByEveryProcedure) {
  const auto whole = soundness_task({"s3:getobject", "s3:list*", "ec2:describe*"}, {"s3:get*", "ec2:*"});
  EXPECT_EQ(decide_with_automaton(whole.query, 10).verdict, Verdict::kCounterexample);
  const auto parts = split_queries({whole});
  ASSERT_EQ(parts.size(), 3U);
  for (const auto& part : parts) {
    const bool refuted = part.part == "s3:list*";
    const Verdict expected = refuted ? Verdict::kCounterexample : Verdict::kProved;
    const std::string text = query_to_smtlib(part.query);
    for (const auto& verdict : {decide_with_automaton(part.query, 10), decide_with_z3(text, 10), decide_with_cvc5(part.query, 10)}) {
      EXPECT_EQ(verdict.verdict, expected) << verdict.procedure << " on " << part.part << "\n" << text;
      if (refuted) {
        EXPECT_EQ(verdict.counterexample.rfind("s3:list", 0), 0U) << verdict.procedure;
      }
    }
  }
}

// A ground text's counterexample is the name whose constant membership holds, for both solvers.
TEST(DrawnLiteral, SolversNameTheWordThatIsACounterexample) {
  Query query;
  query.group.services = {"s3"};
  query.literals = {literal({}, true, {"s3:getobject", "s3:putobject", "s3:listbuckets"}), literal({"s3:get*", "s3:list*"}, false)};
  const std::string text = query_to_smtlib(query);
  for (const auto& verdict : {decide_with_z3(text, 10), decide_with_cvc5(query, 10), decide_with_z3(text, 10, "s3:putobject"),
                              decide_with_cvc5(query, 10, "s3:putobject")}) {
    EXPECT_EQ(verdict.verdict, Verdict::kCounterexample) << verdict.procedure;
    EXPECT_EQ(verdict.counterexample, "s3:putobject") << verdict.procedure;
  }
  query.literals[1].language.globs.push_back("s3:put*");
  EXPECT_EQ(decide_with_z3(query_to_smtlib(query), 10).verdict, Verdict::kProved);
  EXPECT_EQ(decide_with_cvc5(query, 10).verdict, Verdict::kProved);
}

// A wholly ground query whose names are lower-case and in the group tests them against q
// without the domain and the group (proofs/smt/41); any other keeps both.
TEST(DrawnLiteral, NamesInTheDomainAndGroupAreTestedWithoutThem) {
  Query query;
  query.group.services = {"ec2", "s3"};
  query.literals = {literal({}, true, {"s3:getobject", "ec2:runinstances"}), literal({"s3:get*"}, false)};
  ASSERT_TRUE(names_in_domain_and_group(query, drawn_literal(query)));
  const std::string text = query_to_smtlib(query);
  EXPECT_EQ(text.find("; domain:"), std::string::npos) << text;
  EXPECT_EQ(text.find("; group:"), std::string::npos) << text;
  for (const auto& verdict : {decide_with_automaton(query, 10), decide_with_z3(text, 10), decide_with_cvc5(query, 10)}) {
    EXPECT_EQ(verdict.verdict, Verdict::kCounterexample) << verdict.procedure << "\n" << text;
    EXPECT_EQ(verdict.counterexample, "ec2:runinstances") << verdict.procedure;
  }

  // An upper-case name is outside the domain: it is kept, and no procedure takes it.
  query.literals[0].language.words = {"s3:getobject", "ec2:RunInstances"};
  ASSERT_FALSE(names_in_domain_and_group(query, drawn_literal(query)));
  const std::string upper = query_to_smtlib(query);
  EXPECT_NE(upper.find("; domain:"), std::string::npos) << upper;
  for (const auto& verdict : {decide_with_automaton(query, 10), decide_with_z3(upper, 10), decide_with_cvc5(query, 10)}) {
    EXPECT_EQ(verdict.verdict, Verdict::kProved) << verdict.procedure << "\n" << upper;
  }

  // A name of another service, and a pattern to draw x from, keep them too.
  query.literals[0].language.words = {"s3:getobject", "iam:getrole"};
  EXPECT_FALSE(names_in_domain_and_group(query, drawn_literal(query)));
  EXPECT_EQ(decide_with_z3(query_to_smtlib(query), 10).verdict, Verdict::kProved);
  EXPECT_EQ(decide_with_cvc5(query, 10).verdict, Verdict::kProved);
  query.literals[0].language.words = {"ec2:runinstances"};
  query.literals[0].language.globs = {"ec2:describe*"};
  EXPECT_FALSE(names_in_domain_and_group(query, drawn_literal(query)));
}

// Whenever the check passes, each name really is in the domain and the group as both solvers
// read them: asked with a pattern beside it (so q keeps both), the name is the counterexample.
TEST(DrawnLiteral, TheNamesCheckAgreesWithTheSolversDomainAndGroup) {
  const std::vector<std::string> words = {"s3:getobject", "s3-outposts:getobject", "ec2:x", "iam:getrole",
                                          "s3:Get", "s3", "s3express:a", ":s3:a", "s3:a:b"};
  std::vector<ServiceGroup> groups(3);
  groups[0].services = {"s3", "ec2"};
  groups[1].services = {"s3-outposts"};
  groups[2].services = {"s3", "iam"};
  groups[2].other = true;
  for (const auto& group : groups) {
    for (const auto& word : words) {
      Query ground;
      ground.group = group;
      ground.literals = {literal({}, true, {word})};
      Query with_domain = ground;
      with_domain.literals[0].language.globs = {"zz:never*"};
      with_domain.literals.push_back(literal({"zz:*"}, false));
      const bool checked = names_in_domain_and_group(ground, drawn_literal(ground));
      const auto z3 = decide_with_z3(query_to_smtlib(with_domain), 10);
      const auto cvc5 = decide_with_cvc5(with_domain, 10);
      const auto automaton = decide_with_automaton(with_domain, 10);
      for (const auto& verdict : {z3, cvc5, automaton}) {
        ASSERT_NE(verdict.verdict, Verdict::kUnknown) << verdict.procedure << " " << word;
        if (checked) {
          EXPECT_EQ(verdict.verdict, Verdict::kCounterexample) << verdict.procedure << " " << word;
          EXPECT_EQ(verdict.counterexample, word) << verdict.procedure;
        }
      }
      EXPECT_EQ(z3.verdict, cvc5.verdict) << word;
      EXPECT_EQ(z3.verdict, automaton.verdict) << word;
    }
  }
}

}  // namespace
}  // namespace leastpriv::verifier
