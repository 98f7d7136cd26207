#pragma once

#include <optional>
#include <string>
#include <vector>

namespace hearth {

struct Npu {
  std::string name;
  std::string vendor;
  std::optional<std::string> driver;  // kernel driver (Linux), service (Windows); nullopt if unknown
};

// sysRoot as for ReadCpuTopology: "/sys" on a real machine, a recorded tree in tests.
std::vector<Npu> ListNpus(const std::string& sysRoot);

}  // namespace hearth
