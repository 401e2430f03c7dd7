// Z3 and cvc5 in-process; see in_process_solvers.h. The one file that includes z3++.h and cvc5.h.
#include "verifier/decide/in_process_solvers.h"

#include <cvc5/cvc5.h>
#include <z3++.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <memory>

namespace leastpriv::verifier::in_process {

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point began) { return std::chrono::duration<double>(Clock::now() - began).count(); }

unsigned milliseconds(double seconds) {
  const double ms = std::ceil(seconds * 1000.0);
  return ms < 1 ? 1U : ms > 4e9 ? 4000000000U : static_cast<unsigned>(ms);
}

cvc5::Term to_cvc5(const cvc5::Solver& solver, const Regex& regex) {
  std::vector<cvc5::Term> children;
  for (const auto& child : regex.children) children.push_back(to_cvc5(solver, child));
  switch (regex.kind) {
    case Regex::Kind::kNone: return solver.mkRegexpNone();
    case Regex::Kind::kAll: return solver.mkRegexpAll();
    case Regex::Kind::kAllChar: return solver.mkRegexpAllchar();
    case Regex::Kind::kRange:
      return solver.mkTerm(cvc5::REGEXP_RANGE,
                           {solver.mkString(regex.text.substr(0, 1)), solver.mkString(regex.text.substr(1, 1))});
    case Regex::Kind::kLiteral: return solver.mkTerm(cvc5::STRING_TO_REGEXP, {solver.mkString(regex.text)});
    case Regex::Kind::kConcat:
      if (children.size() == 1) return children.front();
      return solver.mkTerm(cvc5::REGEXP_CONCAT, children);
    case Regex::Kind::kUnion:
      if (children.size() == 1) return children.front();
      return solver.mkTerm(cvc5::REGEXP_UNION, children);
    case Regex::Kind::kComplement: return solver.mkTerm(cvc5::REGEXP_COMPLEMENT, children);
    case Regex::Kind::kStar: return solver.mkTerm(cvc5::REGEXP_STAR, children);
  }
  return solver.mkRegexpNone();
}

// Z3_get_string escapes characters outside printable ASCII as \u{HEX}; each becomes one
// character: itself when printable ASCII, else 0x7f (which the caller replaces and replays).
std::string decode_z3_string(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\\' && i + 2 < text.size() && text[i + 1] == 'u' && text[i + 2] == '{') {
      const auto close = text.find('}', i);
      if (close != std::string::npos) {
        const unsigned long code = std::strtoul(text.substr(i + 3, close - i - 3).c_str(), nullptr, 16);
        out += (code >= 0x20 && code <= 0x7e) ? static_cast<char>(code) : '\x7f';
        i = close;
        continue;
      }
    }
    out += text[i];
  }
  return out;
}

// A split text (query_to_smtlib) asserts (or (str.in_re "w" q) … [(str.in_re x …)]) or one such
// disjunct: the counterexample is the word of a constant disjunct the model makes true, if any.
std::string true_ground_word(z3::context& context, const z3::expr_vector& assertions, const z3::model& model) {
  for (unsigned i = 0; i < assertions.size(); ++i) {
    const z3::expr assertion = assertions[static_cast<int>(i)];
    std::vector<z3::expr> candidates;
    if (assertion.is_app() && assertion.decl().decl_kind() == Z3_OP_OR) {
      for (unsigned k = 0; k < assertion.num_args(); ++k) candidates.push_back(assertion.arg(k));
    } else {
      candidates.push_back(assertion);
    }
    for (const auto& candidate : candidates) {
      if (!candidate.is_app() || candidate.num_args() != 2 || !candidate.arg(0).is_string_value()) continue;
      if (model.eval(candidate, true).is_true()) return decode_z3_string(Z3_get_string(context, candidate.arg(0)));
    }
  }
  return {};
}

