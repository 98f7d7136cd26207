import { z } from 'zod';
import { Sha256Schema } from './domain.js';

/**
 * The engine ↔ its state verifier thread (main/engine/process/stateVerifierThread.ts). Checking a
 * saved state's bytes — the checksum and every number finite — takes ~70 ms for a 49 MB attention
 * state; the thread does it while llama.cpp reads the prompt, and no output leaves the engine
 * before its verdict (see runTurn).
 */

const JobId = z.int().min(0);

/** A run of IEEE floats in the state file (stateLayout's FloatPayload). */
export const FloatPayloadSchema = z.strictObject({
  start: z.int().min(0),
  end: z.int().min(0),
  width: z.union([z.literal(2), z.literal(4)]),
  /** The exponent bits that are all ones in an infinity or a NaN. */
  exponent: z.int().min(1),
  what: z.string(),
});

/** Engine → verifier. */
export const StateVerifierCommandSchema = z.discriminatedUnion('type', [
  /**
   * Read the open file `fd` (the engine keeps it open until the reply: the bytes checked are the
   * bytes whose layout it parsed) of `size` bytes once: its sha256 must be `sha256` when set, and
   * every value in `payloads` finite.
   */
  z.strictObject({
    type: z.literal('verify'),
    id: JobId,
    fd: z.int().min(0),
    size: z.int().min(0),
    sha256: Sha256Schema.nullable(),
    payloads: z.array(FloatPayloadSchema),
  }),
  z.strictObject({ type: z.literal('close'), id: JobId }),
]);
export type StateVerifierCommand = z.infer<typeof StateVerifierCommandSchema>;

/** Verifier → engine. `problem`: why the bytes must not be used; null: they are sound. */
export const StateVerifierReplySchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('verified'), id: JobId, problem: z.string().nullable() }),
  z.strictObject({ type: z.literal('closed'), id: JobId }),
  z.strictObject({ type: z.literal('failed'), id: JobId, message: z.string() }),
]);
export type StateVerifierReply = z.infer<typeof StateVerifierReplySchema>;
