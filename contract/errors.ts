import { z } from 'zod';

/**
 * Errors cross every boundary (engine → main → renderer) as plain `{ code, message }` values:
 * never as thrown strings, never with stacks. `message` is written for the user.
 */
export const ErrorCodeSchema = z.enum([
  'invalid_input',
  'forbidden',
  'not_found',
  'busy',
  'no_model',
  'model_invalid',
  'model_load_failed',
  'engine_stopped',
  'generation_failed',
  'aborted',
  'storage_failed',
  /** No space left where Hearth writes (database, saved states, downloads): nothing was lost. */
  'disk_full',
  'unsupported',
  'disconnected',
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

export const AppErrorSchema = z.strictObject({
  code: ErrorCodeSchema,
  message: z.string(),
});
export type AppErrorValue = z.infer<typeof AppErrorSchema>;

/**
 * How a skipped write says it was for lack of space (engine → main reasons such as
 * `turnStateSkipped` start with it), so main can tell the user in one clear way.
 */
export const DISK_FULL_REASON = 'the disk is full';

/** Whether a Node or SQLite error means there is no space left on the device. */
export function isDiskFullError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL' || code === 'disk_full';
}

/** The one throwable error type of the app; it serialises to an {@link AppErrorValue}. */
export class AppError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'AppError';
    this.code = code;
  }

  toValue(): AppErrorValue {
    return { code: this.code, message: this.message };
  }

  static fromValue(value: AppErrorValue): AppError {
    return new AppError(value.code, value.message);
  }
}

/** Turns anything thrown into an error value; unknown failures become `internal`. */
export function toErrorValue(error: unknown): AppErrorValue {
  if (error instanceof AppError) return error.toValue();
  const parsed = AppErrorSchema.safeParse(error);
  if (parsed.success) return parsed.data;
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message: message || 'Unknown error' };
}

/** Formats zod issues as one readable line: `content: Too small; sampling.topP: Too big`. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => {
      const path = issue.path.map(String).join('.');
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join('; ');
}
