#pragma once

#include <cstdint>
#include <optional>

namespace hearth {

struct BandwidthResult {
  double gbPerSecond = 0;  // bytes read / seconds / 1e9
  int threads = 0;
  uint64_t bytes = 0;  // bytes read in the timed part
  double seconds = 0;  // length of the timed part
  uint64_t bufferBytes = 0;
};

// Reads a buffer several times larger than the last-level cache for about `milliseconds` with
// `threads` threads (the caller passes the physical core count; it is capped at the CPUs this
// process may use), and reports the read rate. nullopt when the buffer or the threads cannot be
// had. Blocks the calling thread: the addon runs it off the JavaScript thread.
std::optional<BandwidthResult> MeasureMemoryBandwidth(int milliseconds, int threads);

}  // namespace hearth
