import type { TensorSpec } from './architectures/architectureSpec.js';
import { deriveSeed, fillFanIn, fillNormalish, fillUniform, mulberry32 } from './seededRandom.js';

/**
 * Turns a tensor's declared init into a function that fills its data. Each tensor draws from its own
 * stream, seeded by the model seed and the tensor's name, so its values depend on nothing else.
 */
export function tensorFiller(tensor: TensorSpec, seed: number): (target: Float32Array) => void {
  const init = tensor.init ?? 'random';
  const random = mulberry32(deriveSeed(seed, tensor.name));
  const fanIn = tensor.dims[0] ?? 1;
  if (init === 'zeros') return () => undefined;
  if (init === 'ones') return (target) => target.fill(1);
  if (init === 'random') return (target) => fillFanIn(target, random, fanIn);
  switch (init.kind) {
    case 'random':
      return (target) => fillFanIn(target, random, fanIn, init.gain);
    case 'normal':
      return (target) => fillNormalish(target, random, init.std, init.mean ?? 0);
    case 'uniform':
      return (target) => fillUniform(target, random, init.min, init.max);
    case 'constant':
      return (target) => target.fill(init.value);
  }
}
