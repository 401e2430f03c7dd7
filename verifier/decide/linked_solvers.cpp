// The solvers linked into an executable instead of loaded (tests and benchmarks link
// leastpriv_solvers_linked): solvers.cpp's weak reference to this function finds it, and no
// module is looked for.
#include "verifier/decide/in_process_solvers.h"

extern "C" const leastpriv::verifier::SolverTable* leastpriv_linked_solver_table() {
  return &leastpriv::verifier::in_process::solver_table();
}
