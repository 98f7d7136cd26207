import {
  AppError,
  type CallMap,
  type CallResult,
  type CallSpec,
  describeIssues,
  type Handlers,
  isName,
  toErrorValue,
} from '../../contract/index.js';

export type Dispatch<Ctx> = (method: unknown, input: unknown, ctx: Ctx) => Promise<CallResult>;

/**
 * The one gate every renderer call passes, whichever host carried it: the method must be in the
 * contract and the input must match its schema before a handler sees it. Errors leave as
 * `{ code, message }` values; a reply that breaks the contract is an internal error, not data.
 */
export function createDispatch<M extends CallMap, Ctx>(calls: M, handlers: Handlers<M, Ctx>): Dispatch<Ctx> {
  return async (method, input, ctx) => {
    if (!isName(calls, method)) {
      return { ok: false, error: { code: 'invalid_input', message: `Unknown call: ${String(method).slice(0, 100)}` } };
    }
    const spec = calls[method] as CallSpec;
    const parsed = spec.input.safeParse(input);
    if (!parsed.success) {
      return { ok: false, error: { code: 'invalid_input', message: `${method}: ${describeIssues(parsed.error)}` } };
    }
    try {
      const handler = handlers[method] as (input: unknown, ctx: Ctx) => Promise<unknown>;
      const value = await handler(parsed.data, ctx);
      const output = spec.output.safeParse(value);
      if (!output.success) {
        throw new AppError('internal', `${method} produced an invalid reply: ${describeIssues(output.error)}`);
      }
      return { ok: true, value: output.data };
    } catch (error) {
      return { ok: false, error: toErrorValue(error) };
    }
  };
}
