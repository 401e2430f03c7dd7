// The solver module (verifier/decide/solvers.h): the binary loads Z3 and cvc5 only to verify, so
// what verifies nothing runs without the module, and a verification without it is an error
// that names the file — never a pass on the automaton's word alone, never a silent `unknown`.
// (Every other cli test that verifies loads the module from beside the binary.)
#include "tests/support/test_support.h"

#include <gtest/gtest.h>

#include <cstdlib>

namespace leastpriv {
namespace {

using testing::run_leastpriv;

// Runs leastpriv with the module looked for at a path where there is none.
testing::CommandResult without_module(const std::vector<std::string>& arguments) {
  ::setenv("LEASTPRIV_SOLVER_MODULE", "/nonexistent/leastpriv_solvers.so", 1);
  auto result = run_leastpriv(arguments);
  ::unsetenv("LEASTPRIV_SOLVER_MODULE");
  return result;
}

const std::vector<std::string> kSeed{"refine", "--policy", "examples/seed/policy.json", "--findings", "examples/seed/findings.json"};

TEST(SolverModule, WhatVerifiesNothingRunsWithoutIt) {
  EXPECT_EQ(without_module({"--version"}).exit_code, 0);
  std::vector<std::string> unverified = kSeed;
  unverified.push_back("--no-verify");
  const auto result = without_module(unverified);
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("Statement"), std::string::npos);
}

TEST(SolverModule, AVerificationWithoutItIsAnErrorNamingTheFile) {
  for (const auto& extra : {std::vector<std::string>{}, std::vector<std::string>{"--fast"}}) {
    std::vector<std::string> arguments = kSeed;
    arguments.insert(arguments.end(), extra.begin(), extra.end());
    const auto result = without_module(arguments);
    EXPECT_EQ(result.exit_code, 2) << result.err;
    EXPECT_NE(result.err.find("the solver module `/nonexistent/leastpriv_solvers.so` cannot be loaded"), std::string::npos) << result.err;
    EXPECT_EQ(result.out.find("Statement"), std::string::npos) << "nothing unverified is written";
  }
  const auto with_module = run_leastpriv(kSeed);
  EXPECT_EQ(with_module.exit_code, 0) << with_module.err;
}

}  // namespace
}  // namespace leastpriv
