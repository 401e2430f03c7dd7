// Tests of glob-in-glob inclusion (engine/match/glob_inclusion.h): hand cases from DESIGN §4, and an
// exhaustive comparison with the spec's reference matcher over a tiny alphabet, in the manner
// of re2's exhaustive tester.
#include "engine/match/glob_inclusion.h"
#include "spec/reference_matcher.h"
#include "tests/support/test_support.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

namespace leastpriv::engine {
namespace {

TEST(GlobInclusion, InfixPatternsFromTheDesign) {
  EXPECT_TRUE(glob_includes("s3:*object*", "s3:delete*object*"));
  EXPECT_TRUE(glob_includes("s3:*object*", "s3:put*object"));
  EXPECT_TRUE(glob_includes("kms:*crypt*", "kms:*encrypt*"));
  EXPECT_TRUE(glob_includes("s3:Get*", "s3:Get*Tagging"));
  EXPECT_TRUE(glob_includes("*:Get*", "s3:GetObject*"));
  EXPECT_FALSE(glob_includes("*:Get*", "s3:*Tagging"));
  EXPECT_FALSE(glob_includes("s3:*object*", "s3:*obj*"));
}

TEST(GlobInclusion, EdgeCasesOverAllStrings) {
  EXPECT_EQ(glob_inclusion_witness("*:*", "*"), std::optional<std::string>(""));
  EXPECT_EQ(glob_inclusion_witness("s3:?*", "s3:*"), std::optional<std::string>("s3:"));
  EXPECT_EQ(glob_inclusion_witness("s3:*", "s3*"), std::optional<std::string>("s3"));
  EXPECT_TRUE(glob_includes("S3:GET*", "s3:getobject"));  // case-insensitive
  EXPECT_TRUE(glob_includes("a?c", "a?c"));
  EXPECT_FALSE(glob_includes("a?c", "a*c"));
}

// Every pair of globs over {a, b, *, ?} up to length 3: a claimed inclusion has no
// counterexample among all strings over {a, b, c} up to length 7, and a claimed
// non-inclusion comes with a witness the reference matcher confirms.
TEST(GlobInclusion, AgreesWithTheReferenceMatcherExhaustively) {
  const auto patterns = testing::all_words("ab*?", 3);
  const auto strings = testing::all_words("abc", 7);
  std::size_t included = 0;
  for (const auto& outer : patterns) {
    for (const auto& inner : patterns) {
      const auto witness = glob_inclusion_witness(outer, inner);
      if (witness) {
        EXPECT_TRUE(spec::reference_matches(inner, *witness)) << inner << " vs " << outer << " witness " << *witness;
        EXPECT_FALSE(spec::reference_matches(outer, *witness)) << inner << " vs " << outer << " witness " << *witness;
        continue;
      }
      ++included;
      for (const auto& s : strings) {
        if (spec::reference_matches(inner, s)) {
          ASSERT_TRUE(spec::reference_matches(outer, s)) << "`" << inner << "` claimed inside `" << outer << "`, but `" << s << "`";
        }
      }
    }
  }
  EXPECT_GT(included, 200u);  // the test exercises both answers
}

// glob_includes answers an outer glob without `?` by one match of a fresh-character word, and
// glob_includes_within by the search when the budget allows: both must agree with the
// search's witness on every pair of globs over {a, b, *, ?} up to length 4.
TEST(GlobInclusion, OneMatchAndBudgetedSearchAgreeWithTheWitnessSearch) {
  const auto patterns = testing::all_words("ab*?", 4);
  std::size_t without_question = 0;
  for (const auto& outer : patterns) {
    without_question += outer.find('?') == std::string::npos ? 1 : 0;
    for (const auto& inner : patterns) {
      const bool included = !glob_inclusion_witness(outer, inner).has_value();
      ASSERT_EQ(glob_includes(outer, inner), included) << "`" << inner << "` in `" << outer << "`";
      std::size_t steps = 1'000'000;
      ASSERT_EQ(glob_includes_within(outer, inner, steps), std::optional<bool>(included)) << "`" << inner << "` in `" << outer << "`";
    }
  }
  EXPECT_GT(without_question, 20u);
}

// Issue 12 row 4: an outer glob with many `?` after a `*` has exponentially many reachable
// state sets. `svc:abab…ab*` is inside `svc:*a??…?b*` (its own first `a` and twentieth
// character do it), but after the literal the search meets every set of the last 19
// characters read. Within a budget it stops and says it does not know; the steps it took are
// what the budget lost.
TEST(GlobInclusion, Row4_BudgetedSearchStopsOnExponentialOuterGlobs) {
  std::string abab;
  for (int i = 0; i < 10; ++i) abab += "ab";
  const std::string outer = "svc:*a" + std::string(18, '?') + "b*";
  std::size_t steps = 20'000;
  EXPECT_EQ(glob_includes_within(outer, "svc:" + abab + "*", steps), std::nullopt);
  EXPECT_EQ(steps, 0u);
  // The same shape with two `?` is decided well within the same budget.
  steps = 20'000;
  EXPECT_EQ(glob_includes_within("svc:*a??b*", "svc:abab*", steps), std::optional<bool>(true));
  EXPECT_GT(steps, 0u);
  EXPECT_EQ(glob_includes_within("svc:*a??b*", "svc:ab*", steps), std::optional<bool>(false));
}

// The shortcuts of glob_includes_all_with_prefix must give the inclusion check's own answer:
// every glob over {a, b, :, *, ?} up to length 4 against every prefix over {a, b, :} up to
// length 3.
TEST(GlobInclusion, PrefixShortcutsAgreeWithTheInclusionCheck) {
  const auto globs = testing::all_words("ab:*?", 4);
  const auto prefixes = testing::all_words("ab:", 3);
  std::size_t included = 0;
  for (const auto& glob : globs) {
    for (const auto& prefix : prefixes) {
      const bool expected = glob_includes(glob, prefix + "*");
      ASSERT_EQ(glob_includes_all_with_prefix(glob, prefix), expected) << "`" << glob << "` against `" << prefix << "`";
      included += expected ? 1 : 0;
    }
  }
  EXPECT_GT(included, 100u);  // both answers exercised
}

}  // namespace
}  // namespace leastpriv::engine
