import { z } from 'zod';
import { AppErrorSchema } from './errors.js';

/**
 * A call is a request with one validated input and one validated output. Declaring calls as data
 * lets every host (Electron IPC, WebSocket, the engine's process channel) validate the same way,
 * and lets TypeScript derive handler and client types from the same declaration.
 */
export interface CallSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly input: I;
  readonly output: O;
}

export type CallMap = Record<string, CallSpec>;
export type EventMap = Record<string, z.ZodType>;

export function call<I extends z.ZodType, O extends z.ZodType>(input: I, output: O): CallSpec<I, O> {
  return { input, output };
}

export type CallInput<M extends CallMap, K extends keyof M> = z.infer<M[K]['input']>;
export type CallOutput<M extends CallMap, K extends keyof M> = z.infer<M[K]['output']>;
export type EventPayload<M extends EventMap, K extends keyof M> = z.infer<M[K]>;

/** What a call returns over a wire: a value, or an error value. */
export const CallResultSchema = z.discriminatedUnion('ok', [
  z.strictObject({ ok: z.literal(true), value: z.unknown() }),
  z.strictObject({ ok: z.literal(false), error: AppErrorSchema }),
]);
export type CallResult = z.infer<typeof CallResultSchema>;

/** The implementation side of a call map: one async function per call. */
export type Handlers<M extends CallMap, Ctx = void> = {
  [K in keyof M]: (input: CallInput<M, K>, ctx: Ctx) => Promise<CallOutput<M, K>>;
};

/** The client side of a call map. */
export type Client<M extends CallMap> = {
  [K in keyof M]: (input: CallInput<M, K>) => Promise<CallOutput<M, K>>;
};

export type EventListener<M extends EventMap, K extends keyof M> = (payload: EventPayload<M, K>) => void;

export function isName<M extends Record<string, unknown>>(map: M, name: unknown): name is keyof M & string {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(map, name);
}
