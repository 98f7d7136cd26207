import type { TextKey, TextParams } from '../../contract/i18n/index.js';
import {
  AppError,
  ARCHIVE_EXPORT_FORMAT,
  CONVERSATION_EXPORT_FORMAT,
  type ConversationExport,
  ConversationExportShapeSchema,
  describeIssues,
  EXPORT_FORMAT_VERSION,
  EXPORT_MAX_BYTES,
  findTreeProblem,
} from '../../contract/index.js';
import { withinJsonValueBudget } from './jsonValueBudget.js';

const MB = 1024 * 1024;

function refuse(key: TextKey<'exchange'>, params?: TextParams): AppError {
  return AppError.localized('invalid_input', key, params, 'exchange');
}

/**
 * An export file's text, checked step by step so that each kind of bad file gets its own clear
 * error: too large or too many values (both before anything is parsed), not JSON, not a Hearth
 * export, from a newer Hearth, a field out of the schema, a broken message tree. Only the
 * schema's output is returned: keys it does not know (`__proto__` among them) are refused, never
 * copied.
 */
export function readConversationExport(content: string): ConversationExport {
  const bytes = Buffer.byteLength(content);
  if (bytes > EXPORT_MAX_BYTES) {
    throw refuse('errorTooLarge', { size: Math.ceil(bytes / MB), max: EXPORT_MAX_BYTES / MB });
  }
  if (!withinJsonValueBudget(content)) throw refuse('errorTooManyValues');
  let parsed: unknown;
  try {
    parsed = JSON.parse(content);
  } catch {
    throw refuse('errorNotJson');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw refuse('errorNotExport');
  const format = Object.hasOwn(parsed, 'format') ? (parsed as { format: unknown }).format : undefined;
  if (format === ARCHIVE_EXPORT_FORMAT) throw refuse('errorArchive');
  if (format !== CONVERSATION_EXPORT_FORMAT) throw refuse('errorNotExport');
  const version = Object.hasOwn(parsed, 'version') ? (parsed as { version: unknown }).version : undefined;
  if (typeof version === 'number' && Number.isInteger(version) && version > EXPORT_FORMAT_VERSION) {
    throw refuse('errorNewerVersion', { version, supported: EXPORT_FORMAT_VERSION });
  }
  const shape = ConversationExportShapeSchema.safeParse(parsed);
  if (!shape.success) throw refuse('errorInvalid', { detail: describeIssues(shape.error) });
  const problem = findTreeProblem(shape.data);
  if (problem) throw refuse(problem.key, problem.params);
  return shape.data;
}
