// Generators for the property suite; see generators.h.
#include "tests/property/generators.h"

#include "model/policy_input.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <string_view>

namespace leastpriv::property {

namespace {

// Services: `s3` is a prefix of `s3express` and `ab` of `abc`, so `s3*` and `ab*` reach two
// services. The last one is never in a catalog: findings naming it are about an unknown service.
constexpr std::array<std::string_view, 7> kServices = {"s3", "s3express", "ec2", "kms", "ab", "abc", "zz"};
constexpr int kCatalogServices = 6;

// First tokens (verbs) share prefixes with each other (Get / GetS3 / …) and with nouns.
constexpr std::array<std::string_view, 6> kVerbs = {"Get", "Put", "List", "Describe", "Delete", "Ge"};
// Later tokens (the first six are drawn most often, an acronym among them): words that are prefixes of other words (Object / Objects, Tag / Tagging,
// Version / Versions, A / Ab / Abc), acronyms, digits and acronym+digit tokens.
constexpr std::array<std::string_view, 24> kTokens = {
    "Object", "MFA",     "Acl",  "Bucket", "Objects", "Tag", "Tagging", "Access",
    "Point",  "Key",     "Version", "Versions", "A", "Ab", "Abc", "CORS",
    "Policy", "ACL",     "S3",   "DB",     "V2",  "2",   "3",       "Devices"};

// An integer in [min, max), uniformly, whatever the size parameter (gen::inRange scales its
// range with the size, and the containers below pin small sizes).
rc::Gen<int> uniform(int min, int max) { return rc::gen::resize(100, rc::gen::inRange(min, max)); }

struct NameSpec {
  int service = 0;
  int verb = 0;
  std::vector<int> tokens;
  bool lower_first = false;
};

std::pair<std::string, std::string> resolve_name(const NameSpec& spec) {
  std::string name(kVerbs[static_cast<std::size_t>(spec.verb) % kVerbs.size()]);
  for (int token : spec.tokens) name += kTokens[static_cast<std::size_t>(token) % kTokens.size()];
  if (spec.lower_first) name[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(name[0])));
  return {std::string(kServices[static_cast<std::size_t>(spec.service) % kServices.size()]), name};
}

rc::Gen<NameSpec> gen_name_spec(int services) {
  // Collisions make the interesting cases (siblings under one trie node, infix patterns that
  // match several actions): most names are in s3, and most tokens come from the first six.
  return rc::gen::build<NameSpec>(
      rc::gen::set(&NameSpec::service, rc::gen::weightedOneOf<int>({{2, rc::gen::just(0)}, {3, uniform(0, services)}})),
      rc::gen::set(&NameSpec::verb, uniform(0, static_cast<int>(kVerbs.size()))),
      rc::gen::set(&NameSpec::tokens, rc::gen::resize(3, rc::gen::container<std::vector<int>>(rc::gen::weightedOneOf<int>(
                                                             {{2, uniform(0, 6)},
                                                              {1, uniform(0, static_cast<int>(kTokens.size()))}})))),
      rc::gen::set(&NameSpec::lower_first, rc::gen::weightedElement<bool>({{40, false}, {1, true}})));
}

// One step that turns an action name into a pattern.
enum class PatternOp : int {
  kTruncateAtWord,   // `s3:GetObject` → `s3:Get*` (cut at a word boundary)
  kTruncateAnywhere, // → `s3:Ge*`, `s3*`, `*`
  kInsertStar,       // → `s3:Get*Object`
  kQuestion,         // → `s3:Get?bject`
  kStarForRun,       // → `s3:G*ject` (infix star replacing a few characters)
  kDoubleStar,       // → `s3:Get**`
  kServiceWildcard,  // → `*:GetObject`, `s3*:GetObject`, `*3:GetObject`, `?3:GetObject`
  kFlipCase,         // → `s3:getObject`
  kUpperAll,         // → `S3:GETOBJECT`
  kAppendStar,       // → `s3:GetObject*`
  kKeepEnds,         // → `s3:Get*Acl` (first and last word, a star between)
  kWordInStars,      // → `s3:*Object*` (one word of the name between stars)
  kCount
};

struct Mutation {
  int op = 0;
  int position = 0;
  int argument = 0;
};

// Split points inside `text` by the token rule (DESIGN §3), wildcards treated as lower-case.
std::vector<std::size_t> rough_boundaries(const std::string& text) {
  std::vector<std::size_t> points;
  const auto colon = text.find(':');
  const std::size_t start = colon == std::string::npos ? 0 : colon + 1;
  if (colon != std::string::npos) points.push_back(start);
  auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
  auto lower_or_digit = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  for (std::size_t i = start + 1; i < text.size(); ++i) {
    if (!upper(text[i])) continue;
    const bool after = lower_or_digit(text[i - 1]);
    const bool acronym = upper(text[i - 1]) && i + 1 < text.size() && text[i + 1] >= 'a' && text[i + 1] <= 'z';
    if (after || acronym) points.push_back(i);
  }
  return points;
}

std::string apply_mutation(std::string text, const Mutation& m) {
  const auto length = text.size();
  const auto pos = static_cast<std::size_t>(m.position);
  switch (static_cast<PatternOp>(m.op % static_cast<int>(PatternOp::kCount))) {
    case PatternOp::kTruncateAtWord: {
      const auto points = rough_boundaries(text);
      if (points.empty()) return text + "*";
      return text.substr(0, points[static_cast<std::size_t>(m.argument) % points.size()]) + "*";
    }
    case PatternOp::kTruncateAnywhere:
      return text.substr(0, pos % (length + 1)) + "*";
    case PatternOp::kInsertStar:
      return text.insert(pos % (length + 1), "*");
    case PatternOp::kQuestion:
      if (length > 0) text[pos % length] = '?';
      return text;
    case PatternOp::kStarForRun: {
      if (length == 0) return "*";
      const std::size_t at = pos % length;
      return text.replace(at, std::min<std::size_t>(length - at, 1 + static_cast<std::size_t>(m.argument) % 3), "*");
    }
    case PatternOp::kDoubleStar: {
      const auto star = text.find('*');
      return star == std::string::npos ? text + "**" : text.insert(star, "*");
    }
    case PatternOp::kServiceWildcard: {
      const auto colon = text.find(':');
      if (colon == std::string::npos || colon == 0) return "*:" + text;
      const std::string service = text.substr(0, colon);
      std::string replaced;
      switch (m.argument % 4) {
        case 0: replaced = "*"; break;
        case 1: replaced = service + "*"; break;
        case 2: replaced = "*" + service.substr(service.size() - 1); break;
        default: replaced = "?" + service.substr(1); break;
      }
      return replaced + text.substr(colon);
    }
    case PatternOp::kFlipCase:
      if (length > 0) {
        char& c = text[pos % length];
        c = std::isupper(static_cast<unsigned char>(c)) ? static_cast<char>(std::tolower(static_cast<unsigned char>(c)))
                                                         : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      }
      return text;
    case PatternOp::kUpperAll:
      for (char& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      return text;
    case PatternOp::kKeepEnds: {
      const auto points = rough_boundaries(text);  // [after `svc:`, word starts…]
      if (points.size() < 3) return text + "*";
      return text.substr(0, points[1]) + "*" + text.substr(points.back());
    }
    case PatternOp::kWordInStars: {
      const auto points = rough_boundaries(text);
      if (points.size() < 2) return "*" + text + "*";
      const std::size_t k = 1 + static_cast<std::size_t>(m.argument) % (points.size() - 1);
      const std::size_t end = k + 1 < points.size() ? points[k + 1] : text.size();
      return text.substr(0, points[0]) + "*" + text.substr(points[k], end - points[k]) + "*";
    }
    case PatternOp::kAppendStar:
    case PatternOp::kCount:
      break;
  }
  return text + "*";
}

rc::Gen<Mutation> gen_mutation() {
  // Word truncation is what real policies do most (`s3:Get*`), and words between stars
  // (`s3:*Object*`) are where `p*` ⊆ entry stops being automatic; weight both up.
  return rc::gen::build<Mutation>(
      rc::gen::set(&Mutation::op, rc::gen::weightedOneOf<int>({{4, rc::gen::just(static_cast<int>(PatternOp::kTruncateAtWord))},
                                                               {2, rc::gen::just(static_cast<int>(PatternOp::kWordInStars))},
                                                               {1, rc::gen::just(static_cast<int>(PatternOp::kKeepEnds))},
                                                               {6, uniform(0, static_cast<int>(PatternOp::kCount))}})),
      rc::gen::set(&Mutation::position, uniform(0, 64)),
      rc::gen::set(&Mutation::argument, uniform(0, 16)));
}

struct PatternSpec {
  int source = 0;  // 0: a catalog action, 1: a free name (maybe unknown), 2: `*`
  int catalog_index = 0;
  NameSpec free_name;
  std::vector<Mutation> mutations;
};

rc::Gen<PatternSpec> gen_pattern_spec() {
  return rc::gen::build<PatternSpec>(
      rc::gen::set(&PatternSpec::source, rc::gen::weightedElement<int>({{14, 0}, {4, 1}, {1, 2}})),
      rc::gen::set(&PatternSpec::catalog_index, uniform(0, 1000)),
      rc::gen::set(&PatternSpec::free_name, gen_name_spec(kCatalogServices)),
      rc::gen::set(&PatternSpec::mutations,
                   rc::gen::weightedOneOf<std::vector<Mutation>>(
                       {{1, rc::gen::just(std::vector<Mutation>{})},
                        {4, rc::gen::resize(3, rc::gen::nonEmpty(rc::gen::container<std::vector<Mutation>>(gen_mutation())))}})));
}

std::string full_name(const std::pair<std::string, std::string>& action) { return action.first + ":" + action.second; }

std::string resolve_pattern(const PatternSpec& spec, const std::vector<std::pair<std::string, std::string>>& catalog) {
  std::string text;
  if (spec.source == 2) {
    text = "*";
  } else if (spec.source == 0 && !catalog.empty()) {
    text = full_name(catalog[static_cast<std::size_t>(spec.catalog_index) % catalog.size()]);
  } else {
    text = full_name(resolve_name(spec.free_name));
  }
  for (const auto& mutation : spec.mutations) text = apply_mutation(std::move(text), mutation);
  return text.empty() ? "*" : text;
}

struct StatementSpec {
  bool allow = true;
  bool not_action = false;
  std::vector<PatternSpec> patterns;
  bool as_string = false;
  bool sid = false;
  int resource = 0;   // 0 none, 1 one ARN, 2 an array, 3 NotResource
  int condition = 0;  // 0 none, 1–2 one of two conditions
  int key_order = 0;
};

rc::Gen<StatementSpec> gen_statement_spec(int max_patterns) {
  return rc::gen::build<StatementSpec>(
      rc::gen::set(&StatementSpec::allow, rc::gen::weightedElement<bool>({{4, true}, {1, false}})),
      rc::gen::set(&StatementSpec::not_action, rc::gen::weightedElement<bool>({{5, false}, {1, true}})),
      rc::gen::set(&StatementSpec::patterns,
                   rc::gen::resize(max_patterns, rc::gen::nonEmpty(rc::gen::container<std::vector<PatternSpec>>(gen_pattern_spec())))),
      rc::gen::set(&StatementSpec::as_string, rc::gen::arbitrary<bool>()),
      rc::gen::set(&StatementSpec::sid, rc::gen::arbitrary<bool>()),
      rc::gen::set(&StatementSpec::resource, uniform(0, 4)),
      rc::gen::set(&StatementSpec::condition, uniform(0, 3)),
      rc::gen::set(&StatementSpec::key_order, uniform(0, 120)));
}

struct PolicySpec {
  std::vector<StatementSpec> statements;
  bool id = false;
  bool statement_as_object = false;
};

using model::Json;

model::Json resolve_statement(const StatementSpec& spec, std::size_t index,
                       const std::vector<std::pair<std::string, std::string>>& catalog) {
  std::vector<std::pair<std::string, model::Json>> fields;
  if (spec.sid) fields.emplace_back("Sid", "S" + std::to_string(index));
  fields.emplace_back("Effect", spec.allow ? "Allow" : "Deny");
  model::Json patterns = model::Json::array();
  for (const auto& pattern : spec.patterns) patterns.push_back(resolve_pattern(pattern, catalog));
  const model::Json action_value = spec.as_string && patterns.size() == 1 ? patterns[0] : patterns;
  fields.emplace_back(spec.not_action ? "NotAction" : "Action", action_value);
  switch (spec.resource) {
    case 1: fields.emplace_back("Resource", "arn:aws:s3:::bucket/*"); break;
    case 2: fields.emplace_back("Resource", model::Json::array({"arn:aws:s3:::a", "arn:aws:kms:*:*:key/1"})); break;
    case 3: fields.emplace_back("NotResource", "arn:aws:s3:::secret/*"); break;
    default: break;
  }
  if (spec.condition == 1) fields.emplace_back("Condition", model::Json::parse(R"({"StringEquals":{"aws:RequestedRegion":"eu-west-1"}})"));
  if (spec.condition == 2) fields.emplace_back("Condition", model::Json::parse(R"({"Bool":{"aws:MultiFactorAuthPresent":"true"}})"));
  // A key order of its own: a small deterministic shuffle.
  std::uint32_t state = static_cast<std::uint32_t>(spec.key_order) * 2654435761u + 1u;
  for (std::size_t i = fields.size(); i > 1; --i) {
    state = state * 1664525u + 1013904223u;
    std::swap(fields[i - 1], fields[(state >> 16) % i]);
  }
  model::Json statement = model::Json::object();
  for (auto& [key, value] : fields) statement[key] = std::move(value);
  return statement;
}

std::string resolve_policy(const PolicySpec& spec, const std::vector<std::pair<std::string, std::string>>& catalog) {
  model::Json policy = model::Json::object();
  policy["Version"] = "2012-10-17";
  if (spec.id) policy["Id"] = "generated-policy";
  if (spec.statement_as_object && spec.statements.size() == 1) {
    policy["Statement"] = resolve_statement(spec.statements[0], 0, catalog);
  } else {
    model::Json statements = model::Json::array();
    for (std::size_t i = 0; i < spec.statements.size(); ++i) statements.push_back(resolve_statement(spec.statements[i], i, catalog));
    policy["Statement"] = std::move(statements);
  }
  return policy.dump(2);
}

struct UnusedSpec {
  bool from_catalog = true;
  int catalog_index = 0;
  NameSpec free_name;
  int spelling = 0;  // 0 as spelled, 1 lower-case, 2 upper-case, 3 with `service:` prefix
};

struct FindingsSpec {
  std::vector<UnusedSpec> actions;
  std::vector<int> whole_services;
};

rc::Gen<FindingsSpec> gen_findings_spec(int max_actions) {
  const auto unused = rc::gen::build<UnusedSpec>(
      rc::gen::set(&UnusedSpec::from_catalog, rc::gen::weightedElement<bool>({{5, true}, {1, false}})),
      rc::gen::set(&UnusedSpec::catalog_index, uniform(0, 1000)),
      rc::gen::set(&UnusedSpec::free_name, gen_name_spec(static_cast<int>(kServices.size()))),
      rc::gen::set(&UnusedSpec::spelling, rc::gen::weightedElement<int>({{6, 0}, {1, 1}, {1, 2}, {1, 3}})));
  return rc::gen::build<FindingsSpec>(
      rc::gen::set(&FindingsSpec::actions, rc::gen::resize(max_actions, rc::gen::container<std::vector<UnusedSpec>>(unused))),
      rc::gen::set(&FindingsSpec::whole_services,
                   rc::gen::weightedOneOf<std::vector<int>>(
                       {{4, rc::gen::just(std::vector<int>{})},
                        {1, rc::gen::resize(2, rc::gen::container<std::vector<int>>(
                                                   uniform(0, static_cast<int>(kServices.size()))))}})));
}

std::string spelled(std::string text, int spelling) {
  for (char& c : text) {
    if (spelling == 1) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (spelling == 2) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return text;
}

Scenario resolve_scenario(const std::vector<NameSpec>& catalog_spec, const PolicySpec& policy_spec,
                          const FindingsSpec& findings_spec) {
  Scenario scenario;
  for (const auto& name : catalog_spec) scenario.catalog.push_back(resolve_name(name));
  scenario.policy_text = resolve_policy(policy_spec, scenario.catalog);
  for (const auto& unused : findings_spec.actions) {
    const auto action = unused.from_catalog ? scenario.catalog[static_cast<std::size_t>(unused.catalog_index) % scenario.catalog.size()]
                                            : resolve_name(unused.free_name);
    std::string name = spelled(action.second, unused.spelling);
    if (unused.spelling == 3) name = action.first + ":" + name;
    scenario.unused_actions.emplace_back(action.first, name);
  }
  for (int service : findings_spec.whole_services) {
    scenario.unused_services.emplace_back(kServices[static_cast<std::size_t>(service) % kServices.size()]);
  }
  return scenario;
}

}  // namespace

void showValue(const Scenario& scenario, std::ostream& os) {
  os << "\n  catalog (" << scenario.catalog.size() << "):";
  for (const auto& [service, name] : scenario.catalog) os << " " << service << ":" << name;
  os << "\n  unused actions:";
  for (const auto& [service, name] : scenario.unused_actions) os << " [" << service << "] " << name;
  os << "\n  unused services:";
  for (const auto& service : scenario.unused_services) os << " " << service;
  os << "\n  policy:\n" << scenario.policy_text << "\n";
}

rc::Gen<Scenario> gen_scenario(const ScenarioShape& shape) {
  const auto catalog = rc::gen::resize(
      shape.max_catalog_actions, rc::gen::nonEmpty(rc::gen::container<std::vector<NameSpec>>(gen_name_spec(kCatalogServices))));
  const auto policy = rc::gen::build<PolicySpec>(
      rc::gen::set(&PolicySpec::statements, rc::gen::resize(shape.max_statements, rc::gen::nonEmpty(rc::gen::container<std::vector<StatementSpec>>(
                                                                                         gen_statement_spec(shape.max_patterns))))),
      rc::gen::set(&PolicySpec::id, rc::gen::arbitrary<bool>()),
      rc::gen::set(&PolicySpec::statement_as_object, rc::gen::arbitrary<bool>()));
  // Few unused actions against many used ones: dense findings make every trie node unsafe.
  const auto findings = shape.with_findings ? gen_findings_spec(std::max(2, shape.max_catalog_actions / 5))
                                            : rc::gen::just(FindingsSpec{});
  return rc::gen::map(rc::gen::tuple(catalog, policy, findings), [](const auto& parts) {
    return resolve_scenario(std::get<0>(parts), std::get<1>(parts), std::get<2>(parts));
  });
}

rc::Gen<Scenario> gen_small_scenario() {
  ScenarioShape shape;
  shape.max_catalog_actions = 10;
  shape.max_statements = 3;
  shape.max_patterns = 3;
  return gen_scenario(shape);
}

rc::Gen<std::string> gen_pattern_for(const std::vector<std::pair<std::string, std::string>>& catalog) {
  return rc::gen::map(gen_pattern_spec(), [catalog](const PatternSpec& spec) { return resolve_pattern(spec, catalog); });
}

model::PolicyDocument parse_policy(const std::string& text) {
  auto loaded = model::load_policy_text(text, "generated-policy.json");
  if (!loaded) RC_FAIL("generated policy does not parse: " + loaded.error().message);
  return std::move(loaded).value().document;
}

EngineInputs build_inputs(const Scenario& scenario, unsigned catalog_shuffle, bool reverse_findings) {
  auto actions = scenario.catalog;
  if (catalog_shuffle != 0) {
    std::uint32_t state = catalog_shuffle;
    for (std::size_t i = actions.size(); i > 1; --i) {
      state = state * 1664525u + 1013904223u;
      std::swap(actions[i - 1], actions[(state >> 16) % i]);
    }
  }
  auto catalog = model::Catalog::from_actions(actions, model::CatalogIdentity{"generated catalog", ""});
  if (!catalog) RC_FAIL("generated catalog rejected: " + catalog.error().message);

  model::UnusedFindings findings;
  auto unused = scenario.unused_actions;
  auto services = scenario.unused_services;
  if (reverse_findings) {
    std::reverse(unused.begin(), unused.end());
    std::reverse(services.begin(), services.end());
  }
  for (const auto& [service, name] : unused) findings.add_unused_action(service, name);
  for (const auto& service : services) findings.add_unused_service(service);
  return EngineInputs{std::move(catalog).value(), parse_policy(scenario.policy_text), std::move(findings)};
}

}  // namespace leastpriv::property
