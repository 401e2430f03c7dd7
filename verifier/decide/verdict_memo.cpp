// The run-wide verdict memo; see verdict_memo.h.
#include "verifier/decide/verdict_memo.h"

#include "verifier/certificate/sha256.h"
#include "verifier/decide/automaton.h"

#include <sstream>

namespace leastpriv::verifier {

std::string VerdictMemo::key_of(std::string_view procedures, std::string_view formula, std::string_view smtlib) {
  // Each part with its length first, so that no two different triples give one byte string.
  Sha256 digest;
  for (const std::string_view part : {procedures, formula, smtlib}) {
    digest.update(std::to_string(part.size()));
    digest.update(":");
    digest.update(part);
  }
  return digest_hex(digest.finish());
}

std::optional<std::vector<ProcedureVerdict>> VerdictMemo::find(const std::string& key) {
  const std::lock_guard lock(mutex_);
  const auto found = by_key_.find(key);
  if (found == by_key_.end()) {
    ++misses_;
    return std::nullopt;
  }
  ++hits_;
  return found->second;
}

void VerdictMemo::remember(const std::string& key, const std::vector<ProcedureVerdict>& procedures) {
  const std::lock_guard lock(mutex_);
  by_key_.emplace(key, procedures);
}

std::size_t VerdictMemo::hits() const {
  const std::lock_guard lock(mutex_);
  return hits_;
}

std::size_t VerdictMemo::misses() const {
  const std::lock_guard lock(mutex_);
  return misses_;
}

std::size_t VerdictMemo::size() const {
  const std::lock_guard lock(mutex_);
  return by_key_.size();
}

std::string memo_procedures_key(const VerifyOptions& options, const std::string& z3_version,
                                const std::string& cvc5_version) {
  std::ostringstream key;
  key.precision(17);
  key << "automaton=" << (options.use_automaton ? kAutomatonVersion : "-") << ";z3=" << (options.use_z3 ? z3_version : "-")
      << ";cvc5=" << (options.use_cvc5 ? cvc5_version : "-") << ";ground=" << options.solvers_for_ground
      << ";decided=" << options.solvers_when_decided << ";agreement=" << options.require_agreement
      << ";timeout=" << options.timeout_seconds << ";confirm=" << options.confirm_timeout_seconds;
  return key.str();
}

}  // namespace leastpriv::verifier
