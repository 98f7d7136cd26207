import type { HardwareProfile } from '../../../../../contract/index.js';
import { describeProbeSource, type ProbedPart } from '../../../format/describeProbeSource.js';

const PARTS: { part: ProbedPart; label: string }[] = [
  { part: 'cpu', label: 'CPU features' },
  { part: 'topology', label: 'Cores' },
  { part: 'bandwidth', label: 'Memory bandwidth' },
  { part: 'npus', label: 'NPUs' },
  { part: 'gpus', label: 'GPUs' },
];

/** Which part of Hearth answered each question, in small print: a fallback answer may be rougher. */
export function ProbeSources({ profile }: { profile: HardwareProfile }) {
  return (
    <p className="fine-print" data-testid="probe-sources">
      Answered by:{' '}
      {PARTS.map(({ part, label }, index) => (
        <span key={part}>
          {index > 0 && ' · '}
          {label}: {describeProbeSource(part, profile.sources[part], profile.platform)}
        </span>
      ))}
    </p>
  );
}