// The one assertion of a query as cvc5 terms, in the shape of query_to_smtlib's text: with no
// required literal x ∈ (domain ∩ group ∩ literals); else (or (str.in_re "w" q) … <pattern on
// x> …), q the intersection of the other literals. `words` gets each name's disjunct.
cvc5::Term membership_term(cvc5::Solver& solver, const Query& query, const cvc5::Term& x, const cvc5::Term& y,
                           std::vector<std::pair<std::string, cvc5::Term>>& words) {
  const DrawnLiteral drawn = drawn_literal(query);
  const bool names_only = names_in_domain_and_group(query, drawn);
  std::vector<cvc5::Term> parts;
  if (!names_only) parts.push_back(solver.mkTerm(cvc5::REGEXP_COMPLEMENT, {to_cvc5(solver, uppercase_regex())}));
  if (!names_only && (!query.group.services.empty() || !query.group.other)) {
    const cvc5::Term group = to_cvc5(solver, group_regex(query.group));
    parts.push_back(query.group.other ? solver.mkTerm(cvc5::REGEXP_COMPLEMENT, {group}) : group);
  }
  for (std::size_t i = 0; i < query.literals.size(); ++i) {
    if (static_cast<int>(i) == drawn.literal) continue;
    const Literal& literal = query.literals[i];
    const cvc5::Term language = to_cvc5(solver, language_regex(literal.language));
    parts.push_back(literal.member ? language : solver.mkTerm(cvc5::REGEXP_COMPLEMENT, {language}));
  }
  const cvc5::Term q = parts.empty()       ? solver.mkRegexpAll()
                      : parts.size() == 1 ? parts.front()
                                          : solver.mkTerm(cvc5::REGEXP_INTER, parts);
  if (drawn.literal < 0) return solver.mkTerm(cvc5::STRING_IN_REGEXP, {x, q});
  std::vector<cvc5::Term> disjuncts;
  for (const auto& word : drawn.words) {
    disjuncts.push_back(solver.mkTerm(cvc5::STRING_IN_REGEXP, {solver.mkString(word), q}));
    words.emplace_back(word, disjuncts.back());
  }
  for (const auto& glob : drawn.rest.globs) {
    const std::string prefix = prefix_of_prefix_glob(glob);
    if (!prefix.empty()) {
      // x = lit ++ y, asked as the membership of lit ++ y (as query_to_smtlib prints it).
      const cvc5::Term starts = solver.mkTerm(cvc5::STRING_CONCAT, {solver.mkString(prefix), y});
      disjuncts.push_back(solver.mkTerm(
          cvc5::AND, {solver.mkTerm(cvc5::EQUAL, {x, starts}), solver.mkTerm(cvc5::STRING_IN_REGEXP, {starts, q})}));
    } else {
      const cvc5::Term one = solver.mkTerm(cvc5::REGEXP_INTER, {to_cvc5(solver, glob_regex(glob)), q});
      disjuncts.push_back(solver.mkTerm(cvc5::STRING_IN_REGEXP, {x, one}));
    }
  }
  for (const auto& complement : drawn.rest.complements) {
    Language one;
    one.complements = {complement};
    const cvc5::Term inter = solver.mkTerm(cvc5::REGEXP_INTER, {to_cvc5(solver, language_regex(one)), q});
    disjuncts.push_back(solver.mkTerm(cvc5::STRING_IN_REGEXP, {x, inter}));
  }
  if (disjuncts.empty()) return solver.mkFalse();
  return disjuncts.size() == 1 ? disjuncts.front() : solver.mkTerm(cvc5::OR, disjuncts);
}

// One Z3 context per thread, kept for the thread's life: making a context (its plugins, its
// parameter tables) costs more than deciding most of our texts. Each query still gets its own
// solver, so no assertion or learnt clause outlives the query that made it.
z3::context& thread_z3_context() {
  thread_local z3::context context;
  return context;
}

std::unique_ptr<cvc5::Solver> new_cvc5_solver() {
  auto solver = std::make_unique<cvc5::Solver>();
  solver->setLogic("QF_S");
  solver->setOption("strings-exp", "true");
  solver->setOption("produce-models", "true");
  return solver;
}

// One cvc5 solver per thread, its assertions reset between queries (making a solver costs
// 0.7 ms, more than many of our queries); replaced after an error. The holder is initialised
// with a solver, so it is made after cvc5's own per-thread state and destroyed before it at
// the thread's end (an empty holder made first crashed there).
std::unique_ptr<cvc5::Solver>& thread_cvc5_solver() {
  thread_local std::unique_ptr<cvc5::Solver> solver = new_cvc5_solver();
  return solver;
}

cvc5::Solver& cvc5_solver_for_a_query() {
  auto& solver = thread_cvc5_solver();
  if (solver) {
    solver->resetAssertions();
  } else {
    solver = new_cvc5_solver();
  }
  return *solver;
}

}  // namespace

std::string z3_version_text() {
  unsigned major = 0, minor = 0, build = 0, revision = 0;
  Z3_get_version(&major, &minor, &build, &revision);
  return std::to_string(major) + "." + std::to_string(minor) + "." + std::to_string(build);
}

std::string cvc5_version_text() {
  try {
    cvc5::Solver solver;
    return solver.getVersion();
  } catch (const std::exception& error) {
    return std::string("unavailable: ") + error.what();
  }
}

