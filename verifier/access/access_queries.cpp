// Building the queries of N1-N3; see access_queries.h.
#include "verifier/access/access_queries.h"

#include "model/json_text.h"
#include "verifier/access/scope_implication.h"
#include "verifier/encode/split_queries.h"

#include <algorithm>
#include <map>
#include <unordered_map>

namespace leastpriv::verifier {

namespace {


std::string version_of(const model::PolicyDocument& policy) {
  if (!policy.source.is_object() || !policy.source.contains("Version")) return "absent";
  return model::canonical_json_text(policy.source["Version"]);
}

// The atoms of both policies, in order of first appearance (reference, then candidate).
class AtomTable {
 public:
  AtomTable(bool tag_variables) : tag_variables_(tag_variables) {}

  int atom_of(const model::Statement& statement, const std::string& version) {
    std::string key = statement.scope;
    if (tag_variables_ && key.find("${") != std::string::npos) key = "[Version " + version + "] " + key;
    const auto [found, added] = index_.emplace(key, static_cast<int>(keys_.size()) + 1);
    if (added) {
      keys_.push_back(key);
      representatives_.push_back(&statement.source);
      tags_.push_back(key.size() == statement.scope.size() ? std::string() : version);
    }
    return found->second;
  }

  // ↑s for every atom: pairwise implication among atoms whose scopes agree but for their
  // resources (grouped first, so unrelated scopes cost nothing).
  AccessScopes finish(std::vector<int> reference_atoms, std::vector<int> candidate_atoms) const {
    AccessScopes scopes;
    scopes.keys = keys_;
    scopes.closure.resize(keys_.size());
    std::map<std::string, std::vector<int>> by_rest;
    for (std::size_t i = 0; i < keys_.size(); ++i) {
      by_rest[tags_[i] + "\n" + scope_without_resources(*representatives_[i])].push_back(static_cast<int>(i) + 1);
    }
    for (const auto& [rest, atoms] : by_rest) {
      for (int s : atoms) {
        for (int t : atoms) {
          if (s == t || scope_implies(*representatives_[s - 1], *representatives_[t - 1])) scopes.closure[s - 1].push_back(t);
        }
      }
    }
    // INVARIANT: every atom in ↑s is implied by s. Completeness of ↑s is not needed for
    // soundness (a larger real request only adds negated terms), so no transitive closure.
    for (auto& closure : scopes.closure) std::sort(closure.begin(), closure.end());
    scopes.reference_atoms = std::move(reference_atoms);
    scopes.candidate_atoms = std::move(candidate_atoms);
    return scopes;
  }

