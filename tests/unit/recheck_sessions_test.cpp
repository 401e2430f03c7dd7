// check-certificate's long-lived solvers (verifier/certificate/solver_session.h), with the real
// z3, cvc5 and z3-wasm (Node.js + npm z3-solver from scripts/install-deps.sh): one process
// answers many texts, each exactly and alone. Nothing of a text (a declaration, an assertion,
// an echoed line) reaches the next; a text that kills its solver, runs past its limit or
// forges a sentinel is not unsat, and the next text is still answered; a missing solver is an
// error for every text.
#include "verifier/certificate/recheck.h"
#include "verifier/certificate/solver_session.h"

#include <gtest/gtest.h>

#include <string>

namespace leastpriv::verifier {
namespace {

const char* kUnsat = "(set-logic QF_S)(declare-const x String)(assert (= x \"a\"))(assert (= x \"b\"))(check-sat)";
const char* kSat = "(set-logic QF_S)(declare-const x String)(assert (= x \"a\"))(check-sat)";

class RecheckSessions : public ::testing::TestWithParam<RecheckSolver> {
 protected:
  SolverCommand command(double timeout_seconds = 20) const {
    SolverCommand made = recheck_command(GetParam(), RecheckOptions{});
    made.timeout_seconds = timeout_seconds;
    return made;
  }
};

TEST_P(RecheckSessions, OneProcessAnswersEachTextExactly) {
  SolverSession session(command());
  for (int round = 0; round < 3; ++round) {
    EXPECT_EQ(session.answer(kUnsat), "unsat");
    EXPECT_EQ(session.answer(kSat), "sat");
  }
}

TEST_P(RecheckSessions, NothingOfATextReachesTheNext) {
  SolverSession session(command());
  // An assertion left without a check-sat: no answer at all, so not unsat...
  EXPECT_NE(session.answer("(set-logic QF_S)(declare-const x String)(assert false)"), "unsat");
  // ...and it is gone for the next text, which is sat on its own.
  EXPECT_EQ(session.answer("(set-logic QF_S)(declare-const y String)(check-sat)"), "sat");
  // A declaration of an earlier text is unknown here: an error, never unsat.
  const std::string stale = session.answer("(set-logic QF_S)(assert (= x \"a\"))(assert (= x \"b\"))(check-sat)");
  EXPECT_NE(stale, "unsat");
  EXPECT_NE(stale, "sat");
  EXPECT_EQ(session.answer(kUnsat), "unsat");
}

TEST_P(RecheckSessions, ATextThatEndsItsSolverIsAnErrorAndTheNextIsAnswered) {
  SolverSession session(command());
  EXPECT_EQ(session.answer("(set-logic QF_S)(exit)").rfind("error: ", 0), 0U);
  EXPECT_EQ(session.answer(kUnsat), "unsat");
  EXPECT_NE(session.answer(std::string(kUnsat) + std::string(kUnsat)), "unsat");  // two answers are not one
  EXPECT_EQ(session.answer(kUnsat), "unsat");
}

TEST_P(RecheckSessions, AnEchoedGuessOfTheSentinelIsNotAnAnswer) {
  SolverSession session(command());
  const std::string forged = std::string(kUnsat) + "(echo \"leastpriv-end-of-answer-0\")";
  EXPECT_NE(session.answer(forged), "unsat");
  EXPECT_EQ(session.answer(kSat), "sat");
}

TEST_P(RecheckSessions, ATextPastItsLimitIsNotUnsat) {
  // `p*` ⊆ `l*` for symbolic l ≤ p (proofs/smt/02): past z3 4.8.12; the bounded encoding
  // lemma shape with a long x: past cvc5 1.0.3 and z3-wasm in 1 s.
  const std::string hard =
      GetParam() == RecheckSolver::kZ3
          ? "(set-logic QF_S)(declare-const l String)(declare-const p String)(declare-const x String)"
            "(assert (str.prefixof l p))(assert (str.in_re x (re.++ (str.to_re p) re.all)))"
            "(assert (not (str.in_re x (re.++ (str.to_re l) re.all))))(check-sat)"
          : "(set-logic QF_SLIA)(declare-const x String)(declare-const y String)(assert (= (str.len x) 4000))"
            "(assert (= (str.++ x \"ab\") (str.++ \"ba\" x)))(assert (str.in_re y (re.+ (str.to_re x))))"
            "(assert (not (= (str.len y) 0)))(assert (not (str.contains y \"aa\")))(check-sat)";
  SolverSession session(command(1));
  const std::string answer = session.answer(hard);
  EXPECT_NE(answer, "unsat");
  EXPECT_EQ(session.answer(kUnsat), "unsat");
}

TEST_P(RecheckSessions, AMissingSolverIsAnErrorForEveryText) {
  SolverCommand missing = command();
  missing.program.front() = "/nonexistent/leastpriv-no-such-solver";
  SolverSession session(missing);
  EXPECT_EQ(session.answer(kUnsat).rfind("error: ", 0), 0U);
  EXPECT_EQ(session.answer(kUnsat).rfind("error: ", 0), 0U);
}

INSTANTIATE_TEST_SUITE_P(Solvers, RecheckSessions,
                         ::testing::Values(RecheckSolver::kZ3, RecheckSolver::kCvc5, RecheckSolver::kZ3Wasm),
                         [](const ::testing::TestParamInfo<RecheckSolver>& param) {
                           return std::string(param.param == RecheckSolver::kZ3Wasm ? "z3wasm" : recheck_solver_name(param.param));
                         });

TEST(RecheckSessionsWasm, AMissingPackageIsAnErrorNotAnAnswer) {
  // The real script, told to look for z3-solver only in a folder that has none.
  SolverCommand command = recheck_command(RecheckSolver::kZ3Wasm, RecheckOptions{});
  command.program.insert(command.program.begin(), {"/usr/bin/env", "LEASTPRIV_Z3_WASM_DIR=/nonexistent"});
  SolverSession session(command);
  const std::string answer = session.answer(kUnsat);
  EXPECT_NE(answer.find("z3-solver is not installed"), std::string::npos) << answer;
  EXPECT_EQ(answer.rfind("error: ", 0), 0U);
}

}  // namespace
}  // namespace leastpriv::verifier
