import { z } from 'zod';
import { Sha256Schema } from './domain.js';

/**
 * Main ↔ the state writer thread (main/states/writer): saved states are megabytes, and reading,
 * checksumming and inserting one took main's event loop for up to half a second (a 10 MB state),
 * during which streamed text and clicks waited. The thread does that work on its own connection.
 */

const JobId = z.int().min(0);

/** The provenance stored with a state (StateStore's NewState, less what the writer measures). */
export const StateOwnerSchema = z.strictObject({
  kind: z.enum(['turn', 'prompt']),
  conversationId: z.string().nullable(),
  messageId: z.string().nullable(),
  promptKey: z.string().nullable(),
  fingerprint: z.string().min(1),
  engineBuild: z.string().min(1),
  contextSize: z.int().min(1),
  tokenCount: z.int().min(0),
  historyHash: z.string().nullable(),
});
export type StateOwner = z.infer<typeof StateOwnerSchema>;

/** Main → writer. */
export const StateWriterCommandSchema = z.discriminatedUnion('type', [
  /** Store the state file at `file` (read, checksummed, compressed when that pays). */
  z.strictObject({ type: z.literal('put'), id: JobId, file: z.string().min(1), owner: StateOwnerSchema }),
  /** Keep a branch's newest `keep` states, then the total under `budgetBytes`; give freed pages back. */
  z.strictObject({
    type: z.literal('maintain'),
    id: JobId,
    branchIds: z.array(z.string()),
    keep: z.int().min(0),
    budgetBytes: z.int().min(0),
  }),
  /** Close the connection; the thread ends. */
  z.strictObject({ type: z.literal('close'), id: JobId }),
]);
export type StateWriterCommand = z.infer<typeof StateWriterCommandSchema>;

/** Writer → main. */
export const StateWriterReplySchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('put'),
    id: JobId,
    stateId: z.int().min(1),
    sha256: Sha256Schema,
    byteSize: z.int().min(0),
  }),
  z.strictObject({ type: z.literal('maintain'), id: JobId, removed: z.int().min(0) }),
  z.strictObject({ type: z.literal('closed'), id: JobId }),
  z.strictObject({ type: z.literal('failed'), id: JobId, message: z.string(), diskFull: z.boolean() }),
]);
export type StateWriterReply = z.infer<typeof StateWriterReplySchema>;
