// Instruction-set features as llama.cpp cares about them. On x86 the CPU's own CPUID bits are not
// enough: AVX, AVX-512 and AMX registers are only usable when the OS saves their state across
// context switches (XCR0), so each family is reported only when both agree. This is the same rule
// the Linux kernel applies before it lists a flag in /proc/cpuinfo, which is why the two agree.
#include "cpu_info.h"

#include <cstdint>
#include <cstring>

#include "x86_cpuid.h"

#if defined(__linux__) && (defined(__aarch64__) || defined(__arm__))
#include <sys/auxv.h>
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

const char* CompiledArch() {
#if defined(__x86_64__) || defined(_M_X64)
  return "x64";
#elif defined(__i386__) || defined(_M_IX86)
  return "ia32";
#elif defined(__aarch64__) || defined(_M_ARM64)
  return "arm64";
#elif defined(__arm__) || defined(_M_ARM)
  return "arm";
#else
  return "unknown";
#endif
}

std::string Trim(const std::string& text) {
  const char* spaces = " \t\r\n";
  std::string value(text.c_str());  // stops at the first NUL: CPUID brand strings are NUL-padded
  const size_t first = value.find_first_not_of(spaces);
  if (first == std::string::npos) return "";
  const size_t last = value.find_last_not_of(spaces);
  return value.substr(first, last - first + 1);
}

#if defined(__APPLE__)
[[maybe_unused]] std::optional<long long> SysctlInteger(const char* name) {
  // Darwin answers these as 32-bit or 64-bit integers depending on the key.
  int64_t value64 = 0;
  size_t size = sizeof(value64);
  if (sysctlbyname(name, &value64, &size, nullptr, 0) != 0) return std::nullopt;
  if (size == sizeof(int32_t)) {
    int32_t value32 = 0;
    std::memcpy(&value32, &value64, sizeof(value32));
    return value32;
  }
  if (size == sizeof(int64_t)) return value64;
  return std::nullopt;
}

[[maybe_unused]] std::string SysctlString(const char* name) {
  char buffer[256] = {0};
  size_t size = sizeof(buffer) - 1;
  if (sysctlbyname(name, buffer, &size, nullptr, 0) != 0) return "";
  return Trim(std::string(buffer, size));
}
#endif

#if defined(_WIN32) && !(defined(_M_X64) || defined(_M_IX86))
std::string RegistryProcessorString(const char* value) {
  char buffer[256] = {0};
  DWORD size = sizeof(buffer) - 1;
  if (RegGetValueA(HKEY_LOCAL_MACHINE, "HARDWARE\\DESCRIPTION\\System\\CentralProcessor\\0", value,
                   RRF_RT_REG_SZ, nullptr, buffer, &size) != ERROR_SUCCESS) {
    return "";
  }
  return Trim(std::string(buffer));
}
#endif

