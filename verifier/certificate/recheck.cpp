// Re-checking a certificate against its inputs; see recheck.h.
#include "verifier/certificate/recheck.h"

#include "verifier/certificate/recheck_parts.h"

#include "support/interrupt_cleanup.h"
#include "support/parallel_for.h"
#include "support/process.h"
#include "verifier/certificate/certificate.h"
#include "verifier/certificate/sha256.h"
#include "verifier/encode/obligation_texts.h"
#include "verifier/encode/obligations.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

namespace leastpriv::verifier {

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
  if (recorded.empty()) problems.push_back("the certificate records no obligation");
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

// A solver's whole output must be one answer: `unsat` and nothing else counts as unsat.
std::string solver_answer_of(const std::string& output) {
  std::string answer = output;
  while (!answer.empty() && (answer.back() == '\n' || answer.back() == '\r' || answer.back() == ' ')) answer.pop_back();
  if (answer == "unsat" || answer == "sat" || answer == "unknown" || answer == "timeout") return answer;
  if (answer.size() > 200) answer = answer.substr(0, 200) + "…";
  return "error: not one answer: " + answer;
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
    verdict.answer = solver_answer_of(output.output);
  }
  return verdict;
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
// the solvers read exactly these texts and only a few files exist at once.
// Verdict 2i is z3's on text i, 2i + 1 cvc5's.
Result<std::vector<RecheckVerdict>> run_rechecks(const std::vector<ObligationText>& texts, const RecheckOptions& options) {
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
  std::vector<RecheckVerdict> verdicts(texts.size() * 2);
  std::vector<char> unwritable(verdicts.size(), 0);
  support::parallel_for(verdicts.size(), 0, [&](std::size_t k) {
    const std::size_t i = k / 2;
    const ScratchFile file(std::string(directory) + "/obligation-" + std::to_string(k) + ".smt2");
    std::ofstream out(file.path());
    out << texts[i].smtlib;
    out.close();
    if (!out) {
      unwritable[k] = 1;
      return;
    }
    verdicts[k] = recheck_one(texts[i].id, k % 2 == 0 ? "z3" : "cvc5", file.path(), options);
  });
  for (std::size_t k = 0; k < verdicts.size(); ++k) {
    if (unwritable[k] != 0) return Error{ErrorKind::kInternal, std::string("cannot write a query file in `") + directory + "`"};
  }
  return verdicts;
}

// `name: /path/to/binary (first line of its --version)`.
std::string solver_identity(const std::string& name, const std::string& binary) {
  const std::string path = support::resolve_program(binary);
  if (path.empty()) return name + ": `" + binary + "` not found";
  const auto version = support::run_process({path, "--version"}, 10);
  std::string line = version.output.substr(0, version.output.find('\n'));
  if (line.size() > 120) line = line.substr(0, 120) + "…";
  return name + ": " + path + " (" + line + ")";
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
  std::vector<ObligationText> texts;
  if (binding != nullptr) {
    auto bound = (*binding)(*recorded, report.problems);
    if (!bound) return bound.error();
    texts = std::move(bound).value();
  } else {
    texts = recorded_texts(*recorded);
  }
  // A certificate that does not belong to its inputs is refused without minutes of solving.
  if (report.problems.empty()) {
    auto verdicts = run_rechecks(texts, options);
    if (!verdicts) return verdicts.error();
    report.verdicts = std::move(verdicts).value();
    report.solvers_run = true;
    report.solvers = {solver_identity("z3", options.z3_binary), solver_identity("cvc5", options.cvc5_binary)};
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

// Whether every text is unsat in both solvers (and nothing else is wrong).
Verdict texts_verdict(const RecheckReport& report) {
  if (!report.problems.empty()) return Verdict::kCounterexample;
  bool unknown = !report.solvers_run;
  for (const auto& verdict : report.verdicts) {
    if (verdict.answer == "sat") return Verdict::kCounterexample;
    if (verdict.answer != "unsat") unknown = true;
  }
  return unknown ? Verdict::kUnknown : Verdict::kProved;
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
  if (!report.solvers_run) out << "solvers not run: the certificate does not hold as it is\n";
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
  for (const auto& solver : report.solvers) out << "solver " << solver << "\n";
  if (report.solvers_run) {
    char summary[160];
    std::snprintf(summary, sizeof summary, "%d of %zu re-checks unsat (z3 %.3f s, cvc5 %.3f s; %.3f s wall)", unsat,
                  report.verdicts.size(), z3_seconds, cvc5_seconds, report.seconds);
    out << summary << "\n";
  }
  if (report.queries_only && texts_verdict(report) == Verdict::kProved) {
    out << "texts re-checked (every one unsat in z3 and cvc5), bound to NO input: certificate NOT re-checked (exit 3)\n";
  } else if (recheck_verdict(report) != Verdict::kProved) {
    out << "certificate NOT re-checked\n";
  } else {
    out << "certificate re-checked: it is the verifier's own obligations for these files and catalog, every one unsat "
           "in z3 and cvc5\n";
  }
  return out.str();
}

}  // namespace leastpriv::verifier
