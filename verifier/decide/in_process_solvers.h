// The two SMT solvers of the portfolio, in-process: Z3 through its C++ API reading the very
// SMT-LIB2 text the certificate carries, and cvc5 through its C++ API building the same
// regular expressions as terms (a second, independent printer/parser path). Built into the
// solver module (solver_module.cpp), loaded on first use (solvers.h), so that a start that
// verifies nothing does not pay for mapping libz3, libcvc5 and theirs.
//
// Tested by: tests/differential/z3_encoding_differential_test.cpp, tests/unit/split_queries_test.cpp
//
// IMPLEMENTATION: Z3: one context per thread, kept for the thread's life (making one costs
// more than most of our queries), and a fresh simple solver (the SMT core, without the default
// solver's tactics, 4.7× less CPU on the seed's texts) per query, so no assertion outlives its
// query; the text is parsed by the context and its assertions added (the simple solver keeps
// no list of what from_string asserted, and the counterexample is read from them). cvc5: one
// solver per thread with its assertions reset before each query (a fresh one after an error).
// Nothing is shared between threads. z3++ and cvc5 exceptions are caught here and turn
// into an `unknown` verdict with the message as its reason. A model's string is read with
// Z3_get_lstring (Z3_get_string escapes) and cvc5's getStringValue; a character outside
// printable ASCII (one the query does not mention) is then shown as the query's fresh character
// (verify.cpp, printable_model), and the reference replay judges the string that results.
//
// TRUSTED: how each solver is asked and its answer read; a misread `unsat` would pass.
#pragma once

#include "verifier/decide/solver_table.h"

#include <string>

namespace leastpriv::verifier::in_process {

ProcedureVerdict decide_with_z3(const std::string& smtlib, double timeout_seconds, const std::string& pinned);
ProcedureVerdict decide_with_cvc5(const Query& query, double timeout_seconds, const std::string& pinned);
std::string z3_version_text();
std::string cvc5_version_text();

// These four, as the table the module exports.
const SolverTable& solver_table();

}  // namespace leastpriv::verifier::in_process
