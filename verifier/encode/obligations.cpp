// Building the queries of O1–O3 and replaying counterexamples; see obligations.h.
#include "verifier/encode/obligations.h"

#include "model/json_text.h"
#include "spec/reference_matcher.h"
#include "verifier/encode/split_queries.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

namespace leastpriv::verifier {

namespace {


// Services packed into one query: at most this much weight (catalog words + 8 per glob) unless
// one service alone weighs more. Small services share a query; big ones stand alone.
constexpr std::size_t kGroupWeight = 600;

// The distinct scopes in order of first appearance (original, then result), and which
// statements of each policy have each scope: found by hashing, so N statements with N scopes
// cost O(N), not O(N²) (issue 12: 10⁴ scopes).
struct Scopes {
  std::vector<std::string> texts;
  std::unordered_map<std::string, std::size_t> index;
  std::vector<std::vector<std::size_t>> original_statements;  // per scope
  std::vector<std::vector<std::size_t>> result_statements;

  std::size_t index_of(const std::string& scope) {
    const auto [found, added] = index.emplace(scope, texts.size());
    if (added) {
      texts.push_back(scope);
      original_statements.emplace_back();
      result_statements.emplace_back();
    }
    return found->second;
  }
};



// The Allow (or Deny) language of `policy` in one scope, whose statements are `in_scope`.
Language scope_language(const model::PolicyDocument& policy, const std::vector<std::size_t>& in_scope, model::Effect effect) {
  Language language;
  for (std::size_t i : in_scope) {
    if (policy.statements[i].effect == effect) add_statement(language, policy.statements[i]);
  }
  return language;
}

bool has_wildcard_service(const Language& language) {
  if (!language.complements.empty()) return true;
  return std::any_of(language.globs.begin(), language.globs.end(),
                     [](const std::string& glob) { return literal_service(glob).empty(); });
}

void note_services(const Language& language, std::set<std::string>& services) {
  for (const auto& glob : language.globs) {
    const auto service = literal_service(glob);
    if (!service.empty()) services.insert(service);
  }
  for (const auto& complement : language.complements) {
    for (const auto& glob : complement) {
      const auto service = literal_service(glob);
      if (!service.empty()) services.insert(service);
    }
  }
  for (const auto& word : language.words) {
    const auto colon = word.find(':');
    if (colon != std::string::npos) services.insert(word.substr(0, colon));
  }
}

std::string service_of(const std::string& lower_action) {
  const auto colon = lower_action.find(':');
  return colon == std::string::npos ? std::string() : lower_action.substr(0, colon);
}

std::size_t catalog_count(const model::Catalog& catalog, const std::string& service) {
  const auto [first, last] = catalog.prefix_range(service + ":");
  return last - first;
}

std::vector<std::string> catalog_words(const model::Catalog& catalog, const std::vector<std::string>& services) {
  std::vector<std::string> words;
  for (const auto& service : services) {
    const auto [first, last] = catalog.prefix_range(service + ":");
    for (auto i = first; i < last; ++i) words.emplace_back(catalog.actions()[i].lower_full);
  }
  return words;
}

// Packs `services` (sorted) into groups of bounded weight.
std::vector<ServiceGroup> pack(const std::set<std::string>& services, const model::Catalog& catalog,
                               const Query& query) {
  std::map<std::string, std::size_t> globs_per_service;
  for (const auto& literal : query.literals) {
    for (const auto& glob : literal.language.globs) ++globs_per_service[literal_service(glob)];
    for (const auto& complement : literal.language.complements) {
      for (const auto& glob : complement) ++globs_per_service[literal_service(glob)];
    }
    for (const auto& word : literal.language.words) ++globs_per_service[service_of(word)];
  }
  std::vector<ServiceGroup> groups;
  std::size_t weight = 0;
  for (const auto& service : services) {
    const std::size_t own = catalog_count(catalog, service) + 8 * globs_per_service[service];
    if (groups.empty() || weight + own > kGroupWeight) {
      groups.emplace_back();
      weight = 0;
    }
    groups.back().services.push_back(service);
    weight += own;
  }
  return groups;
}

std::string describe_scope(int index, const std::string& scope) {
  return "scope " + std::to_string(index) + " " + (scope.size() > 200 ? scope.substr(0, 200) + "…" : scope);
}

// How one obligation's query is split into tasks, one per service group.
struct Split {
  // Also a group of every service not named (the result allows a `*:`-like wildcard).
  bool other_group = false;
  // Every task of it is a ground question (see QueryTask::ground); O2 refines this per group.
  bool ground = false;
  // Add the catalog's actions of the group as the first literal (O3: C ∩ …).
  bool catalog_words = false;
};

// One obligation of one scope: its kind, the scope, the query over all services.
struct ScopedQuery {
  ObligationKind kind;
  int scope_index;
  const std::string& scope;
  Query whole;
};

void add_tasks(std::vector<QueryTask>& tasks, const ScopedQuery& obligation, const std::set<std::string>& services,
               const Split& split, const model::Catalog& catalog) {
  const ObligationKind kind = obligation.kind;
  const Query& whole = obligation.whole;
  const bool ground = split.ground;
  const bool add_catalog_words = split.catalog_words;
  std::vector<ServiceGroup> groups = pack(services, catalog, whole);
  if (split.other_group) {
    ServiceGroup other;
    other.other = true;
    other.services.assign(services.begin(), services.end());
    groups.push_back(std::move(other));
  }
  for (const auto& group : groups) {
    QueryTask task;
    task.kind = kind;
    task.scope_index = obligation.scope_index;
    task.scope = obligation.scope;
    task.ground = ground;
    task.query = restrict_to_group(whole, group);
    // A required language with nothing left in this group: no counterexample can lie here.
    // (TRUSTED, with restrict_to_group: a glob naming another service matches nothing here.)
    const bool hopeless = std::any_of(task.query.literals.begin(), task.query.literals.end(),
                                      [](const Literal& literal) { return literal.member && literal.language.is_empty_union(); });
    if (hopeless) continue;
    // O2 is ground in a group where no service is wholly unused (literal 0 is U).
    if (kind == ObligationKind::kRemoval) task.ground = task.query.literals.front().language.globs.empty();
    if (add_catalog_words) {
      Literal catalog_literal;
      // Named by what it holds, not where it was read from: a certificate does not bind paths.
      catalog_literal.label = "catalog (" + std::to_string(catalog.actions().size()) + " actions" +
                              (catalog.identity().date.empty() ? "" : ", " + catalog.identity().date) + ")";
      catalog_literal.language.words = catalog_words(catalog, group.services);
      task.query.literals.insert(task.query.literals.begin(), std::move(catalog_literal));
    }
    std::string names;
    for (const auto& service : group.services) names += (names.empty() ? "" : ",") + service;
    task.query.comment = std::string(obligation_code(kind)) + " " + obligation_name(kind) + ", " +
                         describe_scope(obligation.scope_index, obligation.scope) + "\n" +
                         (group.other ? "group: every service except " + names : "group: " + names);
    tasks.push_back(std::move(task));
  }
}


// Whole-policy reference semantics, restricted to one scope, for the replay.
bool reference_allows(const model::PolicyDocument& policy, const std::string& scope, const std::string& action, model::Effect effect,
                      std::string* which) {
  for (std::size_t i = 0; i < policy.statements.size(); ++i) {
    const auto& statement = policy.statements[i];
    if (statement.effect != effect || statement.scope != scope) continue;
    // A Deny statement "matches" the way an Allow with the same patterns allows.
    if (spec::reference_statement_allows(true, statement.action_key == model::ActionKey::kNotAction, statement.patterns, action)) {
      if (which != nullptr) {
        *which = "statement " + std::to_string(i + 1);
        if (statement.source.is_object() && statement.source.contains("Sid") && statement.source["Sid"].is_string()) {
          *which += " (Sid `" + statement.source["Sid"].get<std::string>() + "`)";
        }
      }
      return true;
    }
  }
  return false;
}

bool reference_unused(const model::UnusedFindings& findings, const std::string& action, std::string* why) {
  const std::string lower = lower_ascii(action);
  const auto& actions = findings.unused_actions();
  if (std::binary_search(actions.begin(), actions.end(), lower) ||
      std::find(actions.begin(), actions.end(), lower) != actions.end()) {
    if (why != nullptr) *why = "the findings list it as unused";
    return true;
  }
  for (const auto& service : findings.unused_services()) {
    if (lower.rfind(service + ":", 0) == 0) {
      if (why != nullptr) *why = "the findings say service `" + service + "` is unused as a whole";
      return true;
    }
  }
  return false;
}

}  // namespace

namespace {

// O0, part 1: every document field but Statement (Version, Id, anything unknown) is the
// original's, in meaning (canonical JSON: key order aside, numbers as written). The Version
// decides whether `${aws:username}` in a scope is a variable or literal text, so the same
// scope text means the same requests only under the same Version. A DETACH_POLICY result has
// no document (it allows nothing) and so nothing to compare.
std::string document_field_difference(const model::PolicyDocument& original, const model::PolicyDocument& result) {
  if (result.source.is_null()) return {};
  std::set<std::string> keys;
  for (const auto* document : {&original.source, &result.source}) {
    if (!document->is_object()) continue;
    for (const auto& [key, value] : document->items()) {
      if (key != "Statement") keys.insert(key);
    }
  }
  for (const auto& key : keys) {
    const bool in_original = original.source.is_object() && original.source.contains(key);
    const bool in_result = result.source.is_object() && result.source.contains(key);
    const std::string before = in_original ? model::canonical_json_text(original.source[key]) : "";
    const std::string after = in_result ? model::canonical_json_text(result.source[key]) : "";
    if (in_original && in_result && before == after) continue;
    const auto shown = [](bool present, const std::string& text) {
      return present ? "`" + (text.size() > 80 ? text.substr(0, 80) + "…" : text) + "`" : std::string("absent");
    };
    return "document field `" + key + "` is " + shown(in_original, before) + " in the original and " +
           shown(in_result, after) + " in the result; only Allow statements' actions may change";
  }
  return {};
}

// O0, part 2: R has exactly O's Deny statements, same JSON, same order.
std::string deny_statement_difference(const model::PolicyDocument& original, const model::PolicyDocument& result) {
  std::vector<std::size_t> original_denies;
  std::vector<std::size_t> result_denies;
  for (std::size_t i = 0; i < original.statements.size(); ++i) {
    if (original.statements[i].effect == model::Effect::kDeny) original_denies.push_back(i);
  }
  for (std::size_t i = 0; i < result.statements.size(); ++i) {
    if (result.statements[i].effect == model::Effect::kDeny) result_denies.push_back(i);
  }
  for (std::size_t k = 0; k < std::max(original_denies.size(), result_denies.size()); ++k) {
    if (k >= result_denies.size()) {
      return "original statement " + std::to_string(original_denies[k] + 1) + " (Deny) is missing from the result";
    }
    if (k >= original_denies.size()) {
      return "result statement " + std::to_string(result_denies[k] + 1) + " is a Deny the original does not have";
    }
    const auto& before = original.statements[original_denies[k]];
    const auto& after = result.statements[result_denies[k]];
    if (before.source != after.source) {
      return "original statement " + std::to_string(original_denies[k] + 1) + " (Deny) differs from result statement " +
             std::to_string(result_denies[k] + 1) + "; Deny statements must be carried over unchanged";
    }
  }
  return {};
}

}  // namespace

std::string unchanged_difference(const model::PolicyDocument& original, const model::PolicyDocument& result) {
  std::string difference = document_field_difference(original, result);
  if (difference.empty()) difference = deny_statement_difference(original, result);
  return difference;
}

namespace {

// What every obligation of every scope shares: the findings as a language, their services, the
// catalog's services.
struct Shared {
  Language unused;                           // U: the unused names, and `service:*` per unused service
  std::set<std::string> unused_services;     // every service U names
  std::set<std::string> catalog_services;
  bool no_unused_service = true;             // U has no `service:*` glob: O2 is ground
};

Result<Shared> shared_languages(const model::UnusedFindings& findings, const model::Catalog& catalog) {
  Shared shared;
  for (const auto& action : findings.unused_actions()) {
    if (!is_ascii(action)) return bad_input("findings: action `" + action + "` is not ASCII");
    shared.unused.words.push_back(action);
  }
  for (const auto& service : findings.unused_services()) {
    if (!is_ascii(service)) return bad_input("findings: service `" + service + "` is not ASCII");
    shared.unused.globs.push_back(service + ":*");
  }
  shared.no_unused_service = findings.unused_services().empty();
  note_services(shared.unused, shared.unused_services);
  for (const auto& action : catalog.actions()) shared.catalog_services.insert(service_of(std::string(action.lower_full)));
  return shared;
}

// The three languages of one scope, and how its literals are labelled.
struct ScopeLanguages {
  int index;
  const std::string& text;
  Language original_allows;  // O_s
  Language result_allows;    // R_s
  Language denies;           // D_s (the original's; O0 proves the result's are the same)
  std::string where;
};

// O1: R_s ∩ ¬O_s ∩ ¬D_s = ∅ over all strings.
void add_soundness(std::vector<QueryTask>& tasks, const ScopeLanguages& scope, const model::Catalog& catalog) {
  ScopedQuery q1{ObligationKind::kSoundness, scope.index, scope.text, {}};
  q1.whole.literals.push_back(literal_of(scope.result_allows, true, "result allows" + scope.where));
  q1.whole.literals.push_back(literal_of(scope.original_allows, false, "original allows" + scope.where));
  if (!scope.denies.is_empty_union()) q1.whole.literals.push_back(literal_of(scope.denies, false, "original denies" + scope.where));
  std::set<std::string> services;
  const bool wide = has_wildcard_service(scope.result_allows);
  if (wide) {
    for (const auto& literal : q1.whole.literals) note_services(literal.language, services);
  } else {
    note_services(scope.result_allows, services);
  }
  add_tasks(tasks, q1, services, Split{.other_group = wide, .ground = false, .catalog_words = false}, catalog);
}

// O2: R_s ∩ U ∩ ¬D_s = ∅.
void add_removal(std::vector<QueryTask>& tasks, const ScopeLanguages& scope, const Shared& shared,
                 const model::Catalog& catalog) {
  ScopedQuery q2{ObligationKind::kRemoval, scope.index, scope.text, {}};
  q2.whole.literals.push_back(literal_of(shared.unused, true, "unused"));
  q2.whole.literals.push_back(literal_of(scope.result_allows, true, "result allows" + scope.where));
  if (!scope.denies.is_empty_union()) q2.whole.literals.push_back(literal_of(scope.denies, false, "original denies" + scope.where));
  const bool wide = has_wildcard_service(scope.result_allows);
  std::set<std::string> result_services;
  note_services(scope.result_allows, result_services);
  std::set<std::string> services;
  for (const auto& service : shared.unused_services) {
    if (wide || result_services.count(service) != 0) services.insert(service);
  }
  add_tasks(tasks, q2, services, Split{.other_group = false, .ground = shared.no_unused_service, .catalog_words = false},
            catalog);
}

// O3: C ∩ O_s ∩ ¬U ∩ ¬D_s ∩ ¬R_s = ∅ (the catalog literal is added per group).
void add_completeness(std::vector<QueryTask>& tasks, const ScopeLanguages& scope, const Shared& shared,
                      const model::Catalog& catalog) {
  ScopedQuery q3{ObligationKind::kCompleteness, scope.index, scope.text, {}};
  q3.whole.literals.push_back(literal_of(scope.original_allows, true, "original allows" + scope.where));
  if (!shared.unused.is_empty_union()) q3.whole.literals.push_back(literal_of(shared.unused, false, "unused"));
  if (!scope.denies.is_empty_union()) q3.whole.literals.push_back(literal_of(scope.denies, false, "original denies" + scope.where));
  q3.whole.literals.push_back(literal_of(scope.result_allows, false, "result allows" + scope.where));
  std::set<std::string> services;
  if (has_wildcard_service(scope.original_allows)) {
    services = shared.catalog_services;
  } else {
    std::set<std::string> named;
    note_services(scope.original_allows, named);
    for (const auto& service : named) {
      if (shared.catalog_services.count(service) != 0) services.insert(service);
    }
  }
  add_tasks(tasks, q3, services, Split{.other_group = false, .ground = true, .catalog_words = true}, catalog);
}

}  // namespace

void add_statement(Language& language, const model::Statement& statement) {
  std::vector<std::string> lowered;
  for (const auto& pattern : statement.patterns) lowered.push_back(lower_ascii(pattern));
  if (statement.action_key == model::ActionKey::kAction) {
    language.globs.insert(language.globs.end(), lowered.begin(), lowered.end());
  } else {
    language.complements.push_back(std::move(lowered));
  }
}

Status check_ascii(const model::PolicyDocument& policy, const char* which) {
  for (std::size_t i = 0; i < policy.statements.size(); ++i) {
    for (const auto& pattern : policy.statements[i].patterns) {
      if (!is_ascii(pattern)) {
        return bad_input(std::string(which) + " policy, statement " + std::to_string(i + 1) + ": action `" + pattern +
                         "` is not ASCII; IAM lower-cases such names differently from our encoding, so it cannot be verified");
      }
    }
  }
  return Ok{};
}

Literal literal_of(Language language, bool member, std::string label) {
  Literal literal;
  literal.language = std::move(language);
  literal.member = member;
  literal.label = std::move(label);
  return literal;
}

std::vector<QueryTask> tasks_by_service(const QueryTask& prototype, const model::Catalog& catalog) {
  const Query& whole = prototype.query;
  // The first required literal that names its services; none: every literal may reach any service.
  const Literal* narrowest = nullptr;
  for (const auto& literal : whole.literals) {
    if (literal.member && !has_wildcard_service(literal.language)) {
      narrowest = &literal;
      break;
    }
  }
  std::set<std::string> services;
  if (narrowest != nullptr) {
    note_services(narrowest->language, services);
  } else {
    for (const auto& literal : whole.literals) note_services(literal.language, services);
  }
  std::vector<QueryTask> tasks;
  const ScopedQuery scoped{prototype.kind, prototype.scope_index, prototype.scope, whole};
  add_tasks(tasks, scoped, services, Split{.other_group = narrowest == nullptr, .ground = false, .catalog_words = false},
            catalog);
  for (auto& task : tasks) {
    task.other_scope_index = prototype.other_scope_index;
    if (!whole.comment.empty()) task.query.comment += "\n" + whole.comment;
  }
  return tasks;
}

Result<std::vector<QueryTask>> build_queries(const model::PolicyDocument& original, const model::UnusedFindings& findings,
                                             const model::PolicyDocument& result, const model::Catalog& catalog) {
  if (auto ok = check_ascii(original, "original"); !ok) return ok.error();
  if (auto ok = check_ascii(result, "result"); !ok) return ok.error();
  auto shared = shared_languages(findings, catalog);
  if (!shared) return shared.error();

  Scopes scopes;
  for (std::size_t i = 0; i < original.statements.size(); ++i) {
    scopes.original_statements[scopes.index_of(original.statements[i].scope)].push_back(i);
  }
  for (std::size_t i = 0; i < result.statements.size(); ++i) {
    scopes.result_statements[scopes.index_of(result.statements[i].scope)].push_back(i);
  }

  std::vector<QueryTask> tasks;
  for (std::size_t s = 0; s < scopes.texts.size(); ++s) {
    const std::string& text = scopes.texts[s];
    const int index = static_cast<int>(s + 1);
    const ScopeLanguages scope{index,
                               text,
                               scope_language(original, scopes.original_statements[s], model::Effect::kAllow),
                               scope_language(result, scopes.result_statements[s], model::Effect::kAllow),
                               scope_language(original, scopes.original_statements[s], model::Effect::kDeny),
                               " (" + describe_scope(index, text).substr(0, 60) + ")"};
    if (!scope.result_allows.is_empty_union()) {
      add_soundness(tasks, scope, catalog);
      if (!shared->unused.is_empty_union()) add_removal(tasks, scope, *shared, catalog);
    }
    if (!scope.original_allows.is_empty_union()) add_completeness(tasks, scope, *shared, catalog);
  }
  return split_queries(std::move(tasks));
}

std::string replay_counterexample(const QueryTask& task, const std::string& action, const model::PolicyDocument& original,
                                  const model::UnusedFindings& findings, const model::PolicyDocument& result,
                                  const model::Catalog& catalog) {
  // The domain: no upper-case ASCII letter (every other character is a string's character too:
  // `s3:x\x7f` is a counterexample when every printable character is named).
  for (char c : action) {
    if (c >= 'A' && c <= 'Z') return {};
  }
  // The counterexample must lie in the query's group (the groups partition all strings).
  const std::string service = service_of(action);
  const bool named = action.find(':') != std::string::npos &&
                     std::find(task.query.group.services.begin(), task.query.group.services.end(), service) !=
                         task.query.group.services.end();
  if (named == task.query.group.other) return {};

  std::string result_statement;
  std::string original_statement;
  std::string deny_statement;
  std::string unused_reason;
  const bool result_allows = reference_allows(result, task.scope, action, model::Effect::kAllow, &result_statement);
  const bool original_allows = reference_allows(original, task.scope, action, model::Effect::kAllow, &original_statement);
  const bool denied = reference_allows(original, task.scope, action, model::Effect::kDeny, &deny_statement);
  const bool unused = reference_unused(findings, action, &unused_reason);
  const std::string scope_text = " (scope " + std::to_string(task.scope_index) + ")";
  switch (task.kind) {
    case ObligationKind::kSoundness:
      if (result_allows && !original_allows && !denied) {
        return "result " + result_statement + " allows it, and no original statement with the same scope" + scope_text +
               " does";
      }
      return {};
    case ObligationKind::kRemoval:
      if (result_allows && unused && !denied) return "result " + result_statement + " allows it, but " + unused_reason;
      return {};
    case ObligationKind::kCompleteness:
      if (catalog.find(action) && original_allows && !unused && !denied && !result_allows) {
        return "original " + original_statement + " allows it, it is used (not in the findings), and no result statement "
               "with the same scope" + scope_text + " allows it";
      }
      return {};
    case ObligationKind::kUnchanged:
    case ObligationKind::kAllowCovered:  // a policy comparison replays its own (verifier/access/)
    case ObligationKind::kDenyKept:
    case ObligationKind::kNotGranted:
      return {};
  }
  return {};
}

}  // namespace leastpriv::verifier
