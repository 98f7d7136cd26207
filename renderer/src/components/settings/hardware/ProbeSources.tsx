import { useTranslation } from 'react-i18next';
import type { HardwareProfile } from '../../../../../contract/index.js';
import { describeProbeSource, type ProbedPart } from '../../../format/describeProbeSource.js';

const PARTS = [
  { part: 'cpu', label: 'probedCpu' },
  { part: 'topology', label: 'probedTopology' },
  { part: 'bandwidth', label: 'probedBandwidth' },
  { part: 'npus', label: 'probedNpus' },
  { part: 'gpus', label: 'probedGpus' },
] as const satisfies readonly { part: ProbedPart; label: string }[];

/** Which part of Hearth answered each question, in small print: a fallback answer may be rougher. */
export function ProbeSources({ profile }: { profile: HardwareProfile }) {
  const { t } = useTranslation('settings');
  return (
    <p className="fine-print" data-testid="probe-sources">
      {t('answeredBy')}{' '}
      {PARTS.map(({ part, label }, index) => (
        <span key={part}>
          {index > 0 && ' · '}
          {t('probedPart', {
            part: t(label),
            source: describeProbeSource(part, profile.sources[part], profile.platform),
          })}
        </span>
      ))}
    </p>
  );
}
