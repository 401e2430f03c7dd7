// Properties of check-no-new-access (verifier/access/no_new_access.h) on random small policies,
// against two brute-force oracles written with spec::reference_matches:
// - the atom oracle: every catalog action × every set of the two policies' scope atoms that is
//   closed under the scope implication (scope_implication.h), each policy's allow decided
//   statement by statement; the check must find new access whenever this oracle does (the
//   reduction R1 loses nothing), and its reported action must be a counterexample under some
//   closed atom set (it is a real one in the model);
// - the concrete oracle: every catalog action × every resource of a fixed list, a statement
//   applying to a resource when one of its Resource globs matches it (NotResource: none does);
//   when the check proves no new access, this oracle must find none (R1 and R2 are sound for
//   real resources).
// Policies: 0-4 statements, Allow or Deny, Action or NotAction from a small pattern list,
// Resource or NotResource from a small glob list, sometimes a Condition; the candidate is often
// an edit of the reference. Mutation checks (run by hand): asking N2 only for t = s fails this
// property within 100 cases (5 seeds of 5); so does a glob inclusion that always says yes.
//
// Cost: our automaton decides (Z3 and cvc5 only where it cannot: --fast), and the whole
// property has a time budget (kBudgetSeconds): cases after it pass without running.
#include "model/json_text.h"
#include "model/policy_input.h"
#include "spec/reference_matcher.h"
#include "verifier/access/no_new_access.h"
#include "verifier/access/scope_implication.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <chrono>
#include <map>