ProcedureVerdict decide_with_z3(const std::string& smtlib, double timeout_seconds, const std::string& pinned) {
  const auto began = Clock::now();
  ProcedureVerdict verdict;
  verdict.procedure = "z3";
  verdict.version = z3_version_text();
  try {
    z3::context& context = thread_z3_context();
    z3::solver solver(context, z3::solver::simple());
    z3::params params(context);
    params.set("timeout", milliseconds(timeout_seconds));
    solver.set(params);
    std::string text = smtlib;
    // A ground text has no x (its words are constants): it is decided as it is.
    if (!pinned.empty() && text.find("(declare-const x String)") != std::string::npos) {
      const auto check = text.rfind("(check-sat)");
      text.insert(check == std::string::npos ? text.size() : check,
                  "; confirm one counterexample\n(assert (= x " + smtlib_string_literal(pinned) + "))\n");
      verdict.reason = "checked the given counterexample only";
    }
    // Parsed by the context, then asserted: the simple solver keeps no list of what
    // from_string asserted, and the counterexample is read from these assertions.
    const z3::expr_vector assertions = context.parse_string(text.c_str());
    for (unsigned i = 0; i < assertions.size(); ++i) solver.add(assertions[static_cast<int>(i)]);
    const auto answer = solver.check();
    if (answer == z3::unsat) {
      verdict.verdict = Verdict::kProved;
    } else if (answer == z3::sat) {
      verdict.verdict = Verdict::kCounterexample;
      const z3::model model = solver.get_model();
      // A true constant disjunct first: then x's value is whatever the model says, no counterexample.
      verdict.counterexample = true_ground_word(context, assertions, model);
      for (unsigned i = 0; i < model.num_consts() && verdict.counterexample.empty(); ++i) {
        const z3::func_decl declaration = model.get_const_decl(i);
        if (declaration.name().str() != "x") continue;
        const z3::expr value = model.get_const_interp(declaration);
        verdict.counterexample = decode_z3_string(Z3_get_string(context, value));
      }
    } else {
      verdict.reason = solver.reason_unknown();
      verdict.verdict = Verdict::kUnknown;
    }
  } catch (const z3::exception& error) {
    verdict.verdict = Verdict::kUnknown;
    verdict.reason = std::string("z3 error: ") + error.msg();
  }
  verdict.seconds = seconds_since(began);
  return verdict;
}

ProcedureVerdict decide_with_cvc5(const Query& query, double timeout_seconds, const std::string& pinned) {
  const auto began = Clock::now();
  ProcedureVerdict verdict;
  verdict.procedure = "cvc5";
  try {
    cvc5::Solver& solver = cvc5_solver_for_a_query();
    verdict.version = solver.getVersion();
    solver.setOption("tlimit-per", std::to_string(milliseconds(timeout_seconds)));
    const cvc5::Term x = solver.mkConst(solver.getStringSort(), "x");
    const cvc5::Term y = solver.mkConst(solver.getStringSort(), "y");
    std::vector<std::pair<std::string, cvc5::Term>> words;
    solver.assertFormula(membership_term(solver, query, x, y, words));
    // A wholly ground query has no x (its words are constants, decided as they are); else the pin is on x.
    const DrawnLiteral drawn = drawn_literal(query);
    const bool has_x = drawn.literal < 0 || !drawn.rest.is_empty_union();
    if (!pinned.empty() && has_x) {
      solver.assertFormula(solver.mkTerm(cvc5::EQUAL, {x, solver.mkString(pinned)}));
      verdict.reason = "checked the given counterexample only";
    }
    const cvc5::Result answer = solver.checkSat();
    if (answer.isUnsat()) {
      verdict.verdict = Verdict::kProved;
    } else if (answer.isSat()) {
      verdict.verdict = Verdict::kCounterexample;
      for (const auto& [word, term] : words) {
        if (solver.getValue(term).getBooleanValue()) {
          verdict.counterexample = word;
          break;
        }
      }
      if (verdict.counterexample.empty()) {
        const std::wstring value = solver.getValue(x).getStringValue();
        for (wchar_t c : value) {
          // Outside ASCII: keep a visible marker; the replay will reject it.
          verdict.counterexample += (c >= 0 && c < 0x80) ? static_cast<char>(c) : '\x7f';
        }
      }
    } else {
      verdict.reason = answer.toString();
    }
  } catch (const std::exception& error) {
    thread_cvc5_solver().reset();
    verdict.verdict = Verdict::kUnknown;
    verdict.reason = std::string("cvc5 error: ") + error.what();
  }
  verdict.seconds = seconds_since(began);
  return verdict;
}

const SolverTable& solver_table() {
  static const SolverTable table{kSolverTableAbi, sizeof(Query), &decide_with_z3, &decide_with_cvc5, &z3_version_text, &cvc5_version_text};
  return table;
}

}  // namespace leastpriv::verifier::in_process
