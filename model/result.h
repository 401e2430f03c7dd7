// Result<T>: a value or an error message, the way every library function in leastpriv
// reports failure. No exceptions cross a library boundary (STYLE.md): nlohmann/json and
// z3++ exceptions are caught inside the one file that uses each library and turned into
// an Error here; cli/ is the only place that prints an Error and picks the exit code.
//
// Tested by: tests/unit/result_test.cpp
//
// IMPLEMENTATION: std::expected is not in g++ 12, so this is a thin wrapper over
// std::variant. Error carries a kind because the CLI maps kinds to exit codes.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace leastpriv {

enum class ErrorKind {
  kBadInput,      // malformed or unsupported input file: exit code 2
  kUsage,         // wrong command-line usage: exit code 2
  kSolverUnknown, // a solver said unknown or timed out: exit code 3
  kInternal,      // a bug or an environment failure (cannot write a file): exit code 2
};

struct Error {
  ErrorKind kind = ErrorKind::kBadInput;
  // Lowercase, names the file and the JSON pointer, user input in backticks.
  std::string message;
};

inline Error bad_input(std::string message) { return Error{ErrorKind::kBadInput, std::move(message)}; }

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}          // NOLINT: implicit on purpose
  Result(Error error) : state_(std::move(error)) {}      // NOLINT: implicit on purpose

  bool ok() const { return std::holds_alternative<T>(state_); }
  explicit operator bool() const { return ok(); }

  T& value() & { return std::get<T>(state_); }
  const T& value() const& { return std::get<T>(state_); }
  T&& value() && { return std::get<T>(std::move(state_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  const Error& error() const { return std::get<Error>(state_); }

 private:
  std::variant<T, Error> state_;
};

// For functions that only succeed or fail.
struct Ok {};
using Status = Result<Ok>;

}  // namespace leastpriv
