// CPUID and XGETBV behind one small interface, so the rest of the addon does not care whether it is
// compiled by GCC/Clang (<cpuid.h>, inline asm) or MSVC (__cpuidex, _xgetbv). On other
// architectures HasCpuid() is false and the calls return zeros.
#pragma once

#include <cstdint>

namespace hearth {

struct CpuidRegs {
  uint32_t eax = 0;
  uint32_t ebx = 0;
  uint32_t ecx = 0;
  uint32_t edx = 0;
};

constexpr bool HasCpuid() {
#if defined(__x86_64__) || defined(__i386__) || defined(_M_X64) || defined(_M_IX86)
  return true;
#else
  return false;
#endif
}

// The caller checks the leaf against CPUID(0).eax / CPUID(0x80000000).eax first: an unsupported
// leaf returns another leaf's data rather than zeros on Intel.
CpuidRegs Cpuid(uint32_t leaf, uint32_t subleaf = 0);

// XCR0: which register state the OS saves on context switch. Only valid when CPUID.1:ECX.OSXSAVE
// is set (otherwise the instruction faults), so the caller checks that bit first.
uint64_t ReadXcr0();

inline bool Bit(uint32_t value, int bit) { return ((value >> bit) & 1U) != 0; }

}  // namespace hearth
