import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, test } from 'node:test';
import { CpuFeatureSchema, HardwareProfileSchema, type CpuFeature, type Npu } from '../../contract/index.js';
import { countCoreTopology, parseCpuList, type SysCpu } from '../../main/hardware/fallback/countCoreTopology.js';
import { describeAccelerator } from '../../main/hardware/fallback/describeAccelerator.js';
import {
  fallbackCpuIdentity,
  fallbackNpus,
  fallbackTopology,
  linuxSysTopology,
} from '../../main/hardware/fallback/fallbackProbe.js';
import { featuresFromMacSysctl } from '../../main/hardware/fallback/mapCpuFeatures.js';
import { measureJsBandwidth } from '../../main/hardware/fallback/measureJsBandwidth.js';
import { parseProcCpuinfo } from '../../main/hardware/fallback/parseProcCpuinfo.js';
import { parseProcessorIdentifier } from '../../main/hardware/fallback/parseProcessorIdentifier.js';
import { loadNativeAddon, type HearthNative } from '../../main/hardware/nativeAddon.js';
import { mergeCpuIdentity, probeMachine, type MachineProbe } from '../../main/hardware/probeHardware.js';
import type { CpuTopology } from '../../main/hardware/probeParts.js';
import { tempDir } from '../support/tempDir.js';

// ---------------------------------------------------------------------------------------------
// Is the addon here, and if not, may it be missing?
// ---------------------------------------------------------------------------------------------

const status = loadNativeAddon();
const native: HearthNative | null = status.addon;
const notLoaded = status.addon === null ? status.reason : null;
const requireNative = process.env.HEARTH_REQUIRE_NATIVE === '1';
const linux = process.platform === 'linux';

/** What node-gyp needs on Linux and macOS; null when all of it is on PATH. */
function missingToolchain(): string | null {
  // MSVC is not on PATH outside a developer prompt: there, only HEARTH_REQUIRE_NATIVE=1 insists.
  if (process.platform === 'win32') return 'MSVC cannot be detected from here';
  for (const tool of [process.env.CXX ?? 'c++', 'make', 'python3']) {
    const run = spawnSync(tool, ['--version'], { stdio: 'ignore' });
    if (run.error !== undefined || run.status !== 0) return `${tool} is not installed`;
  }
  return null;
}
const toolchainGap = native === null ? missingToolchain() : null;
const nativeSkip = notLoaded === null ? false : `native addon missing (${notLoaded})`;

/** The addon, in tests that only run when it loaded. */
function addon(): HearthNative {
  assert.ok(native, 'the addon is loaded in tests that are not skipped without it');
  return native;
}

test('the native addon is built wherever a C++ toolchain exists', (t) => {
  if (native !== null) return;
  if (!requireNative && toolchainGap !== null) {
    t.skip(`${toolchainGap}: the addon cannot be built here, so the fallback answers (tested below)`);
    return;
  }
  const why = requireNative ? 'HEARTH_REQUIRE_NATIVE=1' : 'a C++ toolchain is installed';
  assert.fail(`${notLoaded}; it must build here (${why})`);
});

// ---------------------------------------------------------------------------------------------
// This machine: the addon against /proc and /sys, and the fallback against the addon
// ---------------------------------------------------------------------------------------------

/** /proc/cpuinfo's first `flags`/`Features` line, mapped to Hearth's names independently of the code under test. */
function procCpuinfoFeatures(): CpuFeature[] {
  const text = readFileSync('/proc/cpuinfo', 'utf8');
  const line = /^(?:flags|Features)\s*:(.*)$/m.exec(text)?.[1] ?? '';
  const words = new Set(line.trim().split(/\s+/));
  const armAlias: Partial<Record<CpuFeature, string[]>> = { neon: ['asimd', 'neon'], dotprod: ['asimddp'] };
  return CpuFeatureSchema.options.filter((feature) => (armAlias[feature] ?? [feature]).some((word) => words.has(word)));
}

