// `leastpriv refine`: the original policy minus the unused actions, as a policy document, a
// unified diff or a GetFindingRecommendation response; verified before it is written unless
// --no-verify says otherwise (and then stderr says the result is unproved). Its flags are
// declared in cli/options.cpp.
//
// Tested by: tests/cli/refine_cli_test.cpp, tests/cli/verify_cli_test.cpp, tests/golden/seed_golden_test.cpp
#include "cli/commands/commands.h"
#include "cli/inputs.h"
#include "cli/output_files.h"
#include "cli/refine_verification.h"
#include "cli/report.h"
#include "model/findings.h"
#include "model/json_text.h"
#include "engine/render/line_diff.h"
#include "model/policy_input.h"
#include "engine/render/recommendation.h"
#include "engine/refine.h"

#include <algorithm>
#include <filesystem>

namespace leastpriv::cli {

namespace {

Result<std::string> format_output(const std::string& format, const model::LoadedPolicy& original,
                                  const engine::Refinement& refinement, const std::string& policy_path,
                                  const std::string& policy_id, const model::UnusedFindings& findings) {
  if (format == "policy") return model::policy_to_text(refinement.document);
  if (format == "diff") {
    return engine::unified_diff(model::policy_to_text(original.document), model::policy_to_text(refinement.document),
                                policy_path, "refined");
  }
  if (format == "recommendation") {
    std::string id = policy_id;
    if (id.empty()) id = original.policy_id;
    if (id.empty()) id = std::filesystem::path(policy_path).stem().string();
    return model::dump_json(engine::recommendation_json(refinement, id, findings.resource())) + "\n";
  }
  return Error{ErrorKind::kUsage, "unknown --format `" + format + "` (policy, diff or recommendation)"};
}

}  // namespace

int run_refine(const Words& words) {
  auto arguments = parse_arguments(words, declared_command("refine"));
  if (!arguments) return report_error(arguments.error());
  const std::string format = arguments->choice("--format");
  if (arguments->has("--no-verify") && arguments->value("--certificate")) {
    return report_error(Error{ErrorKind::kUsage, "--certificate needs verification: drop --no-verify"});
  }
  if (arguments->value("--certificate") && !arguments->value("-o")) {
    return report_error(Error{ErrorKind::kUsage, "--certificate needs -o: the certificate names the result file's hash"});
  }
  if (auto distinct = check_output_flags(*arguments, {"-o", "--certificate"}, {"--policy", "--findings", "--catalog"});
      !distinct) {
    return report_error(distinct.error());
  }
  auto strategy = engine::make_strategy(arguments->value("--strategy").value_or("aws"));
  if (!strategy) return report_error(strategy.error());
  auto inputs = load_refine_inputs(*arguments);
  if (!inputs) return report_error(inputs.error());

  const engine::Refinement refinement =
      engine::refine_policy(inputs->original.document, inputs->findings, inputs->catalog, **strategy);
  for (const auto& warning : refinement.warnings) report_warning(warning);
  if (refinement.detach && refinement.changed()) {
    report_note("no statement is left: the recommendation is DETACH_POLICY");
  } else if (refinement.changed() && std::none_of(refinement.document.statements.begin(),
                                                  refinement.document.statements.end(), [](const model::Statement& s) {
                                                    return s.effect == model::Effect::kAllow;
                                                  })) {
    report_note("only Deny statements are left: the policy is kept for them (detaching it would drop the Deny, "
                "which also limits the principal's other policies)");
  }

  auto text = format_output(format, inputs->original, refinement, inputs->policy_path,
                            arguments->value("--policy-id").value_or(""), inputs->findings);
  if (!text) return report_error(text.error());

  verifier::VerificationReport report;
  if (arguments->has("--no-verify")) {
    report_warning("--no-verify: the result is NOT verified; run `leastpriv verify` before using it");
  } else {
    const int verdict = verify_refined_policy(inputs->original.document, inputs->findings, refinement.document,
                                              inputs->catalog, *arguments, report);
    if (verdict != kExitOk) return verdict;  // nothing unproved is written
  }
  // The result and its certificate are written together: both files or neither.
  std::vector<OutputFile> outputs = {{"-o", arguments->value("-o").value_or(""), *text}};
  if (arguments->value("--certificate")) {
    auto certificate = refine_certificate(report, inputs->catalog, *arguments, (*strategy)->configured_name(), *text);
    if (!certificate) return report_error(certificate.error());
    outputs.push_back(std::move(certificate).value());
  }
  if (auto written = write_outputs(outputs); !written) return report_error(written.error());
  if (outputs.size() > 1) report_note("certificate written to `" + outputs.back().path + "`");
  return kExitOk;
}

}  // namespace leastpriv::cli
