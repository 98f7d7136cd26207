import { z } from 'zod';
import {
  AppInfoSchema,
  ConversationSchema,
  ConversationSummarySchema,
  EngineStatusSchema,
  IdSchema,
  MessageSchema,
  ModelFileSchema,
  ModelIdSchema,
  NoticeSchema,
  SamplingSchema,
  SettingsSchema,
  StateUsageSchema,
} from './domain.js';
import { ExecutionPlanSchema, HardwareProfileSchema, ModelFactsSchema } from './hardware.js';
import { call, CallResultSchema } from './rpc.js';

/**
 * Every call the renderer may make to main. Both hosts (Electron IPC and the local web host's
 * WebSocket) carry exactly these, and main validates each input against its schema and checks
 * the sender before a service sees it.
 */
const Empty = z.strictObject({});
const ByConversation = z.strictObject({ conversationId: IdSchema });
const ByMessage = z.strictObject({ conversationId: IdSchema, messageId: IdSchema });

const TITLE_MAX = 200;
const MessageText = z.string().trim().min(1).max(200_000);

/** A conversation with the messages of its active branch, root first. */
export const ConversationViewSchema = z.strictObject({
  conversation: ConversationSchema,
  messages: z.array(MessageSchema),
});
export type ConversationView = z.infer<typeof ConversationViewSchema>;

export const apiCalls = {
  'app.info': call(Empty, AppInfoSchema),

  'settings.get': call(Empty, SettingsSchema),
  'settings.update': call(SettingsSchema.partial().strict(), SettingsSchema),

  'conversations.list': call(Empty, z.array(ConversationSummarySchema)),
  'conversations.create': call(
    z.strictObject({
      title: z.string().max(TITLE_MAX).optional(),
      modelId: ModelIdSchema.nullable().optional(),
      systemPrompt: z.string().max(100_000).optional(),
    }),
    ConversationSchema,
  ),
  'conversations.get': call(ByConversation, ConversationViewSchema),
  /** Makes the branch through `messageId` the active one (its newest continuation). */
  'conversations.selectBranch': call(ByMessage, ConversationViewSchema),
  /** Deletes `messageId` and everything after it on its branch, with their saved states. */
  'conversations.deleteBranch': call(ByMessage, ConversationViewSchema),
  'conversations.rename': call(
    z.strictObject({ conversationId: IdSchema, title: z.string().trim().min(1).max(TITLE_MAX) }),
    ConversationSchema,
  ),
  'conversations.update': call(
    z.strictObject({
      conversationId: IdSchema,
      modelId: ModelIdSchema.nullable().optional(),
      systemPrompt: z.string().max(100_000).optional(),
      /** null: follow the app-wide defaults again. */
      sampling: SamplingSchema.nullable().optional(),
    }),
    ConversationSchema,
  ),
  'conversations.delete': call(ByConversation, z.strictObject({ deleted: z.boolean() })),

  /** Stores the user's message, then answers in the background through `chat.*` events. */
  'chat.send': call(
    z.strictObject({ conversationId: IdSchema, content: MessageText }),
    z.strictObject({ userMessage: MessageSchema, assistantMessage: MessageSchema }),
  ),
  /** Sends an edited copy of an earlier user message: a new branch from that point. */
  'chat.edit': call(
    z.strictObject({ conversationId: IdSchema, messageId: IdSchema, content: MessageText }),
    z.strictObject({ userMessage: MessageSchema, assistantMessage: MessageSchema }),
  ),
  'chat.stop': call(ByConversation, z.strictObject({ stopped: z.boolean() })),
  /** Answers a question again (by default the last one): a new branch beside the old answer. */
  'chat.regenerate': call(
    z.strictObject({ conversationId: IdSchema, messageId: IdSchema.optional() }),
    z.strictObject({ assistantMessage: MessageSchema }),
  ),

  'models.list': call(Empty, z.strictObject({ dir: z.string(), models: z.array(ModelFileSchema) })),
  'models.load': call(z.strictObject({ modelId: ModelIdSchema }), EngineStatusSchema),
  /** Frees the loaded model's memory; the next message loads it again. */
  'models.unload': call(Empty, EngineStatusSchema),
  'models.openFolder': call(Empty, z.strictObject({ opened: z.boolean() })),

  'engine.status': call(Empty, EngineStatusSchema),

  /** The machine as Hearth sees it (probed once per run; `refresh` probes again). */
  'hardware.profile': call(z.strictObject({ refresh: z.boolean().optional() }), HardwareProfileSchema),
  /** How a model would run here, and why: the planner's decisions for the current settings. */
  'hardware.plan': call(
    z.strictObject({ modelId: ModelIdSchema }),
    z.strictObject({ facts: ModelFactsSchema, plan: ExecutionPlanSchema }),
  ),

  'states.usage': call(Empty, StateUsageSchema),
  /** Deletes saved states: one conversation's, or all of them (prompt cache included). */
  'states.purge': call(z.strictObject({ conversationId: IdSchema.optional() }), StateUsageSchema),
} as const;
export type ApiCalls = typeof apiCalls;
export type ApiCallName = keyof ApiCalls;

/** Everything main pushes to the renderer. */
export const apiEvents = {
  /** Text appended to a streaming answer. */
  'chat.delta': z.strictObject({ conversationId: IdSchema, messageId: IdSchema, text: z.string() }),
  /** An answer reached its final state (complete, interrupted or error). */
  'chat.finished': z.strictObject({ conversationId: IdSchema, message: MessageSchema }),
  'conversations.changed': z.strictObject({ conversationId: IdSchema.nullable() }),
  'engine.status': EngineStatusSchema,
  'model.loadProgress': z.strictObject({ modelId: ModelIdSchema, progress: z.number().min(0).max(1) }),
  /** Saved states were added or removed: space used changed. */
  'states.changed': z.strictObject({}),
  notice: NoticeSchema,
} as const;
export type ApiEvents = typeof apiEvents;
export type ApiEventName = keyof ApiEvents;

/** Channel names used by the Electron host; the preload exposes nothing else. */
export const IPC_CALL_CHANNEL = 'hearth:call';
export const IPC_EVENT_CHANNEL = 'hearth:event';

/** Frames of the web host's WebSocket. */
export const WsClientFrameSchema = z.strictObject({
  type: z.literal('call'),
  id: z.int().min(0),
  method: z.string().max(100),
  input: z.unknown(),
});
export type WsClientFrame = z.infer<typeof WsClientFrameSchema>;

export const WsServerFrameSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('result'), id: z.int().min(0), result: CallResultSchema }),
  z.strictObject({ type: z.literal('event'), event: z.string(), payload: z.unknown() }),
]);
export type WsServerFrame = z.infer<typeof WsServerFrameSchema>;