namespace leastpriv::property {
namespace {

constexpr double kBudgetSeconds = 45;

const std::vector<std::string> kPatterns = {"s3:*",      "s3:Get*", "s3:GetObject", "s3:?etObject", "*Object",
                                            "ec2:*",     "*",       "s3:Put*",      "ec2:Run*",     "s3:GetB*"};
const std::vector<std::string> kResources = {"*", "arn:b/*", "arn:b/a", "arn:c", "arn:b/?"};
const std::vector<std::string> kConcreteResources = {"arn:b/a", "arn:b/x", "arn:b/xy", "arn:c", "arn:d"};

const model::Catalog& catalog() {
  static const model::Catalog small = [] {
    auto built = model::Catalog::from_actions({{"s3", "GetObject"},
                                               {"s3", "GetBucketPolicy"},
                                               {"s3", "PutObject"},
                                               {"s3", "ListBucket"},
                                               {"ec2", "RunInstances"},
                                               {"ec2", "DescribeInstances"},
                                               {"iam", "PassRole"}},
                                              model::CatalogIdentity{"property", ""});
    return std::move(built).value();
  }();
  return small;
}

model::Json gen_statement() {
  model::Json statement = model::Json::object();
  statement["Effect"] = *rc::gen::weightedElement<std::string>({{2, "Allow"}, {1, "Deny"}});
  const auto patterns = *rc::gen::container<std::vector<std::string>>(*rc::gen::inRange(1, 3), rc::gen::elementOf(kPatterns));
  statement[*rc::gen::weightedElement<std::string>({{4, "Action"}, {1, "NotAction"}})] = patterns;
  const auto resources = *rc::gen::container<std::vector<std::string>>(*rc::gen::inRange(1, 3), rc::gen::elementOf(kResources));
  statement[*rc::gen::weightedElement<std::string>({{5, "Resource"}, {1, "NotResource"}})] = resources;
  if (*rc::gen::weightedElement<bool>({{1, true}, {5, false}})) {
    statement["Condition"] = model::Json{{"Bool", {{"aws:SecureTransport", "true"}}}};
  }
  return statement;
}

model::Json gen_statements() {
  model::Json statements = model::Json::array();
  const int count = *rc::gen::inRange(0, 5);
  for (int i = 0; i < count; ++i) statements.push_back(gen_statement());
  return statements;
}

// The candidate: half the time a fresh policy, else the reference with one statement dropped,
// replaced or added (what a pull request does; dropping a Deny in another scope needs N2's pairs).
model::Json gen_candidate_statements(const model::Json& reference) {
  const int edit = *rc::gen::inRange(0, 6);
  if (edit < 2 || reference.empty()) return gen_statements();
  model::Json statements = reference;
  const auto at = static_cast<std::size_t>(*rc::gen::inRange<int>(0, static_cast<int>(statements.size())));
  if (edit == 3) statements.erase(at);
  if (edit == 4 || edit == 2) statements[at] = gen_statement();
  if (edit == 5) statements.push_back(gen_statement());
  RC_CLASSIFY(edit == 3, "candidate drops a statement");
  return statements;
}

model::PolicyDocument policy_of(const model::Json& statements) {
  model::Json document = model::Json::object();
  document["Version"] = "2012-10-17";
  document["Statement"] = statements;
  auto loaded = model::load_policy_text(model::dump_json(document), "random.json");
  RC_ASSERT(loaded.ok());
  return loaded->document;
}

std::vector<std::string> strings_of(const model::Json& value) {
  if (value.is_string()) return {value.get<std::string>()};
  std::vector<std::string> out;
  for (const auto& item : value) out.push_back(item.get<std::string>());
  return out;
}

bool matches(const model::Statement& statement, const std::string& action) {
  return spec::reference_statement_allows(true, statement.action_key == model::ActionKey::kNotAction,
                                          statement.patterns, action);
}

// The atom oracle's atoms: every distinct scope text of both policies, with its implications.
struct Atoms {
  std::vector<std::string> texts;
  std::vector<const model::Json*> sources;
  int index(const std::string& text) const {
    return static_cast<int>(std::find(texts.begin(), texts.end(), text) - texts.begin());
  }
};

Atoms atoms_of(const model::PolicyDocument& a, const model::PolicyDocument& b) {
  Atoms atoms;
  for (const auto* policy : {&a, &b}) {
    for (const auto& statement : policy->statements) {
      if (std::find(atoms.texts.begin(), atoms.texts.end(), statement.scope) == atoms.texts.end()) {
        atoms.texts.push_back(statement.scope);
        atoms.sources.push_back(&statement.source);
      }
    }
  }
  return atoms;
}

bool allowed_under(const model::PolicyDocument& policy, const Atoms& atoms, unsigned set, const std::string& action) {
  bool allow = false;
  for (const auto& statement : policy.statements) {
    if ((set >> atoms.index(statement.scope) & 1U) == 0 || !matches(statement, action)) continue;
    if (statement.effect == model::Effect::kDeny) return false;
    allow = true;
  }
  return allow;
}

bool closed(const Atoms& atoms, unsigned set) {
  for (std::size_t s = 0; s < atoms.texts.size(); ++s) {
    if ((set >> s & 1U) == 0) continue;
    for (std::size_t t = 0; t < atoms.texts.size(); ++t) {
      if ((set >> t & 1U) == 0 && verifier::scope_implies(*atoms.sources[s], *atoms.sources[t])) return false;
    }
  }
  return true;
}

// Is `action` a counterexample under some closed atom set?
bool atom_counterexample(const model::PolicyDocument& reference, const model::PolicyDocument& candidate,
                         const Atoms& atoms, const std::string& action) {
  for (unsigned set = 1; set < (1U << atoms.texts.size()); ++set) {
    if (closed(atoms, set) && allowed_under(candidate, atoms, set, action) && !allowed_under(reference, atoms, set, action)) {
      return true;
    }
  }
  return false;
}

bool applies_to(const model::Statement& statement, const std::string& resource) {
  if (statement.source.contains("Resource")) return spec::reference_matches_any(strings_of(statement.source["Resource"]), resource);
  return !spec::reference_matches_any(strings_of(statement.source["NotResource"]), resource);
}

// The concrete oracle: one request per action and resource; a Condition is either true or false
// for the whole request (both are tried).
bool concretely_allowed(const model::PolicyDocument& policy, const std::string& action, const std::string& resource,
                        bool condition_holds) {
  bool allow = false;
  for (const auto& statement : policy.statements) {
    if (statement.source.contains("Condition") && !condition_holds) continue;
    if (!applies_to(statement, resource) || !matches(statement, action)) continue;
    if (statement.effect == model::Effect::kDeny) return false;
    allow = true;
  }
  return allow;
}

double elapsed_seconds() {
  static const auto began = std::chrono::steady_clock::now();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count();
}

RC_GTEST_PROP(NoNewAccessProperties, AgreesWithBruteForceOverCatalogAndAtoms, ()) {
  elapsed_seconds();
  const model::Json reference_statements = gen_statements();
  const auto reference = policy_of(reference_statements);
  const auto candidate = policy_of(gen_candidate_statements(reference_statements));
  if (elapsed_seconds() > kBudgetSeconds) RC_SUCCEED("time budget spent");
  verifier::AccessCheckOptions options;
  options.verify = verifier::fast_options(options.verify);
  options.verify.threads = 1;
  options.verify.timeout_seconds = 10;
  auto result = verifier::check_no_new_access(reference, candidate, catalog(), options);
  RC_ASSERT(result.ok());
  RC_ASSERT(result->verdict != verifier::AccessVerdict::kUnknown);
  RC_CLASSIFY(result->verdict == verifier::AccessVerdict::kNewAccess, "new access");

  const Atoms atoms = atoms_of(reference, candidate);
  RC_PRE(atoms.texts.size() <= 10U);
  bool oracle_new = false;
  for (const auto& action : catalog().actions()) {
    oracle_new = oracle_new || atom_counterexample(reference, candidate, atoms, std::string(action.lower_full));
  }
  if (oracle_new) RC_ASSERT(result->verdict == verifier::AccessVerdict::kNewAccess);
  if (result->verdict == verifier::AccessVerdict::kNewAccess) {
    RC_ASSERT(!result->new_access.empty());
    RC_ASSERT(atom_counterexample(reference, candidate, atoms, result->new_access.front().action));
  } else {
    for (const auto& action : catalog().actions()) {
      for (const auto& resource : kConcreteResources) {
        for (bool condition : {false, true}) {
          const std::string name(action.lower_full);
          RC_ASSERT(!(concretely_allowed(candidate, name, resource, condition) &&
                      !concretely_allowed(reference, name, resource, condition)));
        }
      }
    }
  }
}

}  // namespace
}  // namespace leastpriv::property
