// Building and re-checking certificates; see certificate.h.
#include "verifier/certificate/certificate.h"

#include "model/json_text.h"
#include "model/policy_input.h"
#include "verifier/decide/automaton.h"
#include "verifier/encode/obligations.h"
#include "verifier/certificate/sha256.h"

#include "support/interrupt_cleanup.h"
#include "support/parallel_for.h"
#include "support/process.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace leastpriv::verifier {

namespace {

using Clock = std::chrono::steady_clock;

constexpr const char* kFormat = "leastpriv-certificate-1";

const char* solver_answer(Verdict verdict) {
  switch (verdict) {
    case Verdict::kProved: return "unsat";
    case Verdict::kCounterexample: return "sat";
    case Verdict::kUnknown: return "unknown";
  }
  return "unknown";
}

model::Json text_entry(const std::string& path, const std::string& text) {
  model::Json entry = model::Json::object();
  entry["path"] = path;
  entry["sha256"] = sha256_hex(text);
  entry["bytes"] = text.size();
  return entry;
}

Result<model::Json> file_entry(const std::string& path) {
  auto text = model::read_text_file(path);
  if (!text) return text.error();
  return text_entry(path, *text);
}

std::string first_word(const std::string& text) {
  std::istringstream in(text);
  std::string word;
  in >> word;
  return word;
}

RecheckVerdict recheck_one(const std::string& id, const std::string& solver, const std::string& smt_path,
                           const RecheckOptions& options) {
  RecheckVerdict verdict;
  verdict.obligation_id = id;
  verdict.solver = solver;
  const auto began = Clock::now();
  const long seconds = std::max(1L, static_cast<long>(options.timeout_seconds + 0.999));
  std::vector<std::string> argv;
  if (solver == "z3") {
    argv = {options.z3_binary, "-T:" + std::to_string(seconds), smt_path};
  } else {
    argv = {options.cvc5_binary, "--lang", "smt2", "--strings-exp", "--tlimit=" + std::to_string(seconds * 1000), smt_path};
  }
  // The solver's own limit comes first; the deadline is for a solver that ignores it.
  const support::ProcessResult output = support::run_process(argv, options.timeout_seconds + 2.0);
  verdict.seconds = std::chrono::duration<double>(Clock::now() - began).count();
  if (!output.started) {
    verdict.answer = "error: " + output.error;
  } else if (output.timed_out) {
    verdict.answer = "timeout";
  } else {
    const std::string word = first_word(output.output);
    if (word == "unsat" || word == "sat" || word == "unknown" || word == "timeout") {
      verdict.answer = word;
    } else {
      verdict.answer = "error: " + (output.output.size() > 200 ? output.output.substr(0, 200) : output.output);
      while (!verdict.answer.empty() && verdict.answer.back() == '\n') verdict.answer.pop_back();
    }
  }
  return verdict;
}

void check_hash(const model::Json& certificate, const char* key, const std::string& path, RecheckReport& report) {
  if (path.empty()) return;
  const auto* inputs = certificate.contains("inputs") ? &certificate["inputs"] : nullptr;
  if (inputs == nullptr || !inputs->contains(key) || !(*inputs)[key].contains("sha256")) {
    report.problems.push_back(std::string("the certificate records no hash for `") + key + "`");
    return;
  }
  auto text = model::read_text_file(path);
  if (!text) {
    report.problems.push_back(text.error().message);
    return;
  }
  const std::string expected = (*inputs)[key]["sha256"].is_string() ? (*inputs)[key]["sha256"].get<std::string>() : "";
  const std::string actual = sha256_hex(*text);
  if (expected != actual) {
    report.hash_mismatches.push_back(std::string(key) + " `" + path + "`: certificate says " + expected + ", file hashes to " + actual);
  }
}

}  // namespace

std::string catalog_hash(const model::Catalog& catalog) {
  Sha256 hash;
  for (const auto& action : catalog.actions()) {
    hash.update(action.full);
    hash.update("\n");
  }
  return digest_hex(hash.finish());
}

