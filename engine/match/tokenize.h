// Word tokens of an action name: `GetAccountPublicAccessBlock` → Get|Account|Public|Access|Block,
// `GetBucketCORS` → Get|Bucket|CORS, `ListMFADevices` → List|MFA|Devices,
// `GetS3AccessPoint` → Get|S3|Access|Point (DESIGN §3).
//
// Tested by: tests/unit/tokenize_test.cpp
//
// IMPLEMENTATION: a name splits before an upper-case letter that follows a lower-case letter
// or a digit, and before an upper-case letter that follows an upper-case letter and precedes
// a lower-case one. One left-to-right pass.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace leastpriv::engine {

// End offsets (exclusive) of the tokens of `name`; the last is name.size().
std::vector<std::size_t> token_ends(std::string_view name);

// The tokens themselves.
std::vector<std::string> tokenize(std::string_view name);

// Word boundaries of a full action `service:Name`, as offsets into it: after `service:`, then
// after each token of Name. These are the prefixes a trie node can stand for.
std::vector<std::size_t> action_boundaries(std::string_view full_action);

}  // namespace leastpriv::engine