describe('the native addon on this machine', { skip: nativeSkip }, () => {
  test(
    'its CPU features are exactly /proc/cpuinfo flags, mapped to our names',
    { skip: !linux && 'Linux only' },
    () => {
      // Both apply the OS-state rule: the kernel drops a flag whose register state it does not
      // enable (XCR0), and the addon checks XCR0 itself.
      assert.deepEqual(addon().cpuInfo()?.features, procCpuinfoFeatures());
    },
  );

  test('its identity and core counts match /proc/cpuinfo and /sys', { skip: !linux && 'Linux only' }, async (t) => {
    const cpu = addon().cpuInfo();
    const topology = addon().cpuTopology();
    const proc = parseProcCpuinfo(readFileSync('/proc/cpuinfo', 'utf8'));
    assert.ok(cpu && topology);
    assert.equal(cpu.arch, process.arch);
    if (proc.vendor !== null && (cpu.arch === 'x64' || cpu.arch === 'ia32')) {
      assert.equal(cpu.vendor, proc.vendor);
      // The brand string is a name, not a fact to agree on: a VM's CPUID brand is the hypervisor's
      // ("Oxide Virtual Turin-like Processor") while the kernel says "AMD EPYC …". Report both.
      if (cpu.brand !== proc.brand) t.diagnostic(`CPUID brand "${cpu.brand}", /proc/cpuinfo "${proc.brand ?? ''}"`);
      assert.equal(cpu.family, proc.family);
      assert.equal(cpu.model, proc.model);
    }
    assert.equal(topology.logical, proc.logical);
    if (proc.physical !== null) assert.equal(topology.physical, proc.physical);
    assert.deepEqual(topology, await linuxSysTopology('/sys'));
  });

  test('the fallback agrees with it wherever both answer', async (t) => {
    const [identity, topology, npus] = await Promise.all([fallbackCpuIdentity(), fallbackTopology(), fallbackNpus()]);
    const cpu = addon().cpuInfo();
    assert.ok(cpu);
    for (const field of ['arch', 'vendor', 'family', 'model'] as const) {
      if (identity[field] !== '' && identity[field] !== null) assert.equal(cpu[field], identity[field], field);
    }
    if (identity.brand !== '' && identity.brand !== cpu.brand) {
      t.diagnostic(`names differ: addon "${cpu.brand}", fallback "${identity.brand}"`);
      const profile = await probeMachine({ bandwidthMs: 0 });
      assert.equal(profile.cpu.brand, cpu.brand, 'the profile names the CPU as CPUID does');
      assert.equal(profile.cpu.osBrand, identity.brand, "and shows the system's name beside it");
    }
    if (identity.features.length > 0) assert.deepEqual(cpu.features, identity.features);
    const nativeTopology = addon().cpuTopology();
    assert.ok(nativeTopology);
    assert.equal(nativeTopology.logical, topology.logical);
    assert.equal(nativeTopology.physical, topology.physical);
    if (topology.performance !== null) assert.equal(nativeTopology.performance, topology.performance);
    if (npus !== null) assert.deepEqual(addon().npus(), npus);
  });

  test('memory bandwidth is plausible, and the probe runs at least the ms asked', async () => {
    const physical = addon().cpuTopology()?.physical;
    for (const ms of [100, 300]) {
      let ticks = 0;
      const timer = setInterval(() => (ticks += 1), 20);
      const started = performance.now();
      const result = await addon().memoryBandwidth(ms);
      const wall = performance.now() - started;
      clearInterval(timer);
      assert.ok(result, 'the probe answers');
      assert.ok(result.gbPerSecond > 1 && result.gbPerSecond < 500, `${result.gbPerSecond} GB/s`);
      // At least the time asked; no upper bound: a loaded machine may take any longer.
      assert.ok(result.seconds >= ms / 1000, `${result.seconds} s`);
      assert.ok(wall >= ms, `${wall} ms in all`);
      assert.equal(result.threads, physical, 'one thread per physical core');
      assert.ok(result.bufferBytes >= 256 * 1024 * 1024);
      assert.ok(ticks >= 1, `the JavaScript thread kept running during the probe (${ticks} ticks)`);
    }
  });

  test('bad arguments are clear errors; a missing /sys is an empty answer', async () => {
    const probe = addon();
    await assert.rejects(probe.memoryBandwidth(0), RangeError);
    await assert.rejects(probe.memoryBandwidth(1.5), RangeError);
    await assert.rejects(probe.memoryBandwidth(Number.NaN), RangeError);
    await assert.rejects(probe.memoryBandwidth(100, 0), RangeError);
    assert.throws(() => probe.cpuTopology(''), TypeError);
    assert.equal(probe.cpuTopology('/no/such/sys'), null, 'zero cores is no answer');
    assert.deepEqual(probe.npus('/no/such/sys'), []);
  });
});

