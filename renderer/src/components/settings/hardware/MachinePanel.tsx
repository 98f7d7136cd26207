import { useEffect } from 'react';
import type { HardwareProfile } from '../../../../../contract/index.js';
import { describeCores } from '../../../format/describeCores.js';
import { formatBytes } from '../../../format/formatBytes.js';
import { useCommands } from '../../../session/CommandsContext.js';
import { useAppStore } from '../../../store/appStore.js';
import { CpuFeatureChips } from './CpuFeatureChips.js';
import { GpuList } from './GpuList.js';
import { NpuList } from './NpuList.js';
import { ProbeSources } from './ProbeSources.js';
import { SkeletonLines } from './SkeletonLines.js';

const size = (bytes: number) => formatBytes(bytes, { binary: true });

/** The machine as Hearth sees it; main probes it once per run, "Probe again" asks afresh. */
export function MachinePanel() {
  const commands = useCommands();
  const profile = useAppStore((state) => state.hardwareProfile);
  const probing = useAppStore((state) => state.hardwareProbing);
  const error = useAppStore((state) => state.hardwareError);

  useEffect(() => {
    void commands.loadHardwareProfile();
  }, [commands]);

  return (
    <div className="hardware-card" aria-busy={probing} data-testid="machine-panel">
      <div className="hardware-card-header">
        <h4>This computer</h4>
        <button
          type="button"
          className="button button--small"
          disabled={probing}
          onClick={() => void commands.probeHardwareAgain()}
          data-testid="probe-again"
        >
          {probing && <span className="spinner" aria-hidden="true" />}
          {probing ? 'Probing…' : 'Probe again'}
        </button>
      </div>
      {error && (
        <p className="field-error" role="alert">
          Hearth could not look at this computer: {error}
        </p>
      )}
      {profile ? (
        <MachineFacts profile={profile} />
      ) : (
        !error && <SkeletonLines label="Looking at this computer: CPU, memory and each GPU backend…" lines={5} />
      )}
    </div>
  );
}

function MachineFacts({ profile }: { profile: HardwareProfile }) {
  const { cpu } = profile;
  return (
    <>
      <dl className="facts">
        <dt>CPU</dt>
        <dd data-testid="cpu-brand">
          {cpu.brand || cpu.vendor || 'Unknown'}
          <span className="muted"> · {cpu.arch}</span>
          {cpu.osBrand !== undefined && (
            <span className="muted" data-testid="cpu-os-brand">
              {' '}
              (the system calls it {cpu.osBrand})
            </span>
          )}
        </dd>
        <dt>Cores</dt>
        <dd data-testid="cpu-cores">{describeCores(cpu)}</dd>
        <dt>Instruction sets</dt>
        <dd className="facts-stack">
          <CpuFeatureChips features={cpu.features} />
        </dd>
        <dt>Memory</dt>
        <dd data-testid="memory">
          {size(profile.totalMemoryBytes)} <span className="muted">({size(profile.freeMemoryBytes)} free)</span>
          {' · '}
          {profile.memoryBandwidthGBps === null ? (
            <span className="muted">bandwidth not measured</span>
          ) : (
            <span>≈ {formatBandwidth(profile.memoryBandwidthGBps)} GB/s measured</span>
          )}
        </dd>
        <dt>GPUs</dt>
        <dd>
          <GpuList profile={profile} />
        </dd>
        <dt>NPUs</dt>
        <dd>
          <NpuList profile={profile} />
        </dd>
      </dl>
      <ProbeSources profile={profile} />
    </>
  );
}

function formatBandwidth(gbPerSecond: number): string {
  return gbPerSecond >= 10 ? gbPerSecond.toFixed(0) : gbPerSecond.toFixed(1);
}
