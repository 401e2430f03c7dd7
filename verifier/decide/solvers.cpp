// Loading the solver module; see solvers.h.
#include "verifier/decide/solvers.h"

#include "verifier/decide/solver_table.h"

#include <dlfcn.h>
#include <unistd.h>

#include <cstdlib>
#include <mutex>
#include <string>

// Defined only in executables that link leastpriv_solvers_linked.
extern "C" const leastpriv::verifier::SolverTable* leastpriv_linked_solver_table() __attribute__((weak));

namespace leastpriv::verifier {

namespace {

constexpr const char* kModuleName = "leastpriv_solvers.so";

struct Loaded {
  const SolverTable* table = nullptr;
  std::string error;  // why there is no table
};

std::string module_path() {
  if (const char* path = std::getenv("LEASTPRIV_SOLVER_MODULE"); path != nullptr && *path != '\0') return path;
  std::string exe(4096, '\0');
  const ssize_t length = ::readlink("/proc/self/exe", exe.data(), exe.size());
  if (length <= 0) return kModuleName;
  exe.resize(static_cast<std::size_t>(length));
  return exe.substr(0, exe.rfind('/') + 1) + kModuleName;
}

Loaded load() {
  if (leastpriv_linked_solver_table != nullptr) return {leastpriv_linked_solver_table(), ""};
  const std::string path = module_path();
  void* module = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
  const auto failed = [&](const std::string& why) {
    return Loaded{nullptr, "the solver module `" + path + "` " + why +
                               " (it is built and installed beside the leastpriv binary; Z3 and cvc5 cannot run without it)"};
  };
  if (module == nullptr) {
    const char* error = ::dlerror();
    return failed(std::string("cannot be loaded: ") + (error != nullptr ? error : "unknown error"));
  }
  const auto entry = reinterpret_cast<const SolverTable* (*)()>(::dlsym(module, "leastpriv_solver_table"));
  if (entry == nullptr) return failed("has no `leastpriv_solver_table`");
  const SolverTable* table = entry();
  if (table == nullptr || table->abi != kSolverTableAbi || table->query_size != sizeof(Query)) {
    return failed("is from another build of leastpriv");
  }
  return {table, ""};
}

const Loaded& loaded() {
  static std::once_flag once;
  static Loaded result;
  std::call_once(once, [] { result = load(); });
  return result;
}

ProcedureVerdict unavailable(const char* procedure) {
  ProcedureVerdict verdict;
  verdict.procedure = procedure;
  verdict.verdict = Verdict::kUnknown;
  verdict.reason = loaded().error;
  return verdict;
}

}  // namespace

Status solvers_available() {
  if (loaded().table == nullptr) return Error{ErrorKind::kInternal, loaded().error};
  return Ok{};
}

ProcedureVerdict decide_with_z3(const std::string& smtlib, double timeout_seconds, const std::string& pinned) {
  if (loaded().table == nullptr) return unavailable("z3");
  return loaded().table->decide_with_z3(smtlib, timeout_seconds, pinned);
}

ProcedureVerdict decide_with_cvc5(const Query& query, double timeout_seconds, const std::string& pinned) {
  if (loaded().table == nullptr) return unavailable("cvc5");
  return loaded().table->decide_with_cvc5(query, timeout_seconds, pinned);
}

std::string z3_version_text() { return loaded().table != nullptr ? loaded().table->z3_version_text() : "unavailable"; }
std::string cvc5_version_text() { return loaded().table != nullptr ? loaded().table->cvc5_version_text() : "unavailable"; }

}  // namespace leastpriv::verifier