describe('CPU names from CPUID and from the OS', () => {
  const base = { arch: 'x64', vendor: 'AuthenticAMD', family: 26, model: 2, features: [] };
  test('a VM whose CPUID brand differs from the kernel name keeps both', () => {
    const merged = mergeCpuIdentity(
      { ...base, brand: 'Oxide Virtual Turin-like Processor' },
      { ...base, brand: 'AMD EPYC 9005 Series Processor' },
    );
    assert.equal(merged.brand, 'Oxide Virtual Turin-like Processor');
    assert.equal(merged.osBrand, 'AMD EPYC 9005 Series Processor');
  });
  test('equal names, or an addon that gives none, leave no second name', () => {
    assert.equal(mergeCpuIdentity({ ...base, brand: 'X' }, { ...base, brand: 'X' }).osBrand, undefined);
    const arm = mergeCpuIdentity(
      { ...base, arch: 'arm64', vendor: '', brand: '', family: null, model: null },
      { ...base, arch: 'arm64', vendor: 'ARM', brand: 'ARM Neoverse-V1', family: null, model: null },
    );
    assert.equal(arm.brand, 'ARM Neoverse-V1');
    assert.equal(arm.vendor, 'ARM');
    assert.equal(arm.osBrand, undefined);
  });
});

describe('probeMachine', () => {
  const asProfile = (probe: MachineProbe) =>
    HardwareProfileSchema.parse({ ...probe, gpus: [], sources: { ...probe.sources, gpus: 'none' } });

  test('answers from the addon when it is built', { skip: nativeSkip }, async () => {
    const probe = await probeMachine({ bandwidthMs: 100 });
    asProfile(probe);
    assert.deepEqual(probe.sources, { cpu: 'addon', topology: 'addon', npus: 'addon', bandwidth: 'addon' });
    assert.ok(probe.memoryBandwidthGBps !== null && probe.memoryBandwidthGBps > 1);
  });

  test('answers from the fallback when told not to use the addon, with the same machine', async () => {
    const probe = await probeMachine({ bandwidthMs: 100, useAddon: false });
    asProfile(probe);
    const npuSource = linux || process.platform === 'darwin' ? 'fallback' : 'none';
    assert.deepEqual(probe.sources, { cpu: 'fallback', topology: 'fallback', npus: npuSource, bandwidth: 'fallback' });
    assert.ok(probe.cpu.logicalCores >= probe.cpu.physicalCores);
    if (native !== null) {
      const withAddon = await probeMachine({ bandwidthMs: 0 });
      // Names may differ (a VM's CPUID brand vs the kernel's); the OS's name is the fallback's brand.
      const { features, brand, osBrand: _none, ...identity } = probe.cpu;
      const { features: nativeFeatures, brand: nativeBrand, osBrand, ...nativeIdentity } = withAddon.cpu;
      assert.deepEqual(identity, nativeIdentity);
      assert.equal(osBrand ?? nativeBrand, brand, "the system's name is kept beside the addon's");
      if (linux) assert.deepEqual(features, nativeFeatures);
    }
  });

  test('bandwidthMs 0 (or nonsense) skips the bandwidth probe; fractions are rounded', async () => {
    for (const bandwidthMs of [0, -5, Number.NaN]) {
      const probe = await probeMachine({ bandwidthMs, useAddon: false });
      assert.equal(probe.memoryBandwidthGBps, null);
      assert.equal(probe.sources.bandwidth, 'none');
    }
    const rounded = await probeMachine({ bandwidthMs: 20.5 });
    assert.equal(rounded.sources.bandwidth, native === null ? 'fallback' : 'addon');
  });

  test('the JavaScript bandwidth probe is plausible', () => {
    const result = measureJsBandwidth(150);
    assert.ok(result.gbPerSecond > 1 && result.gbPerSecond < 500, `${result.gbPerSecond} GB/s`);
    assert.ok(result.seconds >= 0.15 && result.seconds < 0.5, `${result.seconds} s`);
    assert.equal(result.threads, 1);
  });
});

// ---------------------------------------------------------------------------------------------
// Other machines: /proc/cpuinfo texts in the shape the kernel prints them
// ---------------------------------------------------------------------------------------------

/** A whole /proc/cpuinfo from one CPU's entry: the kernel repeats it per CPU, ids changed. */
function cpuinfo(entry: string, cpus: { coreId?: number }[], trailer = ''): string {
  const blocks = cpus.map(({ coreId }, processor) => {
    let block = entry.replace(/^processor\t: \d+$/m, `processor\t: ${processor}`);
    if (coreId !== undefined) block = block.replace(/^core id\t\t: \d+$/m, `core id\t\t: ${coreId}`);
    return block.replace(/^(initial )?apicid\t: \d+$/gm, (_line, initial: string | undefined) => {
      return `${initial ?? ''}apicid\t: ${processor * 2}`;
    });
  });
  return `${[...blocks, trailer].filter((block) => block !== '').join('\n\n')}\n`;
}

