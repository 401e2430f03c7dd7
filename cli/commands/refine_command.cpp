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

// What the verifier is shown is what is written: the output bytes parsed again (a diff is no
// policy, so for --format diff the refined policy's own text, from which the diff was made).
Result<model::PolicyDocument> written_document(const std::string& format, const std::string& text,
                                               const engine::Refinement& refinement) {
  const std::string policy_text = format == "diff" ? model::policy_to_text(refinement.document) : text;
  auto parsed = model::load_policy_text(policy_text, "the refined output");
  if (!parsed) {
    return Error{ErrorKind::kInternal, "the refined output does not read back as a policy: " + parsed.error().message};
  }
  return model::candidate_document(*parsed);
}

}  // namespace

int run_refine(const Words& words) {
  auto arguments = parse_arguments(words, declared_command("refine"));
  if (!arguments) return report_error(arguments.error());
  const std::string format = arguments->choice("--format");
  if (arguments->has("--no-verify") && arguments->value("--certificate")) {
    return report_error(Error{ErrorKind::kUsage, "--certificate needs verification: drop --no-verify"});
  }
  if (arguments->value("--certificate") && format == "diff") {
    return report_error(Error{ErrorKind::kUsage, "--certificate needs a policy to bind to: a diff is none; use "
                                                 "--format policy or recommendation"});
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

  auto text = format_output(format, inputs->original, refinement, inputs->policy_file.path,
                            arguments->value("--policy-id").value_or(""), inputs->findings);
  if (!text) return report_error(text.error());
  // What refine writes, verify must be able to read back (checked before the verification).
  std::vector<OutputFile> outputs = {{"-o", arguments->value("-o").value_or(""), *text}};
  if (format != "diff") {
    if (auto fits = check_readable_back(outputs.front(), "refined policy"); !fits) return report_error(fits.error());
  }

  verifier::VerificationReport report;
  if (arguments->has("--no-verify")) {
    report_warning("--no-verify: the result is NOT verified; run `leastpriv verify` before using it");
  } else {
    auto written = written_document(format, *text, refinement);
    if (!written) return report_error(written.error());
    const int verdict = verify_refined_policy(inputs->original.document, inputs->findings, *written, inputs->catalog,
                                              *arguments, report);
    if (verdict != kExitOk) return verdict;  // nothing unproved is written
  }
  // The result and its certificate are written together: both files or neither.
  if (arguments->value("--certificate")) {
    outputs.push_back(refine_certificate(report, *inputs, *arguments, (*strategy)->configured_name(), *text));
    if (auto fits = check_readable_back(outputs.back(), "certificate"); !fits) return report_error(fits.error());
  }
  if (auto written = write_outputs(outputs); !written) return report_error(written.error());
  if (outputs.size() > 1) report_note("certificate written to `" + outputs.back().path + "`");
  return kExitOk;
}

}  // namespace leastpriv::cli