namespace {

// One obligation as the certificate records it: id, kind, scope, verdicts, and the SMT-LIB2 text.
model::Json obligation_entry(const ObligationResult& obligation) {
  model::Json entry = model::Json::object();
  entry["id"] = obligation.id;
  entry["obligation"] = obligation_code(obligation.kind);
  entry["name"] = obligation_name(obligation.kind);
  if (obligation.scope_index > 0) {
    entry["scope_index"] = obligation.scope_index;
    entry["scope"] = obligation.scope;
    entry["service"] = obligation.service;
  }
  entry["verdict"] = verdict_name(obligation.verdict);
  entry["agreeing"] = obligation.agreeing;
  if (!obligation.counterexample.empty()) entry["counterexample"] = obligation.counterexample;
  if (!obligation.explanation.empty()) entry["explanation"] = obligation.explanation;
  if (!obligation.reason.empty()) entry["reason"] = obligation.reason;
  model::Json procedures = model::Json::array();
  for (const auto& procedure : obligation.procedures) {
    model::Json p = model::Json::object();
    p["name"] = procedure.procedure;
    p["version"] = procedure.version;
    p["verdict"] = obligation.kind == ObligationKind::kDenyUnchanged ? verdict_name(procedure.verdict)
                                                                       : solver_answer(procedure.verdict);
    p["seconds"] = procedure.seconds;
    if (!procedure.counterexample.empty()) p["model"] = procedure.counterexample;
    if (!procedure.reason.empty()) p["reason"] = procedure.reason;
    procedures.push_back(std::move(p));
  }
  entry["procedures"] = std::move(procedures);
  if (!obligation.smtlib.empty()) {
    entry["expected"] = "unsat";
    entry["smtlib"] = obligation.smtlib;
  }
  return entry;
}

// The catalog the proof is relative to: its identity, its canonical hash and, when it was a
// file, that file's hash.
Result<model::Json> catalog_entry_of(const model::Catalog& catalog, const std::string& catalog_path) {
  model::Json catalog_entry = model::Json::object();
  catalog_entry["source"] = catalog.identity().source;
  catalog_entry["date"] = catalog.identity().date;
  catalog_entry["actions"] = catalog.actions().size();
  catalog_entry["canonical_sha256"] = catalog_hash(catalog);
  catalog_entry["canonical_text"] = "every action's service:Name in the catalog's order (sorted by lower case), one per line";
  if (!catalog_path.empty()) {
    auto entry = file_entry(catalog_path);
    if (!entry) return entry.error();
    catalog_entry["file"] = *entry;
  }
  return catalog_entry;
}

}  // namespace

Result<model::Json> build_certificate(const VerificationReport& report, const model::Catalog& catalog,
                               const CertificateInputs& inputs) {
  model::Json certificate = model::Json::object();
  certificate["format"] = kFormat;
  certificate["verdict"] = verdict_name(report.verdict);
  certificate["disagreement"] = report.disagreement;
  model::Json files = model::Json::object();
  const std::pair<const char*, const std::string*> named[] = {
      {"original", &inputs.original_path}, {"findings", &inputs.findings_path}, {"result", &inputs.result_path}};
  for (const auto& [key, path] : named) {
    if (path->empty()) continue;
    if (path == &inputs.result_path && inputs.result_text) {
      files[key] = text_entry(*path, *inputs.result_text);
      continue;
    }
    auto entry = file_entry(*path);
    if (!entry) return entry.error();
    files[key] = *entry;
  }
  certificate["inputs"] = files;
  auto catalog_entry = catalog_entry_of(catalog, inputs.catalog_path);
  if (!catalog_entry) return catalog_entry.error();
  certificate["catalog"] = *catalog_entry;
  if (!inputs.strategy.empty()) certificate["strategy"] = inputs.strategy;
  certificate["tools"] = model::Json{{"z3", report.z3_version}, {"cvc5", report.cvc5_version}, {"automaton", kAutomatonVersion}};
  certificate["seconds"] = report.seconds;
  certificate["semantics"] =
      "each obligation text is unsat exactly when no counterexample action exists in its scope and service group; "
      "see verifier/encode/obligations.h for the reduction from the policies to these texts";
  model::Json obligations = model::Json::array();
  for (const auto& obligation : report.obligations) obligations.push_back(obligation_entry(obligation));
  certificate["obligations"] = std::move(obligations);
  return certificate;
}

