// The resource limits of every input (README "Resource limits"): far above any real IAM policy,
// findings or catalog, low enough that leastpriv's work on an input at a limit is bounded and
// measured (bench/limits_bench.cpp). Each is checked where the input is read and is an error
// (exit 2) that names the file, where the value is, its size and the limit.
//
// Tested by: tests/unit/input_limits_test.cpp
//
// IMPLEMENTATION: why each limit is needed, and what it bounds, measured on this project's
// 2-core machine by bench/run-limits-bench.sh:
// - file size: the whole file is read and parsed into memory (about 10 bytes per byte of JSON);
// - statements per policy: each distinct action list is refined, and each scope verified, on
//   its own: time is linear in the statements, so the limit is what bounds it;
// - pattern length: the verifier's automaton and the engine's inclusion checks keep a state set
//   of one bit per pattern character for each word they explore, so a pattern of L characters
//   costs O(L²) bits;
// - wildcards per pattern: a `?` after a `*` doubles the state sets an automaton can reach
//   (`*a??…?` has 2^k), so the `aws` strategy's safe-node test, which must be exact, is
//   exponential in them; stars alone are polynomial, but count against the same limit.
// JSON nesting depth is limited while parsing (kMaxJsonDepth, model/json_text.h).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace leastpriv::model {

// Bytes in one input file (policy, findings, result, catalog).
constexpr std::size_t kMaxInputBytes = std::size_t{16} << 20;
// Bytes in one JSON Lines input — a `leastpriv batch` input, an account's findings file — each
// line at most kMaxInputBytes: the file is held in memory while it is read (and a batch's
// while its units run), each line parsed on its own.
constexpr std::size_t kMaxBatchInputBytes = std::size_t{2} << 30;
// Bytes in one `aws iam get-account-authorization-details` output (`leastpriv account`): every
// role, user, group and managed policy of an account, parsed whole. 10,000 roles with their
// policies are about 16 MiB (bench/account_generator.py --account); IAM allows 5,000 roles and
// 5,000 users an account.
constexpr std::size_t kMaxAuthorizationDetailsBytes = std::size_t{256} << 20;
// Statements in one policy document.
constexpr std::size_t kMaxStatements = 10'000;
// Characters in one Action or NotAction pattern (the longest AWS action name has 71). Z3
// 4.8.12's time on a long pattern grows fast: 1.4 s at 512 characters, 17 s at 1,024.
constexpr std::size_t kMaxPatternLength = 512;
// `*` and `?` in one pattern (AWS managed policies use at most 2, and never `?`). The `aws`
// strategy on `*g??????????*` (12) takes 1.8 s here; each 2 more wildcards, about 3.3 times as long.
constexpr std::size_t kMaxPatternWildcards = 12;

// Why `pattern` is over a pattern limit (`… characters, more than the limit of …`), or empty.
std::string pattern_limit_problem(std::string_view pattern);

}  // namespace leastpriv::model
