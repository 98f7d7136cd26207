#include "x86_cpuid.h"

#if defined(_MSC_VER) && (defined(_M_X64) || defined(_M_IX86))
#include <immintrin.h>
#include <intrin.h>
#elif defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>
#endif

namespace hearth {

CpuidRegs Cpuid(uint32_t leaf, uint32_t subleaf) {
  CpuidRegs regs;
#if defined(_MSC_VER) && (defined(_M_X64) || defined(_M_IX86))
  int out[4] = {0, 0, 0, 0};
  __cpuidex(out, static_cast<int>(leaf), static_cast<int>(subleaf));
  regs.eax = static_cast<uint32_t>(out[0]);
  regs.ebx = static_cast<uint32_t>(out[1]);
  regs.ecx = static_cast<uint32_t>(out[2]);
  regs.edx = static_cast<uint32_t>(out[3]);
#elif defined(__x86_64__) || defined(__i386__)
  __cpuid_count(leaf, subleaf, regs.eax, regs.ebx, regs.ecx, regs.edx);
#else
  (void)leaf;
  (void)subleaf;
#endif
  return regs;
}

uint64_t ReadXcr0() {
#if defined(_MSC_VER) && (defined(_M_X64) || defined(_M_IX86))
  return _xgetbv(0);
#elif defined(__x86_64__) || defined(__i386__)
  // Inline asm rather than the _xgetbv intrinsic, which GCC only allows with -mxsave: the addon
  // is built for the baseline ISA and must run on any x86-64.
  uint32_t lo = 0;
  uint32_t hi = 0;
  __asm__ volatile("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
  return (static_cast<uint64_t>(hi) << 32) | lo;
#else
  return 0;
#endif
}

}  // namespace hearth
