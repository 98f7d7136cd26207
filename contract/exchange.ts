import { z } from 'zod';
import { ContextSourceSchema, MessageRoleSchema, ModelIdSchema, SamplingSchema, StopReasonSchema } from './domain.js';
import { EvidenceBandSchema } from './evidence.js';
import type { TextParams } from './i18n/catalogTypes.js';
import { englishText, type TextKey } from './i18n/localizedText.js';

/**
 * Hearth's conversation export format (docs/export-format.md). A reader accepts every version up
 * to its own and refuses a newer one by name: fields may be added in a new version, never
 * reinterpreted within one. Every string and array has a limit, so a hostile file is refused by
 * its size, not after it has taken the memory.
 */
export const CONVERSATION_EXPORT_FORMAT = 'hearth.conversation';
export const ARCHIVE_EXPORT_FORMAT = 'hearth.archive';
export const EXPORT_FORMAT_VERSION = 1;

/** The largest export file Hearth reads (checked before the text is parsed). */
export const EXPORT_MAX_BYTES = 64 * 1024 * 1024;
export const EXPORT_MAX_MESSAGES = 20_000;
/** An answer or question; the stored limit of a typed message is 200,000 characters. */
export const EXPORT_MAX_CONTENT_CHARS = 1_000_000;
/**
 * A question as the model saw it: with its numbered passages, or a whole document read into the
 * conversation (documents.tool `read`, as long as a large context allows). The file's 64 MB bound
 * is what keeps memory in check; this one only keeps a single field from taking all of it.
 */
export const EXPORT_MAX_MODEL_CONTENT_CHARS = 16_000_000;
/**
 * An import travels to main in parts of at most this many characters: one call must fit in one
 * WebSocket frame even when every character needs escaping (6 bytes), see WS_MAX_FRAME_BYTES.
 */
export const IMPORT_PART_MAX_CHARS = 300_000;

/** What the export says instead of the saved states, in English (the file is read by people and programs alike). */
export const STATES_NOTE =
  'Saved states are not included: each belongs to one model file and one engine build. The importing Hearth reads the history again on the first new message.';

const Text = (max: number) => z.string().max(max);
const Timestamp = z.number().min(0).max(8.64e15);

/** Ids are local to the file (`m1`, `m2`, …): the importer gives every message a new one. */
export const ExportedIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'ids are 1 to 64 letters, digits, _ or -');

/** A model by its id (its path in the models folder) and its file name, for a reader without that folder. */
export const ExportedModelSchema = z.strictObject({ id: ModelIdSchema, fileName: Text(1024) });
export type ExportedModel = z.infer<typeof ExportedModelSchema>;

/** A passage an answer was given, as Hearth stored it (chunk and document ids are the exporting Hearth's). */
export const ExportedCitationSchema = z.strictObject({
  n: z.int().min(1).max(100),
  chunkId: z.int().min(1),
  documentId: Text(64),
  fileName: Text(1024),
  page: z.int().min(1).nullable(),
  headingPath: z.array(Text(1000)).max(64),
  startOffset: z.int().min(0),
  endOffset: z.int().min(0),
  relevance: z.number().min(0).max(1).optional(),
  band: EvidenceBandSchema.optional(),
});

/** How an answer's context was prepared before the model answered (see ContextPreparationSchema). */
export const ExportedContextSchema = z.strictObject({
  source: ContextSourceSchema,
  tokens: z.int().min(0),
  ms: z.number().min(0),
  rejected: Text(2000).nullable(),
});

export const ExportedStatsSchema = z.strictObject({
  promptTokens: z.int().min(0),
  completionTokens: z.int().min(0),
  timeToFirstTokenMs: z.number().min(0).nullable(),
  tokensPerSecond: z.number().min(0).nullable(),
});

export const ExportedMessageSchema = z.strictObject({
  id: ExportedIdSchema,
  /** An earlier message of the file; null for a first message. */
  parentId: ExportedIdSchema.nullable(),
  role: MessageRoleSchema,
  content: Text(EXPORT_MAX_CONTENT_CHARS),
  createdAt: Timestamp,
  /** An answer still being written when exported is exported as interrupted. */
  status: z.enum(['complete', 'interrupted', 'error']),
  stopReason: StopReasonSchema.nullable(),
  /** Why an answer was interrupted or failed. */
  detail: Text(10_000).nullable(),
  model: ExportedModelSchema.nullable(),
  stats: ExportedStatsSchema.nullable(),
  /** Answers: how the context was prepared. */
  context: ExportedContextSchema.nullable(),
  /** Answers over documents: the numbered passages the model was given. */
  citations: z.array(ExportedCitationSchema).max(100),
  /** Questions over documents: the text the model really read (the question with its passages). */
  modelContent: Text(EXPORT_MAX_MODEL_CONTENT_CHARS).nullable(),
});
export type ExportedMessage = z.infer<typeof ExportedMessageSchema>;