namespace {

// One SMT-LIB2 text of a certificate, to be re-run.
struct RecheckJob {
  std::string id;
  std::string text;
};

// What a certificate asks to re-check: its SMT-LIB2 texts, and whether it claims O0.
struct RecheckPlan {
  std::vector<RecheckJob> jobs;
  bool has_deny_obligation = false;
};

Result<RecheckPlan> read_recheck_plan(const model::Json& certificate, const std::string& file) {
  if (!certificate.is_object() || !certificate.contains("format") || certificate["format"] != kFormat) {
    return model::error_at(file, "/format", std::string("not a leastpriv certificate (expected `") + kFormat + "`)");
  }
  if (!certificate.contains("obligations") || !certificate["obligations"].is_array()) {
    return model::error_at(file, "/obligations", "expected an array");
  }
  RecheckPlan plan;
  const auto& obligations = certificate["obligations"];
  for (std::size_t i = 0; i < obligations.size(); ++i) {
    const auto& entry = obligations[i];
    const std::string pointer = "/obligations/" + std::to_string(i);
    if (!entry.is_object() || !entry.contains("id") || !entry["id"].is_string()) {
      return model::error_at(file, pointer, "expected an obligation with an `id`");
    }
    if (entry.contains("obligation") && entry["obligation"] == "O0") {
      plan.has_deny_obligation = true;
      continue;
    }
    if (!entry.contains("smtlib") || !entry["smtlib"].is_string()) {
      return model::error_at(file, pointer + "/smtlib", "expected the SMT-LIB2 text");
    }
    plan.jobs.push_back(RecheckJob{entry["id"].get<std::string>(), entry["smtlib"].get<std::string>()});
  }
  return plan;
}

// A file that exists while this lives: removed on scope exit (also when a solver run throws)
// and, meanwhile, by an interruption (support/interrupt_cleanup.h).
class ScratchFile {
 public:
  explicit ScratchFile(std::string path) : path_(std::move(path)), ticket_(support::register_temporary(path_)) {}
  ~ScratchFile() {
    unlink(path_.c_str());
    support::unregister_temporary(ticket_);
  }
  ScratchFile(const ScratchFile&) = delete;
  ScratchFile& operator=(const ScratchFile&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
  int ticket_;
};

// Both solvers on every text; each text goes to a file just while a solver reads it, so that
// the solvers read exactly what the certificate says and only a few files exist at once.
// Verdict 2i is z3's on job i, 2i + 1 cvc5's.
Result<std::vector<RecheckVerdict>> run_rechecks(const std::vector<RecheckJob>& jobs, const RecheckOptions& options) {
  char directory[] = "/tmp/leastpriv-recheck-XXXXXX";
  if (mkdtemp(directory) == nullptr) return Error{ErrorKind::kInternal, "cannot create a temporary directory"};
  struct DirectoryGuard {
    const char* path;
    int ticket;
    ~DirectoryGuard() {
      rmdir(path);
      support::unregister_temporary(ticket);
    }
  } directory_guard{directory, support::register_temporary(directory, true)};
  std::vector<RecheckVerdict> verdicts(jobs.size() * 2);
  std::vector<char> unwritable(verdicts.size(), 0);
  support::parallel_for(verdicts.size(), 0, [&](std::size_t k) {
    const std::size_t i = k / 2;
    const ScratchFile file(std::string(directory) + "/obligation-" + std::to_string(k) + ".smt2");
    std::ofstream out(file.path());
    out << jobs[i].text;
    out.close();
    if (!out) {
      unwritable[k] = 1;
      return;
    }
    verdicts[k] = recheck_one(jobs[i].id, k % 2 == 0 ? "z3" : "cvc5", file.path(), options);
  });
  for (std::size_t k = 0; k < verdicts.size(); ++k) {
    if (unwritable[k] != 0) return Error{ErrorKind::kInternal, std::string("cannot write a query file in `") + directory + "`"};
  }
  return verdicts;
}

// O0 needs no solver: the Deny statements of the two given files are compared again.
Status recheck_deny_obligation(const RecheckOptions& options, RecheckReport& report) {
  auto original = model::load_policy_file(options.original_path);
  if (!original) return original.error();
  auto result = model::load_policy_file(options.result_path);
  if (!result) return result.error();
  const std::string difference = deny_statement_difference(original->document, result->document);
  if (!difference.empty()) report.problems.push_back("O0 deny-unchanged: " + difference);
  return Ok{};
}

}  // namespace

Result<RecheckReport> recheck_certificate(const model::Json& certificate, const std::string& file, const RecheckOptions& options) {
  const auto began = Clock::now();
  auto plan = read_recheck_plan(certificate, file);
  if (!plan) return plan.error();
  RecheckReport report;
  if (plan->jobs.empty()) report.problems.push_back("the certificate carries no SMT-LIB2 obligation");
  auto verdicts = run_rechecks(plan->jobs, options);
  if (!verdicts) return verdicts.error();
  report.verdicts = std::move(verdicts).value();

  check_hash(certificate, "original", options.original_path, report);
  check_hash(certificate, "findings", options.findings_path, report);
  check_hash(certificate, "result", options.result_path, report);
  if (plan->has_deny_obligation && !options.original_path.empty() && !options.result_path.empty()) {
    if (auto checked = recheck_deny_obligation(options, report); !checked) return checked.error();
  }
  report.seconds = std::chrono::duration<double>(Clock::now() - began).count();
  return report;
}

Verdict recheck_verdict(const RecheckReport& report) {
  bool unknown = false;
  for (const auto& verdict : report.verdicts) {
    if (verdict.answer == "sat") return Verdict::kCounterexample;
    if (verdict.answer != "unsat") unknown = true;
  }
  if (!report.hash_mismatches.empty() || !report.problems.empty()) return Verdict::kCounterexample;
  return unknown ? Verdict::kUnknown : Verdict::kProved;
}

std::string recheck_to_text(const RecheckReport& report) {
  std::ostringstream out;
  int unsat = 0;
  double z3_seconds = 0;
  double cvc5_seconds = 0;
  for (const auto& verdict : report.verdicts) {
    (verdict.solver == "z3" ? z3_seconds : cvc5_seconds) += verdict.seconds;
    if (verdict.answer == "unsat") {
      ++unsat;
      continue;
    }
    char seconds[32];
    std::snprintf(seconds, sizeof seconds, "%.3f s", verdict.seconds);
    out << verdict.obligation_id << ": " << verdict.solver << " says " << verdict.answer << " (" << seconds << ")\n";
  }
  for (const auto& mismatch : report.hash_mismatches) out << "hash mismatch: " << mismatch << "\n";
  for (const auto& problem : report.problems) out << "problem: " << problem << "\n";
  char summary[160];
  std::snprintf(summary, sizeof summary, "%d of %zu re-checks unsat (z3 %.3f s, cvc5 %.3f s; %.3f s wall)", unsat,
                report.verdicts.size(), z3_seconds, cvc5_seconds, report.seconds);
  out << summary << "\n";
  out << (recheck_verdict(report) == Verdict::kProved ? "certificate re-checked: every obligation unsat in z3 and cvc5\n"
                                         : "certificate NOT re-checked\n");
  return out.str();
}

}  // namespace leastpriv::verifier