const LUNAR_LAKE_ENTRY = `processor\t: 0
vendor_id\t: GenuineIntel
cpu family\t: 6
model\t\t: 189
model name\t: Intel(R) Core(TM) Ultra 7 258V
stepping\t: 1
microcode\t: 0x11f
cpu MHz\t\t: 400.000
cache size\t: 12288 KB
physical id\t: 0
siblings\t: 8
core id\t\t: 0
cpu cores\t: 8
apicid\t: 0
initial apicid\t: 0
fpu\t\t: yes
fpu_exception\t: yes
cpuid level\t: 35
wp\t\t: yes
flags\t\t: fpu vme de pse tsc msr pae mce cx8 apic sep mtrr pge mca cmov pat pse36 clflush dts acpi mmx fxsr sse sse2 ss ht tm pbe syscall nx pdpe1gb rdtscp lm constant_tsc art arch_perfmon pebs bts rep_good nopl xtopology nonstop_tsc cpuid aperfmperf tsc_known_freq pni pclmulqdq dtes64 monitor ds_cpl vmx smx est tm2 ssse3 sdbg fma cx16 xtpr pdcm sse4_1 sse4_2 x2apic movbe popcnt tsc_deadline_timer aes xsave avx f16c rdrand lahf_lm abm 3dnowprefetch cpuid_fault epb ssbd ibrs ibpb stibp ibrs_enhanced tpr_shadow flexpriority ept vpid ept_ad fsgsbase tsc_adjust bmi1 avx2 smep bmi2 erms invpcid rdt_a rdseed adx smap clflushopt clwb intel_pt sha_ni xsaveopt xsavec xgetbv1 xsaves split_lock_detect user_shstk avx_vnni lam wbnoinvd dtherm ida arat pln pts hwp hwp_notify hwp_act_window hwp_epp hwp_pkg_req hfi vnmi umip pku ospke waitpkg gfni vaes vpclmulqdq rdpid bus_lock_detect movdiri movdir64b fsrm md_clear serialize arch_lbr ibt flush_l1d arch_capabilities
vmx flags\t: vnmi preemption_timer posted_intr invvpid ept_x_only ept_ad ept_1gb flexpriority apicv tsc_offset vtpr mtf vapic ept vpid unrestricted_guest vapic_reg vid ple shadow_vmcs ept_mode_based_exec tsc_scaling usr_wait_pause
bugs\t\t: spectre_v1 spectre_v2 spec_store_bypass swapgs bhi
bogomips\t: 6604.80
clflush size\t: 64
cache_alignment\t: 64
address sizes\t: 42 bits physical, 48 bits virtual
power management:`;

const RYZEN_7840U_ENTRY = `processor\t: 0
vendor_id\t: AuthenticAMD
cpu family\t: 25
model\t\t: 116
model name\t: AMD Ryzen 7 7840U w/ Radeon  780M Graphics
stepping\t: 1
microcode\t: 0xa704104
cpu MHz\t\t: 1400.000
cache size\t: 1024 KB
physical id\t: 0
siblings\t: 16
core id\t\t: 0
cpu cores\t: 8
apicid\t: 0
initial apicid\t: 0
fpu\t\t: yes
fpu_exception\t: yes
cpuid level\t: 16
wp\t\t: yes
flags\t\t: fpu vme de pse tsc msr pae mce cx8 apic sep mtrr pge mca cmov pat pse36 clflush mmx fxsr sse sse2 ht syscall nx mmxext fxsr_opt pdpe1gb rdtscp lm constant_tsc rep_good amd_lbr_v2 nopl nonstop_tsc cpuid extd_apicid aperfmperf rapl pni pclmulqdq monitor ssse3 fma cx16 sse4_1 sse4_2 x2apic movbe popcnt aes xsave avx f16c rdrand lahf_lm cmp_legacy svm extapic cr8_legacy abm sse4a misalignsse 3dnowprefetch osvw ibs skinit wdt tce topoext perfctr_core perfctr_nb bpext perfctr_llc mwaitx cpb cat_l3 cdp_l3 hw_pstate ssbd mba perfmon_v2 ibrs ibpb stibp ibrs_enhanced vmmcall fsgsbase bmi1 avx2 smep bmi2 erms invpcid cqm rdt_a avx512f avx512dq rdseed adx smap avx512ifma clflushopt clwb avx512cd sha_ni avx512bw avx512vl xsaveopt xsavec xgetbv1 xsaves cqm_llc cqm_occup_llc cqm_mbm_total cqm_mbm_local avx512_bf16 clzero irperf xsaveerptr rdpru wbnoinvd cppc arat npt lbrv svm_lock nrip_save tsc_scale vmcb_clean flushbyasid decodeassists pausefilter pfthreshold avic v_vmsave_vmload vgif x2avic v_spec_ctrl vnmi avx512vbmi umip pku ospke avx512_vbmi2 gfni vaes vpclmulqdq avx512_vnni avx512_bitalg avx512_vpopcntdq rdpid overflow_recov succor smca fsrm flush_l1d
bugs\t\t: sysret_ss_attrs spectre_v1 spectre_v2 spec_store_bypass srso
bogomips\t: 6587.49
TLB size\t: 3584 4K pages
clflush size\t: 64
cache_alignment\t: 64
address sizes\t: 48 bits physical, 48 bits virtual
power management: ts ttp tm hwpstate cpb eff_freq_ro [13] [14]`;

