#pragma once

#include <optional>
#include <string>

namespace hearth {

struct CpuTopology {
  int logical = 0;   // 0 when unknown
  int physical = 0;  // 0 when unknown
  // Cores (not threads) of each kind on hybrid parts; nullopt when not hybrid or unknown.
  std::optional<int> performance;
  std::optional<int> efficiency;
};

// sysRoot is "/sys" on a real machine; tests point it at a recorded tree, and then nothing is
// asked of the CPU itself (CPUID, sysconf), since that would describe the machine running the test.
CpuTopology ReadCpuTopology(const std::string& sysRoot, bool isRealSystem);

}  // namespace hearth
