// The solver module's entry point (leastpriv_solvers.so, built beside the binary): the table of
// in_process_solvers.h, found by solvers.cpp with dlsym.
#include "verifier/decide/in_process_solvers.h"

extern "C" __attribute__((visibility("default"))) const leastpriv::verifier::SolverTable* leastpriv_solver_table() {
  return &leastpriv::verifier::in_process::solver_table();
}
