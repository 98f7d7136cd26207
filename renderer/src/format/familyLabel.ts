import { type ModelFamily, ModelFamilySchema } from '../../../contract/index.js';
import { t } from '../i18n/i18n.js';

/** Families in the order the catalog lists them (the schema's order: the recurrent models Hearth is built for first). */
export const FAMILY_ORDER: readonly ModelFamily[] = ModelFamilySchema.options;

/** The family's name: product names (RWKV, Mamba) as they are, the others in the UI's language. */
export function familyLabel(family: ModelFamily): string {
  switch (family) {
    case 'rwkv7':
      return 'RWKV-7';
    case 'rwkv6':
      return 'RWKV-6';
    case 'mamba':
      return 'Mamba';
    case 'mamba2':
      return 'Mamba-2';
    case 'hybrid':
      return t('familyHybridLabel', { ns: 'library' });
    case 'moe':
      return t('familyMoeLabel', { ns: 'library' });
    case 'dense':
      return t('familyDenseLabel', { ns: 'library' });
    case 'embedding':
      return t('familyEmbeddingLabel', { ns: 'library' });
    case 'reranker':
      return t('familyRerankerLabel', { ns: 'library' });
    default:
      return family satisfies never;
  }
}

/**
 * What a family does differently, in plain words, for the families Hearth is built around; null
 * for plain transformers (dense, embedding, reranker), which need no explaining.
 */
export function familyExplanation(family: ModelFamily): string | null {
  switch (family) {
    case 'rwkv7':
    case 'rwkv6':
      return t('familyRwkv', { ns: 'library' });
    case 'mamba':
    case 'mamba2':
      return t('familyMamba', { ns: 'library' });
    case 'moe':
      return t('familyMoe', { ns: 'library' });
    case 'hybrid':
      return t('familyHybrid', { ns: 'library' });
    case 'dense':
    case 'embedding':
    case 'reranker':
      return null;
    default:
      return family satisfies never;
  }
}
