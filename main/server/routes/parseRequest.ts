import type { z } from 'zod';
import { badRequest } from '../apiErrors.js';

/** The body checked against a request schema; the first problem is the 400's message and `param`. */
export function parseRequest<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const param = issue
    ? issue.path
        .map((part, index) =>
          typeof part === 'number' ? `[${part}]` : index === 0 ? String(part) : `.${String(part)}`,
        )
        .join('')
    : '';
  const where = param ? `${param}: ` : '';
  throw badRequest(`Invalid request: ${where}${issue?.message ?? 'the body does not match'}`, param || null);
}
