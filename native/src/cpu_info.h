#pragma once

#include <optional>
#include <string>
#include <vector>

namespace hearth {

struct CpuInfo {
  std::string arch;    // as Node's os.arch() names it: x64, ia32, arm64, arm
  std::string vendor;  // "GenuineIntel", "AuthenticAMD", "Apple"…; empty when unknown
  std::string brand;   // marketing name, trimmed; empty when unknown
  std::optional<int> family;
  std::optional<int> model;
  // Hearth's feature names (see contract/hardware.ts), in the contract's order.
  std::vector<std::string> features;
};

CpuInfo ReadCpuInfo();

}  // namespace hearth
