// The name and standalone SMT-LIB2 text of every query build_queries makes, in its order: what
// `verify` reports, what a certificate records, and what `check-certificate` rebuilds from the
// input files and demands byte for byte. One function, so that the three cannot drift apart.
//
// Tested by: tests/unit/verifier_certificate_test.cpp, tests/unit/certificate_tamper_test.cpp
//
// IMPLEMENTATION (TRUSTED: check-certificate accepts a certificate only when its texts are
// these): the id is `O<k>/scope-<i>/<group>` (`N2/scope-<i>+<j>/<group>` for a pair of scopes), and `/<part>` for a part of a split query
// (`names`, the pattern, `complement-K`); a group of more than 40 characters is cut to its
// first service and `,…`; a repeated id gets `#2`, `#3`, … in order.
#pragma once

#include "verifier/encode/obligations.h"

#include <string>
#include <vector>

namespace leastpriv::verifier {

struct ObligationText {
  std::string id;       // `O1/scope-2/s3`
  std::string service;  // the service group: `s3`, `s3,s3express`, or `*` for every other service
  std::string smtlib;   // query_to_smtlib of the task's query
};

// `with_smtlib` false: ids and groups only, smtlib left empty (a verification that writes no
// certificate needs no text but those of the queries Z3 runs; making them all is most of the
// time and memory of a policy with thousands of scopes).
std::vector<ObligationText> obligation_texts(const std::vector<QueryTask>& tasks, bool with_smtlib = true);

}  // namespace leastpriv::verifier
