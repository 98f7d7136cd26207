import { z } from 'zod';
import type { TextParams } from './i18n/catalogTypes.js';
import { localized, LocalizedTextSchema, type LocalizedText, type TextKey } from './i18n/localizedText.js';
import type { Namespace } from './i18n/locales/en/index.js';

/**
 * Errors cross every boundary (engine → main → renderer) as plain `{ code, message }` values:
 * never as thrown strings, never with stacks. `message` is written for the user, in English; `text`,
 * when there is one, is the same message as a catalog key, which the renderer shows in the UI's
 * language.
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
  /** The disk (or the user's quota) is full: nothing could be saved, nothing saved was lost. */
  'disk_full',
  'unsupported',
  'disconnected',
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

export const AppErrorSchema = z.strictObject({
  code: ErrorCodeSchema,
  message: z.string(),
  text: LocalizedTextSchema.optional(),
});
export type AppErrorValue = z.infer<typeof AppErrorSchema>;

/**
 * How a skipped write says it was for lack of space (engine → main reasons such as
 * `turnStateSkipped` start with it), so main can tell the user in one clear way.
 */
export const DISK_FULL_REASON = 'the disk is full';

/** The one throwable error type of the app; it serialises to an {@link AppErrorValue}. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly text: LocalizedText | undefined;

  constructor(code: ErrorCode, message: string, text?: LocalizedText) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.text = text;
  }

  /** An error whose message is a catalog key (`errors` unless said): shown in the UI's language. */
  static localized<N extends Namespace = 'errors'>(
    code: ErrorCode,
    key: TextKey<N>,
    params?: TextParams,
    ns: N = 'errors' as N,
  ): AppError {
    const { message, text } = localized(ns, key, params);
    return new AppError(code, message, text);
  }

  toValue(): AppErrorValue {
    return this.text
      ? { code: this.code, message: this.message, text: this.text }
      : { code: this.code, message: this.message };
  }

  static fromValue(value: AppErrorValue): AppError {
    return new AppError(value.code, value.message, value.text);
  }
}

/** The one message for a full disk, wherever it is met (SQLite, a file write, a quota). */
export const DISK_FULL_MESSAGE =
  'The disk is full: Hearth could not save this. Free some space and try again; nothing already saved was lost.';

/** What SQLite (SQLITE_FULL, also as an extended code) and the OS (ENOSPC, EDQUOT) say when the disk is full. */
const DISK_FULL_CODES = new Set(['SQLITE_FULL', 'ENOSPC', 'EDQUOT']);
const DISK_FULL_TEXT = /\b(ENOSPC|EDQUOT)\b|No space left on device|Disk quota exceeded|database or disk is full/;

/** Whether an error, or one of its causes, says the disk is full. */
export function isDiskFull(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    if (current instanceof AppError && current.code === 'disk_full') return true;
    // Errors that crossed a process boundary keep only their text.
    if (current instanceof Error && DISK_FULL_TEXT.test(current.message)) return true;
    const code = (current as { code?: unknown }).code;
    // SQLITE_FULL may come as an extended code (SQLITE_FULL_…): its first two parts decide.
    if (typeof code === 'string' && DISK_FULL_CODES.has(code.split('_').slice(0, 2).join('_'))) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/** Turns anything thrown into an error value; unknown failures become `internal`, a full disk `disk_full`. */
export function toErrorValue(error: unknown): AppErrorValue {
  if (isDiskFull(error)) return { code: 'disk_full', message: DISK_FULL_MESSAGE };
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
