import { type ModelFamily, ModelFamilySchema } from '../../../contract/index.js';

/** Families in the order the catalog lists them (the schema's order: the recurrent models Hearth is built for first). */
export const FAMILY_ORDER: readonly ModelFamily[] = ModelFamilySchema.options;

const LABELS: Record<ModelFamily, string> = {
  rwkv7: 'RWKV-7',
  rwkv6: 'RWKV-6',
  mamba: 'Mamba',
  mamba2: 'Mamba-2',
  hybrid: 'Hybrid',
  moe: 'Mixture of Experts',
  dense: 'Dense',
  embedding: 'Embedding',
  reranker: 'Reranker',
};

export function familyLabel(family: ModelFamily): string {
  return LABELS[family];
}