const SANDY_BRIDGE_ENTRY = `processor\t: 0
vendor_id\t: GenuineIntel
cpu family\t: 6
model\t\t: 42
model name\t: Intel(R) Core(TM) i5-2500 CPU @ 3.30GHz
stepping\t: 7
microcode\t: 0x2f
cpu MHz\t\t: 1600.000
cache size\t: 6144 KB
physical id\t: 0
siblings\t: 4
core id\t\t: 0
cpu cores\t: 4
apicid\t: 0
initial apicid\t: 0
fpu\t\t: yes
fpu_exception\t: yes
cpuid level\t: 13
wp\t\t: yes
flags\t\t: fpu vme de pse tsc msr pae mce cx8 apic sep mtrr pge mca cmov pat pse36 clflush dts acpi mmx fxsr sse sse2 ss ht tm pbe syscall nx rdtscp lm constant_tsc arch_perfmon pebs bts rep_good nopl xtopology nonstop_tsc cpuid aperfmperf pni pclmulqdq dtes64 monitor ds_cpl vmx smx est tm2 ssse3 cx16 xtpr pdcm pcid sse4_1 sse4_2 x2apic popcnt tsc_deadline_timer aes xsave avx lahf_lm epb pti ssbd ibrs ibpb stibp tpr_shadow vnmi flexpriority ept vpid xsaveopt dtherm ida arat pln pts md_clear flush_l1d
bugs\t\t: cpu_meltdown spectre_v1 spectre_v2 spec_store_bypass l1tf mds swapgs itlb_multihit mmio_unknown
bogomips\t: 6585.38
clflush size\t: 64
cache_alignment\t: 64
address sizes\t: 36 bits physical, 48 bits virtual
power management:`;

const PI4_ENTRY = `processor\t: 0
BogoMIPS\t: 108.00
Features\t: fp asimd evtstrm crc32 cpuid
CPU implementer\t: 0x41
CPU architecture: 8
CPU variant\t: 0x0
CPU part\t: 0xd08
CPU revision\t: 3`;
const PI4_BOARD = `Hardware\t: BCM2835
Revision\t: c03114
Serial\t\t: 100000002a7bc5f1
Model\t\t: Raspberry Pi 4 Model B Rev 1.4`;

const GRAVITON3_ENTRY = `processor\t: 0
BogoMIPS\t: 2100.00
Features\t: fp asimd evtstrm aes pmull sha1 sha2 crc32 atomics fphp asimdhp cpuid asimdrdm jscvt fcma lrcpc dcpop sha3 sm3 sm4 asimddp sha512 sve asimdfhm dit uscat ilrcpc flagm ssbs paca pacg dcpodp svei8mm svebf16 i8mm bf16 dgh rng
CPU implementer\t: 0x41
CPU architecture: 8
CPU variant\t: 0x1
CPU part\t: 0xd40
CPU revision\t: 1`;

