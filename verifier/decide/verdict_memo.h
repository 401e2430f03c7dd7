// A run-wide memo of the procedures' verdicts on queries, so that a query asked again by
// another verification of the same run (`leastpriv batch`, `leastpriv account`: the same
// managed policy and the same unused services in hundreds of principals) is decided once per
// run instead of once per unit. decide_queries consults it (VerifyOptions::memo) after its own
// within-unit sharing (`formula_key`), and every query still gets its own verdicts, its own
// id and text, and its own counterexample replay against its own scope.
//
// Tested by: tests/unit/verdict_memo_test.cpp, tests/cli/batch_cli_test.cpp
//
// IMPLEMENTATION: the key is the SHA-256 of (the procedures that run and their versions and
// limits, the query's obligation and groundness, its formula key, its exact SMT-LIB text):
// equal keys mean the same question asked of the same procedures under the same limits, so the
// answers are the ones they would give again (a procedure is deterministic on its input; a
// timeout is as likely as the first time, and within one unit such answers are already shared).
// Only the digest is kept (10⁵ distinct texts of a few KB each would be hundreds of MB). A
// verdict that ran under a shortened limit (the verification's --timeout budget) is not
// remembered: another unit with more budget left could decide it. One mutex: a lookup is a
// hash-map probe, next to queries that take milliseconds to seconds.
//
// TRUSTED: a hit is taken as the procedures' answer to the query; soundness rests on the key
// naming the question exactly (the text a certificate records and check-certificate re-runs,
// plus the formula the automaton and cvc5 decide) and on SHA-256 having no collisions, as the
// batch cache does (README "What is trusted").
#pragma once

#include "verifier/decide/verify.h"

#include <cstddef>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace leastpriv::verifier {

class VerdictMemo {
 public:
  // The memo's key of a query: `procedures` names which procedures run, their versions and limits
  // (memo_procedures_key), `formula` the query's formula key, `smtlib` its exact text.
  static std::string key_of(std::string_view procedures, std::string_view formula, std::string_view smtlib);

  // The verdicts remembered under `key`, if any (counted as a hit or a miss).
  std::optional<std::vector<ProcedureVerdict>> find(const std::string& key);
  // Remembers `procedures` under `key`; a key remembered first by another thread is kept.
  void remember(const std::string& key, const std::vector<ProcedureVerdict>& procedures);

  std::size_t hits() const;
  std::size_t misses() const;
  std::size_t size() const;

 private:
  mutable std::mutex mutex_;
  std::unordered_map<std::string, std::vector<ProcedureVerdict>> by_key_;
  std::size_t hits_ = 0;
  std::size_t misses_ = 0;
};

// The part of a memo key that names the procedures: which of Z3, cvc5 and the automaton run,
// on which queries (solvers_for_ground, solvers_when_decided, require_agreement), their versions
// and their time limits. Two verifications share verdicts only when these are equal.
std::string memo_procedures_key(const VerifyOptions& options, const std::string& z3_version,
                                const std::string& cvc5_version);

}  // namespace leastpriv::verifier
