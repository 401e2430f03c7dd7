// Re-checking a certificate against its inputs; see recheck.h.
#include "verifier/certificate/recheck.h"

#include "verifier/certificate/recheck_parts.h"

#include "support/parallel_for.h"
#include "support/process.h"
#include "verifier/certificate/certificate.h"
#include "verifier/certificate/sha256.h"
#include "verifier/encode/obligation_texts.h"
#include "verifier/encode/obligations.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <thread>

namespace leastpriv::verifier {

std::vector<std::string> default_z3_wasm_command() { return {"node", LEASTPRIV_Z3_WASM_SCRIPT}; }

std::vector<RecheckSolver> default_recheck_solvers() { return {RecheckSolver::kZ3, RecheckSolver::kCvc5}; }

SolverCommand recheck_command(RecheckSolver solver, const RecheckOptions& options) {
  switch (solver) {
    case RecheckSolver::kZ3:
      return {solver, {options.z3_binary}, options.timeout_seconds};
    case RecheckSolver::kCvc5:
      return {solver, {options.cvc5_binary}, options.timeout_seconds};
    case RecheckSolver::kZ3Wasm:
      return {solver, options.z3_wasm_command, options.timeout_seconds};
  }
  return {solver, {}, options.timeout_seconds};  // unreachable: every solver is named above
}

std::vector<SolverCommand> recheck_commands(const RecheckOptions& options) {
  std::vector<SolverCommand> commands;
  for (const RecheckSolver solver : options.solvers) commands.push_back(recheck_command(solver, options));
  return commands;
}

namespace {

using Clock = std::chrono::steady_clock;

Status check_format(const model::Json& certificate, const std::string& file) {
  const std::string expected = kCertificateFormat;
  if (!certificate.is_object() || !certificate.contains("format") || !certificate["format"].is_string()) {
    return model::error_at(file, "/format", "not a leastpriv certificate (expected `" + expected + "`)");
  }
  const std::string format = certificate["format"].get<std::string>();
  if (format == expected) return Ok{};
  if (format.rfind("leastpriv-certificate-", 0) == 0) {
    return model::error_at(file, "/format",
                           "certificate format `" + format + "` is not the one this leastpriv reads (`" + expected +
                               "`): make the certificate again with this version");
  }
  return model::error_at(file, "/format", "not a leastpriv certificate (expected `" + expected + "`)");
}

std::string string_field(const model::Json& object, const char* key) {
  return object.contains(key) && object[key].is_string() ? object[key].get<std::string>() : "";
}

Result<std::vector<RecordedObligation>> read_obligations(const model::Json& certificate, const std::string& file) {
  if (!certificate.contains("obligations") || !certificate["obligations"].is_array()) {
    return model::error_at(file, "/obligations", "expected an array");
  }
  std::vector<RecordedObligation> recorded;
  const auto& obligations = certificate["obligations"];
  for (std::size_t i = 0; i < obligations.size(); ++i) {
    const auto& entry = obligations[i];
    const std::string pointer = "/obligations/" + std::to_string(i);
    if (!entry.is_object() || !entry.contains("id") || !entry["id"].is_string()) {
      return model::error_at(file, pointer, "expected an obligation with an `id`");
    }
    RecordedObligation obligation{entry["id"].get<std::string>(), string_field(entry, "obligation"),
                                  string_field(entry, "verdict"), std::nullopt};
    if (entry.contains("smtlib")) {
      if (!entry["smtlib"].is_string()) return model::error_at(file, pointer + "/smtlib", "expected the SMT-LIB2 text");
      obligation.smtlib = entry["smtlib"].get<std::string>();
    } else if (obligation.code != "O0") {
      return model::error_at(file, pointer + "/smtlib", "expected the SMT-LIB2 text");
    }
    recorded.push_back(std::move(obligation));
  }
  return recorded;
}

// A certificate is evidence of a proof: every verdict it records must be `proved`.
void check_recorded_verdicts(const model::Json& certificate, const std::vector<RecordedObligation>& recorded,
                             std::vector<std::string>& problems) {
  const std::string verdict = string_field(certificate, "verdict");
  if (verdict != "proved") problems.push_back("the certificate records the verdict `" + verdict + "`, not `proved`");
  for (const auto& obligation : recorded) {
    if (obligation.verdict != "proved") {
      problems.push_back("obligation `" + obligation.id + "` records the verdict `" + obligation.verdict + "`, not `proved`");
    }
  }
}

void check_hashes(const model::Json& certificate, const model::VerificationFiles& subject, std::vector<std::string>& problems) {
  check_input_hash(certificate, "original", subject.original, problems);
  check_input_hash(certificate, "findings", subject.findings, problems);
  check_input_hash(certificate, "result", subject.result, problems);
}

// The catalog file, when the certificate was made with one, is the given --catalog, byte for
// byte (its canonical hash, checked apart, fixes what it means; this fixes the file as well).
}  // namespace

void check_catalog_file(const model::Json& certificate, const std::optional<model::InputFile>& catalog_file,
                        std::vector<std::string>& problems) {
  const model::Json* recorded = nullptr;
  if (certificate.contains("catalog") && certificate["catalog"].is_object() && certificate["catalog"].contains("file")) {
    recorded = &certificate["catalog"]["file"];
  }
  if (recorded == nullptr && catalog_file) {
    problems.push_back("the certificate was made with the embedded catalog, not a --catalog file");
    return;
  }
  if (recorded == nullptr) return;
  const std::string expected = recorded->is_object() ? string_field(*recorded, "sha256") : "";
  if (!catalog_file) {
    problems.push_back("the certificate was made with a catalog file (SHA-256 " + expected + "): give it with --catalog");
    return;
  }
  const std::string actual = sha256_hex(catalog_file->bytes);
  if (actual != expected) {
    problems.push_back("catalog `" + catalog_file->path + "` hashes to " + actual + ", the certificate says " +
                       expected);
  }
}

void check_catalog_hash(const model::Json& certificate, const std::string& rebuilt_sha256,
                        std::vector<std::string>& problems) {
  const bool has_catalog = certificate.contains("catalog") && certificate["catalog"].is_object();
  const std::string recorded_catalog = has_catalog ? string_field(certificate["catalog"], "canonical_sha256") : "";
  if (recorded_catalog != rebuilt_sha256) {
    problems.push_back("the catalog's canonical SHA-256 is " + rebuilt_sha256 + ", the certificate says `" +
                       recorded_catalog + "` (give the certificate's catalog with --catalog)");
  }
}

void check_input_hash(const model::Json& certificate, const char* key, const model::InputFile& input,
                      std::vector<std::string>& problems) {
  const bool recorded = certificate.contains("inputs") && certificate["inputs"].is_object() &&
                        certificate["inputs"].contains(key) && certificate["inputs"][key].is_object();
  const std::string expected = recorded ? string_field(certificate["inputs"][key], "sha256") : "";
  if (expected.empty()) {
    problems.push_back(std::string("the certificate records no SHA-256 for `") + key + "`");
    return;
  }
  const std::string actual = sha256_hex(input.bytes);
  if (expected != actual) {
    problems.push_back(std::string(key) + " `" + input.path + "` hashes to " + actual + ", the certificate says " + expected);
  }
}

namespace {

// What the verifier itself makes of the given files: the catalog's canonical hash, O0's
// answer and every O1-O3 text.
struct Rebuilt {
  std::string catalog_sha256;
  std::string unchanged_difference;
  std::vector<ObligationText> texts;
};

Result<Rebuilt> rebuild_obligations(const model::VerificationFiles& subject) {
  auto inputs = model::parse_verification_files(subject);
  if (!inputs) return inputs.error();
  auto tasks = build_queries(inputs->original, inputs->findings, inputs->result, inputs->catalog);
  if (!tasks) return tasks.error();
  return Rebuilt{catalog_hash(inputs->catalog), unchanged_difference(inputs->original, inputs->result),
                 obligation_texts(*tasks)};
}

// Where two texts first differ, for the message.
std::string first_difference(const std::string& recorded, const std::string& rebuilt) {
  std::size_t i = 0;
  while (i < recorded.size() && i < rebuilt.size() && recorded[i] == rebuilt[i]) ++i;
  return "first difference at byte " + std::to_string(i);
}

}  // namespace

void compare_obligations(const std::vector<RecordedObligation>& recorded, const std::vector<ObligationText>& texts,
                         bool expect_unchanged, std::vector<std::string>& problems) {
  std::map<std::string, const ObligationText*> expected;
  for (const auto& text : texts) expected[text.id] = &text;
  std::set<std::string> seen;
  bool has_unchanged = false;
  for (const auto& obligation : recorded) {
    if (!seen.insert(obligation.id).second) {
      problems.push_back("obligation `" + obligation.id + "` is recorded more than once");
      continue;
    }
    if (obligation.id == "O0" && expect_unchanged) {
      has_unchanged = true;
      if (obligation.code != "O0" || obligation.smtlib) problems.push_back("obligation `O0` is not the unchanged obligation");
      continue;
    }
    const auto found = expected.find(obligation.id);
    if (found == expected.end()) {
      problems.push_back("obligation `" + obligation.id + "` is not one the inputs give (extra)");
      continue;
    }
    if (obligation.code != obligation.id.substr(0, 2)) {
      problems.push_back("obligation `" + obligation.id + "` is labelled `" + obligation.code + "`");
    }
    if (!obligation.smtlib || *obligation.smtlib != found->second->smtlib) {
      problems.push_back("obligation `" + obligation.id + "`: the SMT-LIB2 text is not the one rebuilt from the inputs (" +
                         first_difference(obligation.smtlib.value_or(""), found->second->smtlib) + ")");
    }
  }
  if (expect_unchanged && !has_unchanged) problems.push_back("obligation `O0` (unchanged) is missing");
  for (const auto& text : texts) {
    if (seen.count(text.id) == 0) problems.push_back("obligation `" + text.id + "` is missing");
  }
}

namespace {

// Everything that ties the certificate to the subject; adds what fails to `problems` and
// returns the texts to re-run (the rebuilt ones: by then byte-identical to the certificate's).
Result<std::vector<ObligationText>> bind_to_subject(const model::Json& certificate,
                                                     const std::vector<RecordedObligation>& recorded,
                                                     const model::VerificationFiles& subject,
                                                     std::vector<std::string>& problems) {
  check_hashes(certificate, subject, problems);
  auto rebuilt = rebuild_obligations(subject);
  if (!rebuilt) return rebuilt.error();
  check_catalog_hash(certificate, rebuilt->catalog_sha256, problems);
  check_catalog_file(certificate, subject.catalog_file, problems);
  compare_obligations(recorded, rebuilt->texts, true, problems);
  if (!rebuilt->unchanged_difference.empty()) problems.push_back("O0 unchanged does not hold: " + rebuilt->unchanged_difference);
  return std::move(rebuilt->texts);
}

// Every solver named on every text, over a few workers; each worker keeps one long-lived process per
// solver (solver_session.h) and takes the next (text, solver) pair as it finishes the last.
// Verdict kSolvers.size() * i + s is solver s's on text i.
std::vector<RecheckVerdict> run_rechecks(const std::vector<ObligationText>& texts, const RecheckOptions& options) {
  const std::vector<SolverCommand> commands = recheck_commands(options);
  std::vector<RecheckVerdict> verdicts(texts.size() * commands.size());
  if (verdicts.empty()) return verdicts;
  const unsigned hardware = std::max(1U, std::thread::hardware_concurrency());
  const std::size_t workers = std::min<std::size_t>(options.threads > 0 ? options.threads : hardware, verdicts.size());
  std::atomic<std::size_t> next{0};
  support::parallel_for(workers, static_cast<unsigned>(workers), [&](std::size_t) {
    std::vector<std::unique_ptr<SolverSession>> sessions(commands.size());
    for (std::size_t k = next++; k < verdicts.size(); k = next++) {
      const std::size_t s = k % commands.size();
      if (!sessions[s]) sessions[s] = std::make_unique<SolverSession>(commands[s]);
      const auto began = Clock::now();
      RecheckVerdict& verdict = verdicts[k];
      verdict.obligation_id = texts[k / commands.size()].id;
      verdict.solver = recheck_solver_name(commands[s].solver);
      verdict.answer = sessions[s]->answer(texts[k / commands.size()].smtlib);
      verdict.seconds = std::chrono::duration<double>(Clock::now() - began).count();
    }
  });
  return verdicts;
}

// `name: /path/to/binary [script] (first line of its --version)`.
std::string solver_identity(const SolverCommand& command) {
  const std::string name = recheck_solver_name(command.solver);
  const std::string path = support::resolve_program(command.program.front());
  if (path.empty()) return name + ": `" + command.program.front() + "` not found (NOT run: every text of it is an error)";
  std::vector<std::string> argv = command.program;
  argv.front() = path;
  argv.push_back("--version");
  const auto version = support::run_process(argv, 20);
  std::string line = version.output.substr(0, version.output.find('\n'));
  if (line.size() > 120) line = line.substr(0, 120) + "…";
  std::string program = path;
  for (std::size_t i = 1; i < command.program.size(); ++i) program += " " + command.program[i];
  return name + ": " + program + " (" + line + ")";
}

// --queries-only: the certificate's own texts, as they are.
std::vector<ObligationText> recorded_texts(const std::vector<RecordedObligation>& recorded) {
  std::vector<ObligationText> texts;
  for (const auto& obligation : recorded) {
    if (obligation.smtlib) texts.push_back(ObligationText{obligation.id, "", *obligation.smtlib});
  }
  return texts;
}

}  // namespace

Result<RecheckReport> recheck_bound(const model::Json& certificate, const std::string& file,
                                    const CertificateBinding* binding, const RecheckOptions& options) {
  const auto began = Clock::now();
  if (auto format = check_format(certificate, file); !format) return format.error();
  auto recorded = read_obligations(certificate, file);
  if (!recorded) return recorded.error();

  RecheckReport report;
  report.queries_only = binding == nullptr;
  check_recorded_verdicts(certificate, *recorded, report.problems);
  // Bound to inputs, the rebuilt obligations say how many there must be (a refinement always
  // has O0; a comparison whose candidate allows nothing has none). Unbound, none is no evidence.
  if (binding == nullptr && recorded->empty()) report.problems.push_back("the certificate records no obligation");
  std::vector<ObligationText> texts;
  if (binding != nullptr) {
    auto bound = (*binding)(*recorded, report.problems);
    if (!bound) return bound.error();
    texts = std::move(bound).value();
  } else {
    texts = recorded_texts(*recorded);
  }
  // A certificate that does not belong to its inputs is refused without minutes of solving.
  if (report.problems.empty() && !options.solvers.empty()) {
    report.verdicts = run_rechecks(texts, options);
    report.solvers_run = true;
    for (const auto& command : recheck_commands(options)) {
      report.solver_names.emplace_back(recheck_solver_name(command.solver));
      report.solvers.push_back(solver_identity(command));
    }
  }
  report.seconds = std::chrono::duration<double>(Clock::now() - began).count();
  return report;
}

Result<RecheckReport> recheck_certificate(const model::Json& certificate, const std::string& file,
                                          const std::optional<model::VerificationFiles>& subject,
                                          const RecheckOptions& options) {
  if (!subject) return recheck_bound(certificate, file, nullptr, options);
  const CertificateBinding binding = [&](const std::vector<RecordedObligation>& recorded,
                                         std::vector<std::string>& problems) {
    return bind_to_subject(certificate, recorded, *subject, problems);
  };
  return recheck_bound(certificate, file, &binding, options);
}

namespace {

// Whether every text is unsat in every solver named (and nothing else is wrong).
Verdict texts_verdict(const RecheckReport& report) {
  if (!report.problems.empty()) return Verdict::kCounterexample;
  bool unknown = !report.solvers_run;
  for (const auto& verdict : report.verdicts) {
    if (verdict.answer == "sat") return Verdict::kCounterexample;
    if (verdict.answer != "unsat") unknown = true;
  }
  return unknown ? Verdict::kUnknown : Verdict::kProved;
}

// `z3`, `z3 and cvc5`, `z3, cvc5 and z3-wasm`.
std::string names_in_prose(const std::vector<std::string>& names) {
  std::string prose;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) prose += i + 1 == names.size() ? " and " : ", ";
    prose += names[i];
  }
  return prose;
}

}  // namespace

