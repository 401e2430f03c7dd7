// What `compare` and the corpus report measure of a refined policy: how many entries and
// wildcards its action lists hold, its size as IAM counts it, and its future exposure: how
// many actions a newer catalog knows and the refining catalog did not that it would allow.
//
// Tested by: tests/unit/strategies_test.cpp (PolicyMetrics tests)
//
// IMPLEMENTATION: sizes count the non-whitespace characters of the minified JSON, which is
// how IAM checks its quotas (6,144 characters for a managed policy; "IAM doesn't count white
// space"). Exposure compiles every Allow statement's patterns once and scans only the actions
// the newer catalog adds; Deny statements are not subtracted (no strategy changes them, and
// whether they apply depends on resources and conditions), so every strategy is measured the
// same way.
#pragma once

#include "model/catalog.h"
#include "model/policy.h"

#include <cstddef>

namespace leastpriv::engine {

// AWS's size limit for a customer managed policy, in non-whitespace characters.
constexpr std::size_t kManagedPolicyCharacterLimit = 6144;

struct PolicyMetrics {
  std::size_t statements = 0;
  std::size_t entries = 0;     // Action and NotAction values over all statements
  std::size_t wildcards = 0;   // of those, values with `*` or `?`
  std::size_t characters = 0;  // non-whitespace characters of the minified document
};

PolicyMetrics measure_policy(const model::PolicyDocument& document);
std::size_t policy_character_count(const model::PolicyDocument& document);

// Actions `newer` knows and `older` does not that some Allow statement of `document` allows.
std::size_t future_exposure(const model::PolicyDocument& document, const model::Catalog& older, const model::Catalog& newer);

}  // namespace leastpriv::engine
