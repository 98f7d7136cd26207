import type { en } from '../../../../contract/i18n/index.js';
import { t } from '../../i18n/i18n.js';

export type FieldErrors = Partial<Record<string, string>>;

type FieldMessageKey = Extract<keyof typeof en.settings, `field${string}`>;

/** What each number field accepts, in words; zod's own messages name types, not ranges. */
const FIELD_MESSAGES: Partial<Record<string, FieldMessageKey>> = {
  temperature: 'fieldTemperature',
  topP: 'fieldTopP',
  maxTokens: 'fieldMaxTokens',
  seed: 'fieldSeed',
  contextSize: 'fieldContextSize',
  threads: 'fieldThreads',
  gpuLayers: 'fieldGpuLayers',
  stateBudgetBytes: 'fieldStateBudget',
  checkpointsPerBranch: 'fieldCheckpoints',
  attentionStateCapBytes: 'fieldAttentionCap',
  documentChunkChars: 'fieldChunkChars',
  documentChunkOverlap: 'fieldChunkOverlap',
};

/** One message per field, keyed by the last path segment: `defaultSampling.topP` → `topP`. */
export function fieldErrorsFrom(issues: readonly { path: readonly PropertyKey[]; message: string }[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = String(issue.path.at(-1) ?? '');
    const key = FIELD_MESSAGES[field];
    errors[field] ??= key ? t(key, { ns: 'settings' }) : issue.message;
  }
  return errors;
}
