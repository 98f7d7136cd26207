export type FieldErrors = Partial<Record<string, string>>;

/** What each number field accepts, in words; zod's own messages name types, not ranges. */
const FIELD_MESSAGES: Record<string, string> = {
  temperature: 'Use a number from 0 to 2.',
  topP: 'Use a number above 0, up to 1.',
  maxTokens: 'Use a whole number from 1 to 32768.',
  seed: 'Use a whole number from 0 to 2147483647, or leave empty.',
  contextSize: 'Use a whole number from 256 to 1048576.',
  threads: 'Use a whole number from 1 to 256, or tick Automatic.',
  gpuLayers: 'Use a whole number from 0 to 10000, or tick Automatic.',
  stateBudgetBytes: 'Use a size from 0 up to 1024 GB.',
  checkpointsPerBranch: 'Use a whole number from 1 to 256.',
  attentionStateCapBytes: 'Use a size from 0 up to 1048576 MB.',
  documentChunkChars: 'Use a whole number from 200 to 8000.',
  documentChunkOverlap: 'Use a whole number from 0 to 4000.',
};

/** One message per field, keyed by the last path segment: `defaultSampling.topP` → `topP`. */
export function fieldErrorsFrom(issues: readonly { path: readonly PropertyKey[]; message: string }[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = String(issue.path.at(-1) ?? '');
    errors[field] ??= FIELD_MESSAGES[field] ?? issue.message;
  }
  return errors;
}