export const ExportedConversationSchema = z.strictObject({
  title: Text(1000),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  model: ExportedModelSchema.nullable(),
  systemPrompt: Text(100_000),
  /** null: the app-wide defaults. */
  sampling: SamplingSchema.nullable(),
  /** The documents it answered from, by file name only: documents are not exported and are not attached on import. */
  documents: z.strictObject({ names: z.array(Text(1024)).max(10_000), strict: z.boolean() }),
});
export type ExportedConversation = z.infer<typeof ExportedConversationSchema>;

export const ExportScopeSchema = z.enum(['branch', 'tree']);
export type ExportScope = z.infer<typeof ExportScopeSchema>;

/** The file's fields, without the checks across messages (see {@link findTreeProblem}). */
export const ConversationExportShapeSchema = z.strictObject({
  format: z.literal(CONVERSATION_EXPORT_FORMAT),
  version: z.literal(EXPORT_FORMAT_VERSION),
  /** Milliseconds since 1970 (UTC), as every time in the file. */
  exportedAt: Timestamp,
  app: z.strictObject({ name: Text(100), version: Text(100) }),
  /** `active`: the branch shown, root first; `tree`: every message of every branch. */
  branch: z.enum(['active', 'tree']),
  /** The last message of the branch shown; null when there are no messages. */
  activeLeafId: ExportedIdSchema.nullable(),
  statesIncluded: z.literal(false),
  statesNote: Text(1000),
  conversation: ExportedConversationSchema,
  /** Parents before children; siblings (versions of a message) oldest first. */
  messages: z.array(ExportedMessageSchema).max(EXPORT_MAX_MESSAGES, `at most ${EXPORT_MAX_MESSAGES} messages`),
});
export type ConversationExport = z.infer<typeof ConversationExportShapeSchema>;

/** What is wrong with a file's message tree, as a key of the `exchange` namespace with its values. */
export interface TreeProblem {
  key: TextKey<'exchange'>;
  params: TextParams;
}

/**
 * The checks across messages: unique ids; each parent an earlier message (so no cycles, and the
 * first message is a root), of the other role; first messages are questions; the active leaf is a
 * message. A tree may have several
 * first messages (editing the first question makes a sibling of it); an active branch is one chain.
 */
export function findTreeProblem(file: ConversationExport): TreeProblem | null {
  const roles = new Map<string, string>();
  let roots = 0;
  let previous: string | null = null;
  for (const message of file.messages) {
    const { id, parentId } = message;
    if (roles.has(id)) return { key: 'errorDuplicateId', params: { id } };
    if (parentId === null) {
      roots += 1;
      if (message.role !== 'user') return { key: 'errorRootNotQuestion', params: { id } };
      if (file.branch === 'active' && roots > 1) return { key: 'errorTwoRoots', params: { count: roots } };
    } else {
      const parentRole = roles.get(parentId);
      if (parentRole === undefined) return { key: 'errorMissingParent', params: { id, parentId } };
      if (parentRole === message.role) return { key: 'errorSameRole', params: { id, parentId } };
    }
    if (file.branch === 'active' && parentId !== previous) return { key: 'errorNotAChain', params: { id } };
    roles.set(id, message.role);
    previous = id;
  }
  if (file.activeLeafId !== null && !roles.has(file.activeLeafId)) {
    return { key: 'errorMissingLeaf', params: { id: file.activeLeafId } };
  }
  if (file.branch === 'active' && file.activeLeafId !== previous) return { key: 'errorLeafNotLast', params: {} };
  return null;
}

/** A whole export file, every check included: what the exporter writes and the importer accepts. */
export const ConversationExportSchema = ConversationExportShapeSchema.superRefine((file, context) => {
  const problem = findTreeProblem(file);
  if (problem) context.addIssue({ code: 'custom', message: englishText('exchange', problem.key, problem.params) });
});

/** Every conversation in one file: each entry is a whole-tree conversation export. */
export const ArchiveExportSchema = z.strictObject({
  format: z.literal(ARCHIVE_EXPORT_FORMAT),
  version: z.literal(EXPORT_FORMAT_VERSION),
  exportedAt: Timestamp,
  app: z.strictObject({ name: Text(100), version: Text(100) }),
  conversations: z.array(ConversationExportSchema),
});
export type ArchiveExport = z.infer<typeof ArchiveExportSchema>;

/** A file for the user to save: what the export calls return. */
export const ExportFileSchema = z.strictObject({
  fileName: Text(255),
  mimeType: z.enum(['application/json', 'text/markdown']),
  content: z.string(),
});
export type ExportFile = z.infer<typeof ExportFileSchema>;