 private:
  bool tag_variables_;
  std::unordered_map<std::string, int> index_;
  std::vector<std::string> keys_;
  std::vector<const model::Json*> representatives_;
  std::vector<std::string> tags_;
};

std::vector<int> atoms_of(AtomTable& table, const model::PolicyDocument& policy, const std::string& version) {
  std::vector<int> atoms;
  for (const auto& statement : policy.statements) atoms.push_back(table.atom_of(statement, version));
  return atoms;
}

// The union of the languages of `policy`'s statements of `effect` whose atom is in `atoms`.
Language language_in(const model::PolicyDocument& policy, const std::vector<int>& statement_atoms,
                     const std::vector<int>& atoms, model::Effect effect) {
  Language language;
  for (std::size_t i = 0; i < policy.statements.size(); ++i) {
    const auto& statement = policy.statements[i];
    if (statement.effect != effect || !std::binary_search(atoms.begin(), atoms.end(), statement_atoms[i])) continue;
    add_statement(language, statement);
  }
  return language;
}

// The atoms with at least one statement of `effect` in `policy`, in order.
std::vector<int> atoms_with(const model::PolicyDocument& policy, const std::vector<int>& statement_atoms,
                            model::Effect effect, std::size_t atom_count) {
  std::vector<char> has(atom_count + 1, 0);
  for (std::size_t i = 0; i < policy.statements.size(); ++i) {
    if (policy.statements[i].effect == effect) has[statement_atoms[i]] = 1;
  }
  std::vector<int> atoms;
  for (std::size_t a = 1; a <= atom_count; ++a) {
    if (has[a] != 0) atoms.push_back(static_cast<int>(a));
  }
  return atoms;
}

std::vector<int> merged(const std::vector<int>& a, const std::vector<int>& b) {
  std::vector<int> out;
  std::set_union(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}


std::string atom_list(const std::vector<int>& atoms) {
  std::string text;
  for (int atom : atoms) text += (text.empty() ? "" : ",") + std::to_string(atom);
  return text;
}

// One obligation's prototype task: its kind, atoms and literals over all strings; a literal
// with an empty union is left out when negated (it excludes nothing).
void add_obligation(std::vector<QueryTask>& tasks, ObligationKind kind, const AccessScopes& scopes, int s, int t,
                    std::vector<Literal> literals, const model::Catalog& catalog) {
  QueryTask prototype;
  prototype.kind = kind;
  prototype.scope_index = s;
  prototype.scope = scopes.keys[s - 1];
  prototype.other_scope_index = t;
  for (auto& literal : literals) {
    if (!literal.member && literal.language.is_empty_union()) continue;
    prototype.query.literals.push_back(std::move(literal));
  }
  const std::vector<int> request = request_atoms(scopes, prototype);
  prototype.query.comment = "request hits atoms {" + atom_list(request) + "}" +
                            (t > 0 ? "; reference Deny scope " + std::to_string(t) + " " + scopes.keys[t - 1].substr(0, 200) : "");
  for (auto& task : tasks_by_service(prototype, catalog)) tasks.push_back(std::move(task));
}

}  // namespace

std::vector<int> request_atoms(const AccessScopes& scopes, const QueryTask& task) {
  const auto& first = scopes.closure[task.scope_index - 1];
  if (task.other_scope_index <= 0) return first;
  return merged(first, scopes.closure[task.other_scope_index - 1]);
}

Result<AccessQueries> build_no_new_access_queries(const model::PolicyDocument& reference,
                                                  const model::PolicyDocument& candidate,
                                                  const model::Catalog& catalog) {
  if (auto ok = check_ascii(reference, "reference"); !ok) return ok.error();
  if (auto ok = check_ascii(candidate, "candidate"); !ok) return ok.error();
  const std::string reference_version = version_of(reference);
  const std::string candidate_version = version_of(candidate);
  AtomTable table(reference_version != candidate_version);
  auto reference_atoms = atoms_of(table, reference, reference_version);
  auto candidate_atoms = atoms_of(table, candidate, candidate_version);
  AccessQueries queries;
  queries.scopes = table.finish(std::move(reference_atoms), std::move(candidate_atoms));
  const AccessScopes& scopes = queries.scopes;
  const std::size_t count = scopes.keys.size();

  std::vector<QueryTask> tasks;
  const auto allow_atoms = atoms_with(candidate, scopes.candidate_atoms, model::Effect::kAllow, count);
  const auto deny_atoms = atoms_with(reference, scopes.reference_atoms, model::Effect::kDeny, count);
  for (int s : allow_atoms) {
    const auto& up = scopes.closure[s - 1];
    const Language allows = language_in(candidate, scopes.candidate_atoms, {s}, model::Effect::kAllow);
    const std::string where = " (scope " + std::to_string(s) + ")";
    add_obligation(tasks, ObligationKind::kAllowCovered, scopes, s, 0,
                   {literal_of(allows, true, "candidate allows" + where),
                    literal_of(language_in(candidate, scopes.candidate_atoms, up, model::Effect::kDeny), false,
                               "candidate denies (atoms " + atom_list(up) + ")"),
                    literal_of(language_in(reference, scopes.reference_atoms, up, model::Effect::kAllow), false,
                               "reference allows (atoms " + atom_list(up) + ")")},
                   catalog);
    for (int t : deny_atoms) {
      const auto both = merged(up, scopes.closure[t - 1]);
      add_obligation(tasks, ObligationKind::kDenyKept, scopes, s, t,
                     {literal_of(allows, true, "candidate allows" + where),
                      literal_of(language_in(reference, scopes.reference_atoms, {t}, model::Effect::kDeny), true,
                                 "reference denies (scope " + std::to_string(t) + ")"),
                      literal_of(language_in(candidate, scopes.candidate_atoms, both, model::Effect::kDeny), false,
                                 "candidate denies (atoms " + atom_list(both) + ")")},
                     catalog);
    }
  }
  queries.tasks = split_queries(std::move(tasks));
  return queries;
}

Result<AccessQueries> build_not_granted_queries(const model::PolicyDocument& candidate,
                                                const std::vector<std::string>& actions,
                                                const model::Catalog& catalog) {
  if (actions.empty()) return bad_input("--access-not-granted: expected at least one action or pattern");
  Language listed;
  for (const auto& action : actions) {
    if (action.empty()) return bad_input("--access-not-granted: an empty action in the list");
    if (!is_ascii(action)) return bad_input("--access-not-granted: action `" + action + "` is not ASCII");
    listed.globs.push_back(lower_ascii(action));
  }
  if (auto ok = check_ascii(candidate, "candidate"); !ok) return ok.error();
  AtomTable table(false);
  auto candidate_atoms = atoms_of(table, candidate, version_of(candidate));
  AccessQueries queries;
  queries.scopes = table.finish({}, std::move(candidate_atoms));
  const AccessScopes& scopes = queries.scopes;
  std::vector<QueryTask> tasks;
  for (int s : atoms_with(candidate, scopes.candidate_atoms, model::Effect::kAllow, scopes.keys.size())) {
    const auto& up = scopes.closure[s - 1];
    add_obligation(tasks, ObligationKind::kNotGranted, scopes, s, 0,
                   {literal_of(listed, true, "listed in --access-not-granted"),
                    literal_of(language_in(candidate, scopes.candidate_atoms, {s}, model::Effect::kAllow), true,
                               "candidate allows (scope " + std::to_string(s) + ")"),
                    literal_of(language_in(candidate, scopes.candidate_atoms, up, model::Effect::kDeny), false,
                               "candidate denies (atoms " + atom_list(up) + ")")},
                   catalog);
  }
  queries.tasks = split_queries(std::move(tasks));
  return queries;
}

}  // namespace leastpriv::verifier