/** Rockchip RK3588: four Cortex-A55 then four Cortex-A76 (big.LITTLE, told apart by CPU part). */
const RK3588 = [0xd05, 0xd05, 0xd05, 0xd05, 0xd0b, 0xd0b, 0xd0b, 0xd0b]
  .map(
    (part, processor) => `processor\t: ${processor}
BogoMIPS\t: 48.00
Features\t: fp asimd evtstrm aes pmull sha1 sha2 crc32 atomics fphp asimdhp cpuid asimdrdm lrcpc dcpop asimddp
CPU implementer\t: 0x41
CPU architecture: 8
CPU variant\t: ${part === 0xd05 ? '0x2' : '0x4'}
CPU part\t: 0x${part.toString(16)}
CPU revision\t: 0`,
  )
  .join('\n\n');

const X86_MODERN: CpuFeature[] = ['sse4_2', 'avx', 'avx2', 'fma', 'f16c'];

describe('parseProcCpuinfo on recorded machines', () => {
  test('Intel Lunar Lake laptop (hybrid, no SMT): AVX-VNNI but no AVX-512', () => {
    const text = cpuinfo(
      LUNAR_LAKE_ENTRY,
      [0, 4, 8, 12, 16, 17, 18, 19].map((coreId) => ({ coreId })),
    );
    assert.deepEqual(parseProcCpuinfo(text), {
      vendor: 'GenuineIntel',
      brand: 'Intel(R) Core(TM) Ultra 7 258V',
      family: 6,
      model: 189,
      features: [...X86_MODERN, 'avx_vnni'],
      logical: 8,
      physical: 8,
    });
  });

  test('AMD Ryzen 7 7840U (Zen 4, SMT): AVX-512 with VNNI and BF16', () => {
    const text = cpuinfo(
      RYZEN_7840U_ENTRY,
      [...Array(16).keys()].map((cpu) => ({ coreId: cpu % 8 })),
    );
    assert.deepEqual(parseProcCpuinfo(text), {
      vendor: 'AuthenticAMD',
      brand: 'AMD Ryzen 7 7840U w/ Radeon  780M Graphics',
      family: 25,
      model: 116,
      features: [...X86_MODERN, 'avx512f', 'avx512bw', 'avx512vl', 'avx512_vnni', 'avx512_bf16'],
      logical: 16,
      physical: 8,
    });
  });

  test('Intel Sandy Bridge: AVX without AVX2, FMA or F16C', () => {
    const text = cpuinfo(
      SANDY_BRIDGE_ENTRY,
      [0, 1, 2, 3].map((coreId) => ({ coreId })),
    );
    const parsed = parseProcCpuinfo(text);
    assert.deepEqual(parsed.features, ['sse4_2', 'avx']);
    assert.equal(parsed.model, 42);
    assert.equal(parsed.physical, 4);
  });

  test('Raspberry Pi 4: NEON, named from the CPU part; the board block is not a CPU', () => {
    const text = cpuinfo(PI4_ENTRY, [{}, {}, {}, {}], PI4_BOARD);
    assert.deepEqual(parseProcCpuinfo(text), {
      vendor: 'ARM',
      brand: 'ARM Cortex-A72',
      family: null,
      model: null,
      features: ['neon'],
      logical: 4,
      physical: null,
    });
  });

  test('AWS Graviton3: dot product and SVE (and not fooled by svei8mm or svebf16)', () => {
    const parsed = parseProcCpuinfo(cpuinfo(GRAVITON3_ENTRY, [{}, {}]));
    assert.deepEqual(parsed.features, ['neon', 'dotprod', 'sve']);
    assert.equal(parsed.brand, 'ARM Neoverse-V1');
  });

  test('Rockchip RK3588: both core types named', () => {
    const parsed = parseProcCpuinfo(RK3588);
    assert.equal(parsed.brand, 'ARM Cortex-A55 + Cortex-A76');
    assert.deepEqual(parsed.features, ['neon', 'dotprod']);
    assert.equal(parsed.logical, 8);
  });

  test('an empty or foreign text gives an empty answer, not an error', () => {
    assert.deepEqual(parseProcCpuinfo(''), {
      vendor: null,
      brand: null,
      family: null,
      model: null,
      features: [],
      logical: 0,
      physical: null,
    });
  });
});

