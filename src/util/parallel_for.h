#pragma once
// Runs body(0) .. body(count − 1) on up to `threads` threads (the calling thread is one of
// them). Indices are handed out in order, one at a time, so callers that write the result of
// index i into slot i get the same results whatever the number of threads. The first
// exception a body throws is rethrown after every thread has stopped; indices not yet started
// when it was thrown still run.
//
// Thread-safety: body is called concurrently for different indices; it must not share
// mutable state across indices without its own synchronisation.

#include <functional>

namespace bf::util {

void parallel_for(int count, int threads, const std::function<void(int)>& body);

}  // namespace bf::util
