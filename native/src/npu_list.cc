// Neural processing units, per platform. The names and vendors given for Linux drivers are kept in
// step with main/hardware/fallback/describeAccelerator.ts, which answers when the addon is absent.
#include "npu_list.h"

#include <algorithm>
#include <set>
#include <utility>

#include "npu_windows.h"
#include "sys_files.h"

#if defined(__APPLE__)
#include <sys/sysctl.h>
#include <sys/types.h>
#endif

namespace hearth {
namespace {

[[maybe_unused]] std::string PciVendorName(long long id) {
  switch (id) {
    case 0x8086:
      return "Intel";
    case 0x1022:
    case 0x1002:
      return "AMD";
    case 0x17cb:
      return "Qualcomm";
    case 0x1da3:
      return "Habana Labs";
    default:
      return "";
  }
}

struct DriverFacts {
  const char* driver;
  const char* name;
  const char* vendor;
};

// Drivers of the kernel's compute-accelerator subsystem (drivers/accel), by what they drive.
constexpr DriverFacts kAccelDrivers[] = {
    {"intel_vpu", "Intel NPU", "Intel"},
    {"amdxdna", "AMD XDNA NPU", "AMD"},
    {"qaic", "Qualcomm Cloud AI accelerator", "Qualcomm"},
    {"habanalabs", "Intel Gaudi accelerator", "Habana Labs"},
    {"rocket", "Rockchip NPU", "Rockchip"},
    {"ethosu", "Arm Ethos-U NPU", "Arm"},
};

[[maybe_unused]] std::vector<Npu> ListLinux(const std::string& sysRoot) {
  const std::string accelDir = sysRoot + "/class/accel";
  std::vector<std::pair<int, std::string>> entries;
  for (const std::string& name : ListDirectory(accelDir)) {
    if (const auto index = NumberedEntry(name, "accel")) entries.emplace_back(*index, name);
  }
  std::sort(entries.begin(), entries.end());

  std::vector<Npu> npus;
  std::set<std::string> seenDevices;
  for (const auto& entry : entries) {
    const std::string device = accelDir + "/" + entry.second + "/device";
    // One device can carry several accel nodes; it is one NPU.
    const std::string identity = CanonicalPath(device).value_or(device);
    if (!seenDevices.insert(identity).second) continue;

    const auto driver = SymlinkTargetName(device + "/driver");
    const auto vendorId = ReadIntegerFile(device + "/vendor");
    const DriverFacts* facts = nullptr;
    for (const auto& known : kAccelDrivers) {
      if (driver && *driver == known.driver) facts = &known;
    }
    std::string vendor = vendorId ? PciVendorName(*vendorId) : "";
    if (vendor.empty() && facts != nullptr) vendor = facts->vendor;
    if (vendor.empty()) vendor = "Unknown";

    Npu npu;
    npu.vendor = vendor;
    npu.driver = driver;
    npu.name = facts != nullptr ? facts->name
                                : (vendor == "Unknown" ? "Accelerator" : vendor + " accelerator") + " (" + entry.second + ")";
    npus.push_back(std::move(npu));
  }
  return npus;
}

#if defined(__APPLE__)
bool IsAppleSilicon() {
#if defined(__aarch64__)
  return true;
#else
  // An x64 build running under Rosetta is still on Apple silicon, Neural Engine included.
  int translated = 0;
  size_t size = sizeof(translated);
  return sysctlbyname("sysctl.proc_translated", &translated, &size, nullptr, 0) == 0 && translated == 1;
#endif
}
#endif

}  // namespace

std::vector<Npu> ListNpus(const std::string& sysRoot) {
#if defined(__linux__)
  return ListLinux(sysRoot);
#elif defined(_WIN32)
  (void)sysRoot;
  return ListWindowsNpus();
#elif defined(__APPLE__)
  (void)sysRoot;
  // Every Apple silicon Mac has a Neural Engine; macOS gives apps no driver to name (Core ML is
  // the only way in).
  if (IsAppleSilicon()) return {Npu{"Apple Neural Engine", "Apple", std::nullopt}};
  return {};
#else
  (void)sysRoot;
  return {};
#endif
}

}  // namespace hearth
