import type { HardwareProfile } from '../../../../../contract/index.js';
import { backendLabel } from '../../../format/backendLabel.js';
import { formatBytes } from '../../../format/formatBytes.js';

const size = (bytes: number) => formatBytes(bytes, { binary: true });

export function GpuList({ profile }: { profile: HardwareProfile }) {
  if (profile.gpus.length === 0) {
    return (
      <span className="muted" data-testid="no-gpu">
        {profile.sources.gpus === 'none'
          ? 'Not looked for, as CPU only is chosen. Choose Automatic, save, and probe again to look for GPUs.'
          : 'No GPU found.'}
      </span>
    );
  }
  return (
    <ul className="device-list" aria-label="GPUs">
      {profile.gpus.map((gpu, index) => (
        <li key={`${gpu.backend}-${gpu.name}-${index}`} className="device" data-testid="gpu">
          <span className="device-name">{gpu.name}</span>
          <span className="device-meta">
            <span className="chip">{backendLabel(gpu.backend)}</span>
            {gpu.unifiedMemory ? (
              <span>shares system memory</span>
            ) : (
              <span>
                {size(gpu.vramBytes)} VRAM <span className="muted">({size(gpu.freeVramBytes)} free)</span>
              </span>
            )}
          </span>
        </li>
      ))}
    </ul>
  );
}
