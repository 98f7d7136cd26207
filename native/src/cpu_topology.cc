// Logical and physical cores, and performance vs efficiency cores on hybrid parts. Thread counts
// for llama.cpp follow physical (and preferably performance) cores: SMT siblings and E-cores slow
// a memory-bound decode down rather than up.
#include "cpu_topology.h"

#include <map>
#include <set>
#include <system_error>
#include <thread>
#include <tuple>
#include <vector>

#include "sys_files.h"
#include "x86_cpuid.h"

#if defined(__linux__)
#include <sched.h>
#include <unistd.h>
#endif
#if defined(__APPLE__)
#include <sys/sysctl.h>
#include <sys/types.h>
#endif
#if defined(_WIN32)
#ifndef WIN32_LEAN_AND_MEAN
#define WIN32_LEAN_AND_MEAN
#endif
#include <windows.h>
#endif

namespace hearth {
namespace {

#if defined(__linux__)
using CoreKey = std::tuple<long long, long long, long long>;  // package, die, core

enum class CoreKind { kUnknown, kPerformance, kEfficiency };

// Intel's hybrid core type from CPUID leaf 0x1A, which describes the CPU the calling thread runs
// on. The probing happens on a throwaway thread pinned to each CPU in turn, so the caller's own
// affinity is never touched and nothing needs restoring.
std::map<int, CoreKind> CoreKindsFromCpuid(const std::vector<int>& cpus) {
  std::map<int, CoreKind> kinds;
  if (!HasCpuid()) return kinds;
  if (Cpuid(0).eax < 0x1A || !Bit(Cpuid(7, 0).edx, 15)) return kinds;  // not a hybrid part
  auto probe = [&kinds, &cpus]() {
    for (const int cpu : cpus) {
      if (cpu < 0 || cpu >= CPU_SETSIZE) continue;
      cpu_set_t set;
      CPU_ZERO(&set);
      CPU_SET(cpu, &set);
      if (sched_setaffinity(0, sizeof(set), &set) != 0) continue;  // outside our cpuset: skip
      const uint32_t type = Cpuid(0x1A).eax >> 24;
      kinds[cpu] = type == 0x40 ? CoreKind::kPerformance : type == 0x20 ? CoreKind::kEfficiency : CoreKind::kUnknown;
    }
  };
  try {
    std::thread prober(probe);
    prober.join();
  } catch (const std::system_error&) {
    kinds.clear();  // no thread to spare: the split stays unknown, the counts still answer
  }
  return kinds;
}

CpuTopology ReadLinux(const std::string& sysRoot, bool isRealSystem) {
  CpuTopology topology;
  const std::string cpuDir = sysRoot + "/devices/system/cpu";
  std::map<int, CoreKey> coreOf;
  for (const std::string& name : ListDirectory(cpuDir)) {
    const auto id = NumberedEntry(name, "cpu");
    if (!id) continue;
    const std::string base = cpuDir + "/" + name + "/topology/";
    // Offline CPUs have no topology directory; they are not counted.
    const auto package = ReadIntegerFile(base + "physical_package_id");
    const auto core = ReadIntegerFile(base + "core_id");
    if (!package || !core) continue;
    coreOf[*id] = CoreKey{*package, ReadIntegerFile(base + "die_id").value_or(0), *core};
  }

  std::set<CoreKey> cores;
  for (const auto& entry : coreOf) cores.insert(entry.second);
  topology.logical = static_cast<int>(coreOf.size());
  topology.physical = static_cast<int>(cores.size());
  if (topology.logical == 0 && isRealSystem) {
    // No topology in /sys (some containers): the online count is all we can say; physical stays
    // unknown rather than guessed.
    const long online = sysconf(_SC_NPROCESSORS_ONLN);
    topology.logical = online > 0 ? static_cast<int>(online) : 0;
    return topology;
  }

  // Hybrid Intel: the kernel's PMU directories list each kind's CPUs (since Linux 5.13); CPUID
  // leaf 0x1A answers on kernels without them.
  std::map<int, CoreKind> kinds;
  const auto coreCpus = ReadTextFile(sysRoot + "/devices/cpu_core/cpus");
  const auto atomCpus = ReadTextFile(sysRoot + "/devices/cpu_atom/cpus");
  if (coreCpus && atomCpus) {
    for (const int cpu : ParseCpuList(*coreCpus)) kinds[cpu] = CoreKind::kPerformance;
    for (const int cpu : ParseCpuList(*atomCpus)) kinds[cpu] = CoreKind::kEfficiency;
  } else if (isRealSystem) {
    std::vector<int> cpus;
    for (const auto& entry : coreOf) cpus.push_back(entry.first);
    kinds = CoreKindsFromCpuid(cpus);
  }
  std::set<CoreKey> performance;
  std::set<CoreKey> efficiency;
  for (const auto& entry : kinds) {
    const auto core = coreOf.find(entry.first);
    if (core == coreOf.end()) continue;
    if (entry.second == CoreKind::kPerformance) performance.insert(core->second);
    if (entry.second == CoreKind::kEfficiency) efficiency.insert(core->second);
  }
  // Only a full answer counts: a core without a kind (a CPU outside our cpuset that could not be
  // pinned) would make the split look smaller than it is.
  const size_t classified = performance.size() + efficiency.size();
  if (!performance.empty() && !efficiency.empty() && classified == cores.size()) {
    topology.performance = static_cast<int>(performance.size());
    topology.efficiency = static_cast<int>(efficiency.size());
  }
  return topology;
}
#endif

#if defined(__APPLE__)
std::optional<int> SysctlInt(const char* name) {
  int value = 0;
  size_t size = sizeof(value);
  if (sysctlbyname(name, &value, &size, nullptr, 0) != 0 || size != sizeof(value)) return std::nullopt;
  return value;
}

CpuTopology ReadMac() {
  CpuTopology topology;
  topology.logical = SysctlInt("hw.logicalcpu").value_or(0);
  topology.physical = SysctlInt("hw.physicalcpu").value_or(0);
  // Apple silicon: perflevel0 is the performance cluster, perflevel1 the efficiency cluster.
  if (SysctlInt("hw.nperflevels").value_or(1) >= 2) {
    const auto performance = SysctlInt("hw.perflevel0.physicalcpu");
    const auto efficiency = SysctlInt("hw.perflevel1.physicalcpu");
    if (performance && efficiency) {
      topology.performance = *performance;
      topology.efficiency = *efficiency;
    }
  }
  return topology;
}
#endif

#if defined(_WIN32)
CpuTopology ReadWindows() {
  CpuTopology topology;
  DWORD length = 0;
  GetLogicalProcessorInformationEx(RelationProcessorCore, nullptr, &length);
  if (GetLastError() != ERROR_INSUFFICIENT_BUFFER || length == 0) return topology;
  std::vector<unsigned char> buffer(length);
  auto* first = reinterpret_cast<SYSTEM_LOGICAL_PROCESSOR_INFORMATION_EX*>(buffer.data());
  if (!GetLogicalProcessorInformationEx(RelationProcessorCore, first, &length)) return topology;

  // EfficiencyClass: higher is faster. One class means a uniform CPU; on hybrid parts the cores
  // of the highest class are the performance cores.
  std::map<int, int> coresPerClass;
  for (DWORD offset = 0; offset < length;) {
    const auto* entry = reinterpret_cast<const SYSTEM_LOGICAL_PROCESSOR_INFORMATION_EX*>(buffer.data() + offset);
    if (entry->Size == 0) break;
    if (entry->Relationship == RelationProcessorCore) {
      topology.physical += 1;
      coresPerClass[entry->Processor.EfficiencyClass] += 1;
      for (WORD group = 0; group < entry->Processor.GroupCount; ++group) {
        for (KAFFINITY mask = entry->Processor.GroupMask[group].Mask; mask != 0; mask &= mask - 1) {
          topology.logical += 1;
        }
      }
    }
    offset += entry->Size;
  }
  if (coresPerClass.size() >= 2) {
    topology.performance = coresPerClass.rbegin()->second;
    topology.efficiency = topology.physical - *topology.performance;
  }
  return topology;
}
#endif

}  // namespace

CpuTopology ReadCpuTopology(const std::string& sysRoot, bool isRealSystem) {
#if defined(__linux__)
  return ReadLinux(sysRoot, isRealSystem);
#elif defined(__APPLE__)
  (void)sysRoot;
  (void)isRealSystem;
  return ReadMac();
#elif defined(_WIN32)
  (void)sysRoot;
  (void)isRealSystem;
  return ReadWindows();
#else
  (void)sysRoot;
  (void)isRealSystem;
  return CpuTopology{};
#endif
}

}  // namespace hearth
