// A read-bandwidth probe. Decoding a token reads every active weight once, so read bandwidth is
// what bounds tokens per second on a CPU; this is the number the planner wants. It is a quick
// estimate (a few hundred ms), not a STREAM run: sums of 64-bit words, several accumulators so
// the adds do not serialise, and enough threads that one core's load-queue limit does not cap it.
#include "memory_bandwidth.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <new>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

#include "sys_files.h"

#if defined(_WIN32)
#ifndef WIN32_LEAN_AND_MEAN
#define WIN32_LEAN_AND_MEAN
#endif
#include <windows.h>
#else
#include <sys/mman.h>
#include <unistd.h>
#endif
#if defined(__linux__)
#include <sched.h>
#endif
#if defined(__APPLE__)
#include <sys/sysctl.h>
#include <sys/types.h>
#endif

namespace hearth {
namespace {

using Clock = std::chrono::steady_clock;

constexpr uint64_t kMiB = 1024ULL * 1024ULL;
constexpr uint64_t kMinBuffer = 256 * kMiB;
constexpr uint64_t kMaxBuffer = 512 * kMiB;
// Each pass over a chunk is short enough (well under a millisecond) that the deadline is honoured.
constexpr size_t kChunkWords = (1 * kMiB) / sizeof(uint64_t);

// Largest cache the OS reports, in bytes; 0 when unknown.
uint64_t LastLevelCacheBytes() {
#if defined(__linux__)
  uint64_t largest = 0;
  const std::string cacheDir = "/sys/devices/system/cpu/cpu0/cache";
  for (const std::string& name : ListDirectory(cacheDir)) {
    const auto text = ReadTextFile(cacheDir + "/" + name + "/size");  // "491520K"
    if (!text || text->empty()) continue;
    const uint64_t number = std::strtoull(text->c_str(), nullptr, 10);
    const char unit = text->back();
    const uint64_t bytes = unit == 'K' ? number * 1024 : unit == 'M' ? number * kMiB : number;
    largest = std::max(largest, bytes);
  }
  return largest;
#elif defined(__APPLE__)
  uint64_t largest = 0;
  for (const char* name : {"hw.l3cachesize", "hw.l2cachesize"}) {
    int64_t value = 0;
    size_t size = sizeof(value);
    if (sysctlbyname(name, &value, &size, nullptr, 0) == 0 && value > 0) {
      largest = std::max(largest, static_cast<uint64_t>(value));
    }
  }
  return largest;
#elif defined(_WIN32)
  DWORD length = 0;
  GetLogicalProcessorInformationEx(RelationCache, nullptr, &length);
  if (length == 0) return 0;
  std::vector<unsigned char> buffer(length);
  auto* first = reinterpret_cast<SYSTEM_LOGICAL_PROCESSOR_INFORMATION_EX*>(buffer.data());
  if (!GetLogicalProcessorInformationEx(RelationCache, first, &length)) return 0;
  uint64_t largest = 0;
  for (DWORD offset = 0; offset < length;) {
    const auto* entry = reinterpret_cast<const SYSTEM_LOGICAL_PROCESSOR_INFORMATION_EX*>(buffer.data() + offset);
    if (entry->Size == 0) break;
    if (entry->Relationship == RelationCache) largest = std::max<uint64_t>(largest, entry->Cache.CacheSize);
    offset += entry->Size;
  }
  return largest;
#else
  return 0;
#endif
}

// CPUs this process may run on: fewer than the machine has in a container or under taskset, and
// more threads than that would only take turns.
int UsableCpus() {
#if defined(__linux__)
  cpu_set_t set;
  CPU_ZERO(&set);
  if (sched_getaffinity(0, sizeof(set), &set) == 0 && CPU_COUNT(&set) > 0) return CPU_COUNT(&set);
#endif
  const unsigned count = std::thread::hardware_concurrency();
  return count > 0 ? static_cast<int>(count) : 1;
}

uint64_t PhysicalMemoryBytes() {
#if defined(_WIN32)
  MEMORYSTATUSEX status = {};
  status.dwLength = sizeof(status);
  return GlobalMemoryStatusEx(&status) ? status.ullTotalPhys : 0;
#elif defined(__APPLE__)
  uint64_t value = 0;
  size_t size = sizeof(value);
  return sysctlbyname("hw.memsize", &value, &size, nullptr, 0) == 0 ? value : 0;
#else
  const long pages = sysconf(_SC_PHYS_PAGES);
  const long pageSize = sysconf(_SC_PAGESIZE);
  return pages > 0 && pageSize > 0 ? static_cast<uint64_t>(pages) * static_cast<uint64_t>(pageSize) : 0;
#endif
}

// Four times the last-level cache so that at most a quarter of any pass can be a cache hit, within
// 256..512 MiB, and never more than an eighth of the machine's memory. The cap matters on servers
// and VMs that report a socket's whole L3 (hundreds of MB) to a guest that gets a sliver of it:
// there a bigger buffer only costs page faults (measured on a 2-vCPU VM reporting 480 MB of L3:
// 128 MiB, 512 MiB and 1 GiB buffers all read 30-33 GB/s, but touching 1 GiB took 1.5 s).
uint64_t ChooseBufferBytes() {
  uint64_t bytes = std::clamp<uint64_t>(LastLevelCacheBytes() * 4, kMinBuffer, kMaxBuffer);
  const uint64_t physical = PhysicalMemoryBytes();
  if (physical > 0) bytes = std::min(bytes, std::max<uint64_t>(physical / 8, 64 * kMiB));
  return bytes / (kChunkWords * sizeof(uint64_t)) * (kChunkWords * sizeof(uint64_t));
}

// Page-aligned memory straight from the OS, so it goes back to the OS when released (a heap
// block this large could linger in the allocator). No huge-page advice (MADV_HUGEPAGE): on the
// 2-vCPU test VM it made the first probe in a process 5x slower (the kernel compacts memory to
// find huge pages: 0.7 s instead of 0.14 s to set up 512 MiB), and model weights, which are
// mmapped files in ordinary pages, would not read at the huge-page rate anyway.
class OsBuffer {
 public:
  explicit OsBuffer(uint64_t bytes) : bytes_(bytes) {
#if defined(_WIN32)
    data_ = VirtualAlloc(nullptr, bytes, MEM_RESERVE | MEM_COMMIT, PAGE_READWRITE);
#else
    void* mapped = mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    data_ = mapped == MAP_FAILED ? nullptr : mapped;
#endif
  }
  ~OsBuffer() {
    if (data_ == nullptr) return;
#if defined(_WIN32)
    VirtualFree(data_, 0, MEM_RELEASE);
#else
    munmap(data_, bytes_);
#endif
  }
  OsBuffer(const OsBuffer&) = delete;
  OsBuffer& operator=(const OsBuffer&) = delete;