Verdict recheck_verdict(const RecheckReport& report) {
  const Verdict verdict = texts_verdict(report);
  // Texts bound to no input prove nothing about a policy: never a pass (a gate that reads only
  // the exit code must not accept forged texts).
  return report.queries_only && verdict == Verdict::kProved ? Verdict::kUnknown : verdict;
}

std::string recheck_to_text(const RecheckReport& report) {
  std::ostringstream out;
  if (report.queries_only) {
    out << "WARNING: --queries-only: the texts were re-run alone; NOTHING ties them to any policy, findings or "
           "catalog (anyone can write texts that are unsat). This is no check of a refinement.\n";
  }
  for (const auto& problem : report.problems) out << "problem: " << problem << "\n";
  if (!report.solvers_run) {
    out << (report.problems.empty() ? "solvers not run: none named\n"
                                    : "solvers not run: the certificate does not hold as it is\n");
  }
  int unsat = 0;
  std::map<std::string, double> solver_seconds;
  for (const auto& verdict : report.verdicts) {
    solver_seconds[verdict.solver] += verdict.seconds;
    if (verdict.answer == "unsat") {
      ++unsat;
      continue;
    }
    char seconds[32];
    std::snprintf(seconds, sizeof seconds, "%.3f s", verdict.seconds);
    out << verdict.obligation_id << ": " << verdict.solver << " says " << verdict.answer << " (" << seconds << ")\n";
  }
  for (const auto& solver : report.solvers) out << "solver " << solver << "\n";
  if (report.solvers_run) {
    out << unsat << " of " << report.verdicts.size() << " re-checks unsat (";
    for (const auto& name : report.solver_names) {
      char seconds[32];
      std::snprintf(seconds, sizeof seconds, "%.3f s", solver_seconds[name]);
      out << name << " " << seconds << "; ";
    }
    char wall[32];
    std::snprintf(wall, sizeof wall, "%.3f s", report.seconds);
    out << wall << " wall)\n";
  }
  const std::string solvers = names_in_prose(report.solver_names);
  if (report.queries_only && texts_verdict(report) == Verdict::kProved) {
    out << "texts re-checked (every one unsat in " << solvers << "), bound to NO input: certificate NOT re-checked (exit 3)\n";
  } else if (recheck_verdict(report) != Verdict::kProved) {
    out << "certificate NOT re-checked\n";
  } else {
    out << "certificate re-checked: it is the verifier's own obligations for these files and catalog, every one unsat "
           "in " << solvers << "\n";
  }
  return out.str();
}

}  // namespace leastpriv::verifier
