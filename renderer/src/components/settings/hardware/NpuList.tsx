import type { HardwareProfile } from '../../../../../contract/index.js';

export function NpuList({ profile }: { profile: HardwareProfile }) {
  if (profile.npus.length === 0) {
    return (
      <span className="muted" data-testid="no-npu">
        {profile.sources.npus === 'none' ? 'Not looked for.' : 'No NPU found.'}
      </span>
    );
  }
  return (
    <ul className="device-list" aria-label="NPUs">
      {profile.npus.map((npu, index) => (
        <li key={`${npu.name}-${index}`} className="device" data-testid="npu">
          <span className="device-name">{npu.name}</span>
          <span className="device-meta">
            <span>{npu.vendor}</span>
            {npu.driver && <span className="muted">driver {npu.driver}</span>}
          </span>
          <p className="device-notice" data-testid="npu-notice">
            Detected, not used yet: running language models on an NPU needs a vendor runtime (OpenVINO GenAI, Ryzen AI)
            that Hearth does not include yet.
          </p>
        </li>
      ))}
    </ul>
  );
}
