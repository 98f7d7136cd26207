import type { CpuFeature } from '../../../../../contract/index.js';

/** The instruction sets llama.cpp's fast kernels use: wider vectors, dot products, matrix tiles. */
const SPEED_FEATURES = /^(avx2|avx512|amx|avx_vnni|neon|dotprod)/;

export function CpuFeatureChips({ features }: { features: readonly CpuFeature[] }) {
  if (features.length === 0) return <span className="muted">None reported</span>;
  const anyKey = features.some((feature) => SPEED_FEATURES.test(feature));
  return (
    <>
      <ul className="chip-list" aria-label="Instruction sets">
        {features.map((feature) => {
          const key = SPEED_FEATURES.test(feature);
          return (
            <li
              key={feature}
              className={key ? 'chip chip--key' : 'chip'}
              title={key ? 'Speeds up llama.cpp' : undefined}
              data-testid="cpu-feature"
              data-key={key || undefined}
            >
              {feature}
              {key && <span className="visually-hidden"> (speeds up llama.cpp)</span>}
            </li>
          );
        })}
      </ul>
      {anyKey && <span className="fine-print">Highlighted: the ones that speed up llama.cpp.</span>}
    </>
  );
}