  uint64_t* words() const { return static_cast<uint64_t*>(data_); }
  bool ok() const { return data_ != nullptr; }

 private:
  void* data_ = nullptr;
  uint64_t bytes_ = 0;
};

// Lets every worker finish touching its slice before any starts the timed reads, so the clock
// measures reads only and page faults stay out of it.
class StartLine {
 public:
  explicit StartLine(int parties) : waiting_(parties) {}
  void ArriveAndWait() {
    std::unique_lock<std::mutex> lock(mutex_);
    if (--waiting_ == 0) {
      start_ = Clock::now();
      released_.notify_all();
      return;
    }
    released_.wait(lock, [this] { return waiting_ == 0; });
  }
  // Stands in for parties that will never arrive (threads that could not be started).
  void ArriveFor(int parties) {
    std::lock_guard<std::mutex> lock(mutex_);
    waiting_ -= parties;
    if (waiting_ <= 0) {
      waiting_ = 0;
      start_ = Clock::now();
      released_.notify_all();
    }
  }
  Clock::time_point start() {
    std::lock_guard<std::mutex> lock(mutex_);
    return start_;
  }

 private:
  std::mutex mutex_;
  std::condition_variable released_;
  int waiting_;
  Clock::time_point start_;
};

uint64_t SumChunk(const uint64_t* words, size_t count) {
  uint64_t a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0, a7 = 0;
  for (size_t i = 0; i + 8 <= count; i += 8) {
    a0 += words[i + 0];
    a1 += words[i + 1];
    a2 += words[i + 2];
    a3 += words[i + 3];
    a4 += words[i + 4];
    a5 += words[i + 5];
    a6 += words[i + 6];
    a7 += words[i + 7];
  }
  return a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7;
}

struct WorkerResult {
  uint64_t bytes = 0;
  Clock::time_point end;
};

}  // namespace

std::optional<BandwidthResult> MeasureMemoryBandwidth(int milliseconds, int threads) {
  const uint64_t bufferBytes = ChooseBufferBytes();
  const size_t chunks = bufferBytes / (kChunkWords * sizeof(uint64_t));
  threads = std::clamp(threads, 1, std::min(UsableCpus(), static_cast<int>(std::min<size_t>(chunks, 256))));
  OsBuffer buffer(bufferBytes);
  if (!buffer.ok()) return std::nullopt;

  std::atomic<bool> abandoned{false};
  std::atomic<uint64_t> sink{0};  // keeps the sums observable, so the reads cannot be optimised away
  std::vector<WorkerResult> results(static_cast<size_t>(threads));
  StartLine startLine(threads);
  const auto duration = std::chrono::milliseconds(milliseconds);

  auto work = [&](int index) {
    // Each worker owns a contiguous slice: it touches it (first touch also places the pages on
    // this core's NUMA node), then reads it round and round until the deadline.
    const size_t firstChunk = chunks * static_cast<size_t>(index) / static_cast<size_t>(threads);
    const size_t endChunk = chunks * static_cast<size_t>(index + 1) / static_cast<size_t>(threads);
    uint64_t* slice = buffer.words() + firstChunk * kChunkWords;
    const size_t sliceWords = (endChunk - firstChunk) * kChunkWords;
    for (size_t i = 0; i < sliceWords; ++i) slice[i] = i ^ static_cast<uint64_t>(index);

    startLine.ArriveAndWait();
    if (abandoned.load()) return;
    const Clock::time_point deadline = startLine.start() + duration;
    uint64_t sum = 0;
    uint64_t bytes = 0;
    size_t offset = 0;
    while (Clock::now() < deadline) {
      sum += SumChunk(slice + offset, kChunkWords);
      bytes += kChunkWords * sizeof(uint64_t);
      offset += kChunkWords;
      if (offset >= sliceWords) offset = 0;
    }
    results[static_cast<size_t>(index)] = WorkerResult{bytes, Clock::now()};
    sink.fetch_add(sum, std::memory_order_relaxed);
  };

  std::vector<std::thread> workers;
  try {
    for (int i = 1; i < threads; ++i) workers.emplace_back(work, i);
  } catch (const std::system_error&) {
    // The started workers wait at the start line for parties that will never come: release them
    // (they see `abandoned` and stop) and give up cleanly.
    abandoned.store(true);
    startLine.ArriveFor(threads - static_cast<int>(workers.size()));
    for (auto& worker : workers) worker.join();
    return std::nullopt;
  }
  work(0);
  for (auto& worker : workers) worker.join();

  BandwidthResult result;
  result.threads = threads;
  result.bufferBytes = bufferBytes;
  Clock::time_point end = startLine.start();
  for (const auto& worker : results) {
    result.bytes += worker.bytes;
    end = std::max(end, worker.end);
  }
  result.seconds = std::chrono::duration<double>(end - startLine.start()).count();
  if (result.seconds <= 0 || result.bytes == 0) return std::nullopt;
  result.gbPerSecond = static_cast<double>(result.bytes) / result.seconds / 1e9;
  return result;
}

}  // namespace hearth
