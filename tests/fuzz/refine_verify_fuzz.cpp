// Fuzzes refine -> verify end to end on small catalogs: the input bytes choose a catalog (names
// made of a few IAM-like words in two services), a policy of up to four statements (Allow or
// Deny, Action or NotAction, patterns of those words with `*` and `?`) and the unused actions.
// Every strategy refines it; the result must be proved by the verifier (its automaton, so a
// run stays fast) and must allow, by the reference matcher over the catalog, exactly what the
// original allows minus the unused actions. Anything else aborts: a result that is not proved
// is a crash.
#include "engine/refine.h"
#include "engine/strategies/strategy.h"
#include "model/catalog.h"
#include "model/findings.h"
#include "model/policy_input.h"
#include "spec/reference_matcher.h"
#include "verifier/decide/verify.h"

#include <fuzzer/FuzzedDataProvider.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

using namespace leastpriv;

const std::vector<std::string> kServices = {"s3", "ec2"};
const std::vector<std::string> kWords = {"Get", "Put", "List", "Object", "Bucket", "Tag", "Acl", "S"};

std::string word_sequence(FuzzedDataProvider& in, std::size_t max_words) {
  std::string name;
  const std::size_t words = in.ConsumeIntegralInRange<std::size_t>(1, max_words);
  for (std::size_t i = 0; i < words; ++i) name += kWords[in.ConsumeIntegralInRange<std::size_t>(0, kWords.size() - 1)];
  return name;
}

std::string pattern(FuzzedDataProvider& in) {
  std::string text = in.ConsumeBool() ? "*" : kServices[in.ConsumeIntegralInRange<std::size_t>(0, kServices.size() - 1)] + ":";
  if (text == "*") return in.ConsumeBool() ? text : "*:" + word_sequence(in, 2) + "*";
  const std::size_t parts = in.ConsumeIntegralInRange<std::size_t>(0, 3);
  for (std::size_t i = 0; i < parts; ++i) {
    switch (in.ConsumeIntegralInRange(0, 3)) {
      case 0: text += word_sequence(in, 2); break;
      case 1: text += "*"; break;
      case 2: text += "?"; break;
      default: text += word_sequence(in, 1) + "*"; break;
    }
  }
  return text.back() == ':' ? text + "*" : text;
}

std::string json_string(const std::string& text) { return "\"" + text + "\""; }

bool policy_allows(const model::PolicyDocument& policy, const std::string& action) {
  bool allowed = false;
  for (const auto& statement : policy.statements) {
    const bool matches = spec::reference_statement_allows(true, statement.action_key == model::ActionKey::kNotAction,
                                                          statement.patterns, action);
    if (!matches) continue;
    if (statement.effect == model::Effect::kDeny) return false;
    allowed = true;
  }
  return allowed;
}

[[noreturn]] void fail(const std::string& what, const std::string& policy, const std::string& findings) {
  std::fprintf(stderr, "refine_verify_fuzz: %s\npolicy: %s\nfindings: %s\n", what.c_str(), policy.c_str(),
               findings.c_str());
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider in(data, size);
  std::vector<std::pair<std::string, std::string>> actions;
  const std::size_t action_count = in.ConsumeIntegralInRange<std::size_t>(1, 12);
  for (std::size_t i = 0; i < action_count; ++i) {
    actions.emplace_back(kServices[in.ConsumeIntegralInRange<std::size_t>(0, kServices.size() - 1)], word_sequence(in, 3));
  }
  auto catalog = model::Catalog::from_actions(actions, model::CatalogIdentity{"fuzz", "2026-01-01"});
  if (!catalog) return 0;

  std::string policy_text = "{\"Version\": \"2012-10-17\", \"Statement\": [";
  const std::size_t statements = in.ConsumeIntegralInRange<std::size_t>(1, 4);
  for (std::size_t s = 0; s < statements; ++s) {
    const bool deny = in.ConsumeIntegralInRange(0, 3) == 0;
    const bool not_action = in.ConsumeIntegralInRange(0, 3) == 0;
    policy_text += std::string(s ? ", " : "") + "{\"Effect\": " + json_string(deny ? "Deny" : "Allow") + ", \"" +
                   (not_action ? "NotAction" : "Action") + "\": [";
    const std::size_t patterns = in.ConsumeIntegralInRange<std::size_t>(1, 3);
    for (std::size_t p = 0; p < patterns; ++p) policy_text += std::string(p ? ", " : "") + json_string(pattern(in));
    policy_text += "], \"Resource\": \"*\"}";
  }
  policy_text += "]}";

  std::string findings_text = "[";
  for (std::size_t i = 0; i < catalog->actions().size(); ++i) {
    if (!in.ConsumeBool()) continue;
    const std::string action(catalog->actions()[i].full);
    const auto colon = action.find(':');
    findings_text += std::string(findings_text.size() > 1 ? ", " : "") + "{\"serviceNamespace\": " +
                     json_string(action.substr(0, colon)) + ", \"actions\": [" + json_string(action.substr(colon + 1)) +
                     "]}";
  }
  if (in.ConsumeIntegralInRange(0, 7) == 0) findings_text += std::string(findings_text.size() > 1 ? ", " : "") + "{\"serviceNamespace\": \"ec2\"}";
  findings_text += "]";

  auto original = model::load_policy_text(policy_text, "policy.json");
  auto findings = model::UnusedFindings::from_text(findings_text, "findings.json");
  if (!original || !findings) fail("the generated input does not read", policy_text, findings_text);

  verifier::VerifyOptions options;
  options.use_z3 = false;
  options.use_cvc5 = false;
  options.threads = 1;
  for (const auto& name : engine::strategy_names()) {
    auto strategy = engine::make_strategy(name);
    if (!strategy) fail("no strategy " + name, policy_text, findings_text);
    const auto refinement = engine::refine_policy(original->document, *findings, *catalog, **strategy);
    auto report = verifier::verify_refinement(original->document, *findings, refinement.document, *catalog, options);
    if (!report) fail(name + ": verify error: " + report.error().message, policy_text, findings_text);
    if (report->verdict != verifier::Verdict::kProved) {
      fail(name + ": NOT proved:\n" + verifier::report_to_text(*report) + "result: " +
               model::policy_to_text(refinement.document),
           policy_text, findings_text);
    }
    for (const auto& action : catalog->actions()) {
      const std::string full(action.full);
      const bool expected = policy_allows(original->document, full) && !findings->is_unused(action.lower_full);
      if (policy_allows(refinement.document, full) != expected) {
        fail(name + ": result disagrees with the reference on " + full, policy_text, findings_text);
      }
    }
  }
  return 0;
}