describe('other platforms’ small parsers', () => {
  test('macOS sysctl feature words (Intel Macs)', () => {
    const features =
      'FPU VME DE PSE TSC MSR PAE MCE CX8 APIC SEP MTRR PGE MCA CMOV PAT PSE36 CLFSH DS ACPI MMX FXSR SSE SSE2 SS HTT TM PBE SSE3 PCLMULQDQ DTES64 MON DSCPL VMX EST TM2 SSSE3 FMA CX16 TPR PDCM SSE4.1 SSE4.2 x2APIC MOVBE POPCNT AES PCID XSAVE OSXSAVE SEGLIM64 TSCTMR AVX1.0 RDRAND F16C';
    const leaf7 =
      'RDWRFSGS TSC_THREAD_OFFSET SGX BMI1 HLE AVX2 SMEP BMI2 ERMS INVPCID RTM FPU_CSDS MPX RDSEED ADX SMAP CLFSOPT IPT MDCLEAR TSXFA IBRS STIBP L1DF SSBD';
    assert.deepEqual(featuresFromMacSysctl(`${features} ${leaf7}`), X86_MODERN);
  });

  test('Windows PROCESSOR_IDENTIFIER', () => {
    assert.deepEqual(parseProcessorIdentifier('Intel64 Family 6 Model 154 Stepping 3, GenuineIntel'), {
      vendor: 'GenuineIntel',
      family: 6,
      model: 154,
    });
    assert.deepEqual(parseProcessorIdentifier('AMD64 Family 25 Model 116 Stepping 1, AuthenticAMD'), {
      vendor: 'AuthenticAMD',
      family: 25,
      model: 116,
    });
    assert.deepEqual(
      parseProcessorIdentifier('ARMv8 (64-bit) Family 8 Model D4B Revision 0, Qualcomm Technologies Inc'),
      {
        vendor: 'Qualcomm Technologies Inc',
        family: null,
        model: null,
      },
    );
    assert.equal(parseProcessorIdentifier(''), null);
  });

  test('CPU lists', () => {
    assert.deepEqual(parseCpuList('0-3,8,10-11\n'), [0, 1, 2, 3, 8, 10, 11]);
    assert.deepEqual(parseCpuList(''), []);
    assert.deepEqual(parseCpuList('3-1,x,5'), [5]);
  });

  test('accelerator names', () => {
    assert.deepEqual(describeAccelerator({ entry: 'accel0', driver: 'intel_vpu', pciVendorId: 0x8086 }), {
      name: 'Intel NPU',
      vendor: 'Intel',
      driver: 'intel_vpu',
    });
    assert.deepEqual(describeAccelerator({ entry: 'accel1', driver: 'constructor', pciVendorId: null }), {
      name: 'Accelerator (accel1)',
      vendor: 'Unknown',
      driver: 'constructor',
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Recorded /sys trees: the addon's C++ and the fallback read the same files the same way
// ---------------------------------------------------------------------------------------------

interface SysTree {
  cpus: SysCpu[];
  /** CPUs listed without a topology directory (offline). */
  offline?: number[];
  hybrid?: { performance: string; efficiency: string };
  accel?: { entry: string; device: string; driver?: string; vendor?: string }[];
}

function writeFile(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${text}\n`);
}

function makeSysTree(tree: SysTree): string {
  const root = tempDir('hearth-sys-');
  const cpuDir = join(root, 'devices', 'system', 'cpu');
  for (const cpu of tree.cpus) {
    const topology = join(cpuDir, `cpu${cpu.cpu}`, 'topology');
    writeFile(join(topology, 'physical_package_id'), String(cpu.packageId));
    writeFile(join(topology, 'die_id'), String(cpu.dieId));
    writeFile(join(topology, 'core_id'), String(cpu.coreId));
  }
  for (const cpu of tree.offline ?? []) writeFile(join(cpuDir, `cpu${cpu}`, 'online'), '0');
  for (const other of ['cpufreq', 'cpuidle']) mkdirSync(join(cpuDir, other), { recursive: true });
  writeFile(join(cpuDir, 'online'), '0-1');
  if (tree.hybrid) {
    writeFile(join(root, 'devices', 'cpu_core', 'cpus'), tree.hybrid.performance);
    writeFile(join(root, 'devices', 'cpu_atom', 'cpus'), tree.hybrid.efficiency);
  }
  for (const accel of tree.accel ?? []) {
    const device = join(root, 'devices', accel.device);
    // Several accel nodes may share one device: it is made once.
    const newDevice = !existsSync(device);
    mkdirSync(device, { recursive: true });
    if (newDevice && accel.vendor !== undefined) writeFile(join(device, 'vendor'), accel.vendor);
    if (newDevice && accel.driver !== undefined) {
      const driverDir = join(root, 'bus', 'pci', 'drivers', accel.driver);
      mkdirSync(driverDir, { recursive: true });
      symlinkSync(driverDir, join(device, 'driver'));
    }
    const node = join(root, 'class', 'accel', accel.entry);
    mkdirSync(node, { recursive: true });
    symlinkSync(device, join(node, 'device'));
  }
  return root;
}

const cpusOf = (coreIds: number[], packageOf: (cpu: number) => number = () => 0): SysCpu[] =>
  coreIds.map((coreId, cpu) => ({ cpu, packageId: packageOf(cpu), dieId: 0, coreId }));

const TOPOLOGIES: { name: string; tree: SysTree; expected: CpuTopology | null }[] = [
  {
    name: 'Intel Lunar Lake: 4 P-cores and 4 E-cores, no SMT',
    tree: { cpus: cpusOf([0, 4, 8, 12, 16, 17, 18, 19]), hybrid: { performance: '0-3', efficiency: '4-7' } },
    expected: { logical: 8, physical: 8, performance: 4, efficiency: 4 },
  },
  {
    name: 'Intel Alder Lake-H: 6 P-cores with SMT and 8 E-cores',
    tree: {
      cpus: cpusOf([0, 0, 4, 4, 8, 8, 12, 12, 16, 16, 20, 20, 24, 25, 26, 27, 28, 29, 30, 31]),
      hybrid: { performance: '0-11', efficiency: '12-19' },
    },
    expected: { logical: 20, physical: 14, performance: 6, efficiency: 8 },
  },
  {
    name: 'AMD Ryzen with SMT, one CPU offline',
    tree: { cpus: cpusOf([...Array(16).keys()].map((cpu) => cpu % 8)), offline: [16] },
    expected: { logical: 16, physical: 8, performance: null, efficiency: null },
  },
  {
    name: 'two sockets reusing core ids',
    tree: { cpus: cpusOf([0, 1, 2, 3, 0, 1, 2, 3], (cpu) => (cpu < 4 ? 0 : 1)) },
    expected: { logical: 8, physical: 8, performance: null, efficiency: null },
  },
  {
    name: 'a hybrid list that misses cores is no split',
    tree: { cpus: cpusOf([0, 1, 2, 3]), hybrid: { performance: '0-1', efficiency: '2' } },
    expected: { logical: 4, physical: 4, performance: null, efficiency: null },
  },
  { name: 'a container without topology', tree: { cpus: [], offline: [0, 1] }, expected: null },
];

describe('recorded /sys trees', () => {
  for (const { name, tree, expected } of TOPOLOGIES) {
    test(`topology: ${name}`, async () => {
      const root = makeSysTree(tree);
      assert.deepEqual(await linuxSysTopology(root), expected, 'fallback');
      assert.deepEqual(countCoreTopology(tree.cpus, tree.hybrid ?? null), expected, 'pure counter');
      if (native !== null) assert.deepEqual(native.cpuTopology(root), expected, 'addon');
    });
  }

  test('accelerators: one entry per device, names from driver and PCI vendor', async () => {
    const root = makeSysTree({
      cpus: [],
      accel: [
        { entry: 'accel0', device: 'pci0000:00/0000:00:0b.0', driver: 'intel_vpu', vendor: '0x8086' },
        { entry: 'accel1', device: 'pci0000:00/0000:00:0b.0', driver: 'intel_vpu', vendor: '0x8086' },
        { entry: 'accel2', device: 'pci0000:00/0000:c6:00.1', driver: 'amdxdna', vendor: '0x1022' },
        { entry: 'accel10', device: 'platform/fdab0000.npu', driver: 'rocket' },
        { entry: 'accel3', device: 'pci0000:00/0000:01:00.0', driver: 'future_npu', vendor: '0x8086' },
        { entry: 'accel4', device: 'pci0000:00/0000:02:00.0', vendor: '0x1e52' },
      ],
    });
    const expected: Npu[] = [
      { name: 'Intel NPU', vendor: 'Intel', driver: 'intel_vpu' },
      { name: 'AMD XDNA NPU', vendor: 'AMD', driver: 'amdxdna' },
      { name: 'Intel accelerator (accel3)', vendor: 'Intel', driver: 'future_npu' },
      { name: 'Accelerator (accel4)', vendor: 'Unknown', driver: null },
      { name: 'Rockchip NPU', vendor: 'Rockchip', driver: 'rocket' },
    ];
    if (linux) assert.deepEqual(await fallbackNpus(root), expected, 'fallback');
    if (native !== null && linux) assert.deepEqual(native.npus(root), expected, 'addon');
  });
});
