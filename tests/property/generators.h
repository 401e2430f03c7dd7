// RapidCheck generators for the property suite (issue 4): small random catalogs, policies and
// findings, built to hit the cases the generalizer can get wrong — shared token prefixes
// (GetObject / GetObjectAcl / GetObjects), acronyms (CORS, MFA, S3, V2), digits, lower-case
// first letters, services that are prefixes of others (s3 / s3express, ab / abc), wildcards
// anywhere (trailing, infix, repeated `*`, `?`, in the service part), mixed case, Allow and
// Deny, Action and NotAction, resources and conditions, and findings that name whole
// services or actions no catalog knows.
//
// Tested by: itself — every property in tests/property/*_test.cpp draws from these.
//
// IMPLEMENTATION: a test case is first generated as a *recipe* (token indexes, catalog
// indexes, mutation steps), then resolved into a plain-text Scenario. Only the recipe is
// random, so RapidCheck shrinks it field by field (fewer actions, fewer statements, fewer
// mutations, smaller indexes) and every shrunk recipe still resolves to a valid scenario;
// indexes into the catalog are taken modulo its size so that shrinking the catalog never
// invalidates a pattern. The Scenario prints as the catalog, the policy JSON and the
// findings, which is what a failing property shows next to its seed.
#pragma once

#include "model/catalog.h"
#include "model/findings.h"
#include "model/policy.h"

#include <rapidcheck.h>

#include <ostream>
#include <string>
#include <utility>
#include <vector>

namespace leastpriv::property {

// One generated test case, fully resolved: what a failing property prints.
struct Scenario {
  // (service, name) in catalog spelling; may hold two spellings of one action.
  std::vector<std::pair<std::string, std::string>> catalog;
  // The original policy, as JSON text.
  std::string policy_text;
  // Unused actions as the findings spell them: (serviceNamespace, action name), the name
  // possibly with its `service:` prefix and in any case.
  std::vector<std::pair<std::string, std::string>> unused_actions;
  // Services unused as a whole (findings without an `actions` list).
  std::vector<std::string> unused_services;
};

void showValue(const Scenario& scenario, std::ostream& os);

// How big and how varied the generated cases are.
struct ScenarioShape {
  int max_catalog_actions = 30;
  int max_statements = 4;
  int max_patterns = 4;
  bool with_findings = true;
};

// The default shape: catalogs up to 30 actions, up to 4 statements of up to 4 patterns.
rc::Gen<Scenario> gen_scenario(const ScenarioShape& shape = ScenarioShape{});
// Small cases, for properties that call the SMT solvers.
rc::Gen<Scenario> gen_small_scenario();

// A random glob derived from a catalog action or a free name by up to three mutations, as the
// policy generator makes them; for properties that mutate results.
rc::Gen<std::string> gen_pattern_for(const std::vector<std::pair<std::string, std::string>>& catalog);

// The engine's inputs, built from a scenario. `catalog_order` permutes the catalog's input
// order and `reverse_findings` adds the findings in reverse order (for determinism).
struct EngineInputs {
  model::Catalog catalog;
  model::PolicyDocument policy;
  model::UnusedFindings findings;
};
EngineInputs build_inputs(const Scenario& scenario, unsigned catalog_shuffle = 0, bool reverse_findings = false);

// The policy from its text (RC_FAILs on a parse error, which would be a generator bug).
model::PolicyDocument parse_policy(const std::string& text);

}  // namespace leastpriv::property
