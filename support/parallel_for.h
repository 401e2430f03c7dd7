// parallel_for: body(0) … body(count - 1), each exactly once, spread over a few threads that
// take the next index as they finish the last (so long and short items balance). The one
// thread pool of the project: the verifier's queries and check-certificate's solver runs.
//
// Tested by: tests/unit/parallel_for_test.cpp
#pragma once

#include <cstddef>
#include <functional>

namespace leastpriv::support {

// `threads` 0 means one per hardware thread; never more threads than items. The calling
// thread works too. If a body throws, the remaining items are skipped and the first exception
// is rethrown here after every thread has stopped.
void parallel_for(std::size_t count, unsigned threads, const std::function<void(std::size_t)>& body);

}  // namespace leastpriv::support
