import { useTranslation } from 'react-i18next';
import { useEffect } from 'react';
import type { HardwareProfile } from '../../../../../contract/index.js';
import { describeCores } from '../../../format/describeCores.js';
import { formatBytes } from '../../../format/formatBytes.js';
import { formatNumber } from '../../../i18n/formatters.js';
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
  const { t } = useTranslation('settings');
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
        <h4>{t('thisComputer')}</h4>
        <button
          type="button"
          className="button button--small"
          disabled={probing}
          onClick={() => void commands.probeHardwareAgain()}
          data-testid="probe-again"
        >
          {probing && <span className="spinner" aria-hidden="true" />}
          {probing ? t('probing') : t('probeAgain')}
        </button>
      </div>
      {error && (
        <p className="field-error" role="alert">
          {t('probeFailed', { error })}
        </p>
      )}
      {profile ? (
        <MachineFacts profile={profile} />
      ) : (
        !error && <SkeletonLines label={t('lookingAtComputer')} lines={5} />
      )}
    </div>
  );
}

function MachineFacts({ profile }: { profile: HardwareProfile }) {
  const { t } = useTranslation('settings');
  const { cpu } = profile;
  return (
    <>
      <dl className="facts">
        <dt>{t('cpu')}</dt>
        <dd data-testid="cpu-brand">
          {cpu.brand || cpu.vendor || t('unknown')}
          <span className="muted"> · {cpu.arch}</span>
          {cpu.osBrand !== undefined && (
            <span className="muted" data-testid="cpu-os-brand">
              {' '}
              {t('systemCallsIt', { name: cpu.osBrand })}
            </span>
          )}
        </dd>
        <dt>{t('cores')}</dt>
        <dd data-testid="cpu-cores">{describeCores(cpu)}</dd>
        <dt>{t('instructionSets')}</dt>
        <dd className="facts-stack">
          <CpuFeatureChips features={cpu.features} />
        </dd>
        <dt>{t('memory')}</dt>
        <dd data-testid="memory">
          {size(profile.totalMemoryBytes)}{' '}
          <span className="muted">{t('freeAmount', { size: size(profile.freeMemoryBytes) })}</span>
          {' · '}
          {profile.memoryBandwidthGBps === null ? (
            <span className="muted">{t('bandwidthNotMeasured')}</span>
          ) : (
            <span>{t('bandwidthMeasured', { rate: formatBandwidth(profile.memoryBandwidthGBps) })}</span>
          )}
        </dd>
        <dt>{t('gpus')}</dt>
        <dd>
          <GpuList profile={profile} />
        </dd>
        <dt>{t('npus')}</dt>
        <dd>
          <NpuList profile={profile} />
        </dd>
      </dl>
      <ProbeSources profile={profile} />
    </>
  );
}

function formatBandwidth(gbPerSecond: number): string {
  return formatNumber(gbPerSecond, { maxDigits: gbPerSecond >= 10 ? 0 : 1 });
}
