import { SamplingSchema, type Sampling } from '../../../../contract/index.js';
import { fieldErrorsFrom, type FieldErrors } from './fieldErrors.js';

/** Sampling as typed into the form: strings, so a half-typed number is not forced into shape. */
export interface SamplingDraft {
  temperature: string;
  topP: string;
  maxTokens: string;
  /** Empty: a new random seed per answer. */
  seed: string;
}

export function toSamplingDraft(sampling: Sampling): SamplingDraft {
  return {
    temperature: String(sampling.temperature),
    topP: String(sampling.topP),
    maxTokens: String(sampling.maxTokens),
    seed: sampling.seed === null ? '' : String(sampling.seed),
  };
}

/** The draft as numbers, unchecked: the caller validates it with the contract's schema. */
export function samplingInput(draft: SamplingDraft): Record<keyof Sampling, number | null> {
  return {
    temperature: toNumber(draft.temperature),
    topP: toNumber(draft.topP),
    maxTokens: toNumber(draft.maxTokens),
    seed: draft.seed.trim() === '' ? null : toNumber(draft.seed),
  };
}

export function parseSamplingDraft(draft: SamplingDraft): { sampling: Sampling } | { errors: FieldErrors } {
  const parsed = SamplingSchema.safeParse(samplingInput(draft));
  return parsed.success ? { sampling: parsed.data } : { errors: fieldErrorsFrom(parsed.error.issues) };
}

/** An empty field is missing, not zero. */
export function toNumber(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text);
}