void ReadX86(CpuInfo& info) {
  const CpuidRegs leaf0 = Cpuid(0);
  const uint32_t maxLeaf = leaf0.eax;
  char vendor[13] = {0};
  std::memcpy(vendor + 0, &leaf0.ebx, 4);
  std::memcpy(vendor + 4, &leaf0.edx, 4);
  std::memcpy(vendor + 8, &leaf0.ecx, 4);
  info.vendor = Trim(vendor);

  const uint32_t maxExtended = Cpuid(0x80000000).eax;
  if (maxExtended >= 0x80000004) {
    char brand[49] = {0};
    for (uint32_t i = 0; i < 3; ++i) {
      const CpuidRegs part = Cpuid(0x80000002 + i);
      std::memcpy(brand + i * 16 + 0, &part.eax, 4);
      std::memcpy(brand + i * 16 + 4, &part.ebx, 4);
      std::memcpy(brand + i * 16 + 8, &part.ecx, 4);
      std::memcpy(brand + i * 16 + 12, &part.edx, 4);
    }
    info.brand = Trim(brand);
  }
  if (maxLeaf < 1) return;

  const CpuidRegs leaf1 = Cpuid(1);
  const int baseFamily = static_cast<int>((leaf1.eax >> 8) & 0xF);
  const int family = baseFamily == 0xF ? baseFamily + static_cast<int>((leaf1.eax >> 20) & 0xFF) : baseFamily;
  int model = static_cast<int>((leaf1.eax >> 4) & 0xF);
  // The kernel's rule (x86_model()): the extended model counts from family 6 up. It matches
  // Intel's "family 6 or 15" and AMD's "family 15 and later" on every real part.
  if (family >= 6) model += static_cast<int>((leaf1.eax >> 16) & 0xF) << 4;
  info.family = family;
  info.model = model;

  const bool osxsave = Bit(leaf1.ecx, 27);
  const uint64_t xcr0 = osxsave ? ReadXcr0() : 0;
  // XCR0 bits: 1 SSE, 2 AVX (YMM high halves), 5-7 AVX-512 (opmask, ZMM_Hi256, Hi16_ZMM),
  // 17-18 AMX (XTILECFG, XTILEDATA).
  const bool avxState = (xcr0 & 0x6) == 0x6;
  bool avx512State = avxState && (xcr0 & 0xE0) == 0xE0;
  const bool amxState = (xcr0 & 0x60000) == 0x60000;
#if defined(__APPLE__)
  // macOS turns AVX-512 state on lazily, on a thread's first AVX-512 instruction, so XCR0 reads
  // without it until then; Apple documents hw.optional.avx512f as the check instead.
  if (avxState && !avx512State) avx512State = SysctlInteger("hw.optional.avx512f").value_or(0) == 1;
#endif
  // Linux also needs a per-process arch_prctl(ARCH_REQ_XCOMP_PERM) before AMX tiles are used;
  // that is the user's (llama.cpp's) job. XCR0 says the OS supports the state, which is what
  // /proc/cpuinfo's amx_* flags say too.

  const CpuidRegs leaf7 = maxLeaf >= 7 ? Cpuid(7, 0) : CpuidRegs{};
  const CpuidRegs leaf7s1 = maxLeaf >= 7 && leaf7.eax >= 1 ? Cpuid(7, 1) : CpuidRegs{};

  const bool avx = Bit(leaf1.ecx, 28) && avxState;
  const bool avx512f = Bit(leaf7.ebx, 16) && avx512State;
  const bool amxTile = Bit(leaf7.edx, 24) && amxState;
  // Dependent features follow the kernel's cpuid-deps table: no AVX2/FMA/F16C/AVX-VNNI without
  // AVX, no AVX-512 extension without AVX512F, no AMX data type without AMX tiles.
  const struct {
    const char* name;
    bool present;
  } features[] = {
      {"sse4_2", Bit(leaf1.ecx, 20)},
      {"avx", avx},
      {"avx2", avx && Bit(leaf7.ebx, 5)},
      {"fma", avx && Bit(leaf1.ecx, 12)},
      {"f16c", avx && Bit(leaf1.ecx, 29)},
      {"avx512f", avx512f},
      {"avx512bw", avx512f && Bit(leaf7.ebx, 30)},
      {"avx512vl", avx512f && Bit(leaf7.ebx, 31)},
      {"avx512_vnni", avx512f && Bit(leaf7.ecx, 11)},
      {"avx512_bf16", avx512f && Bit(leaf7s1.eax, 5)},
      {"avx_vnni", avx && Bit(leaf7s1.eax, 4)},
      {"amx_tile", amxTile},
      {"amx_int8", amxTile && Bit(leaf7.edx, 25)},
      {"amx_bf16", amxTile && Bit(leaf7.edx, 22)},
  };
  for (const auto& feature : features) {
    if (feature.present) info.features.emplace_back(feature.name);
  }
}

void ReadArm(CpuInfo& info) {
#if defined(__linux__) && defined(__aarch64__)
  // Values from the kernel's uapi asm/hwcap.h, spelled out so older headers still compile.
  const unsigned long hwcap = getauxval(AT_HWCAP);
  if (hwcap & (1UL << 1)) info.features.emplace_back("neon");      // HWCAP_ASIMD
  if (hwcap & (1UL << 20)) info.features.emplace_back("dotprod");  // HWCAP_ASIMDDP
  if (hwcap & (1UL << 22)) info.features.emplace_back("sve");      // HWCAP_SVE
#elif defined(__linux__) && defined(__arm__)
  const unsigned long hwcap = getauxval(AT_HWCAP);
  if (hwcap & (1UL << 12)) info.features.emplace_back("neon");  // HWCAP_NEON
#elif defined(__APPLE__) && defined(__aarch64__)
  info.vendor = "Apple";
  info.brand = SysctlString("machdep.cpu.brand_string");
  if (SysctlInteger("hw.optional.AdvSIMD").value_or(SysctlInteger("hw.optional.neon").value_or(0)) == 1) {
    info.features.emplace_back("neon");
  }
  if (SysctlInteger("hw.optional.arm.FEAT_DotProd").value_or(0) == 1) info.features.emplace_back("dotprod");
  // No Apple core implements SVE; hw.optional.arm.FEAT_SVE is asked anyway for future parts.
  if (SysctlInteger("hw.optional.arm.FEAT_SVE").value_or(0) == 1) info.features.emplace_back("sve");
#elif defined(_WIN32) && (defined(_M_ARM64) || defined(_M_ARM))
  // Constants from winnt.h, spelled out because older SDKs lack the newer ones.
  if (IsProcessorFeaturePresent(19)) info.features.emplace_back("neon");     // PF_ARM_NEON_INSTRUCTIONS_AVAILABLE
  if (IsProcessorFeaturePresent(43)) info.features.emplace_back("dotprod");  // PF_ARM_V82_DP_INSTRUCTIONS_AVAILABLE
  if (IsProcessorFeaturePresent(46)) info.features.emplace_back("sve");      // PF_ARM_SVE_INSTRUCTIONS_AVAILABLE
  info.vendor = RegistryProcessorString("VendorIdentifier");
  info.brand = RegistryProcessorString("ProcessorNameString");
#else
  (void)info;
#endif
}

}  // namespace

CpuInfo ReadCpuInfo() {
  CpuInfo info;
  info.arch = CompiledArch();
  if (HasCpuid()) {
    ReadX86(info);
  } else {
    ReadArm(info);
  }
  return info;
}

}  // namespace hearth
