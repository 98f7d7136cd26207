import { defaultSystemPromptFor, type Language } from '../../../contract/i18n/index.js';
import { randomUUID } from 'node:crypto';
import { AppError, type Sampling } from '../../../contract/index.js';
import type { ChatService } from '../../chat/ChatService.js';
import type { EngineSupervisor, LoadParams } from '../../engine/EngineSupervisor.js';
import type { ModelLibrary } from '../../models/ModelLibrary.js';
import type { ConversationStore } from '../../storage/ConversationStore.js';
import type { DocumentStore } from '../../storage/DocumentStore.js';
import type { SettingsStore } from '../../storage/SettingsStore.js';
import {
  noSummary,
  partSummariesPrompt,
  readPrompt,
  summarisePartPrompt,
  toolTitle,
  wholeDocumentPrompt,
} from './documentToolPrompts.js';

export type DocumentTool = 'summary' | 'key-points' | 'read';

export interface DocumentToolsOptions {
  documents: DocumentStore;
  conversations: ConversationStore;
  chat: ChatService;
  engine: EngineSupervisor;
  library: ModelLibrary;
  settings: SettingsStore;
  /** The UI's language: the conversation's default system prompt follows it. */
  language: () => Language;
  loadParams(modelPath: string): Promise<LoadParams>;
  /** About how many characters one token of this model holds (from its vocabulary). */
  charsPerToken(modelPath: string): Promise<number>;
  /**
   * How many tokens one conversation with this model can hold: the context size, or for a
   * recurrent model (whose state does not grow) the engine's long token list.
   */
  contextFor(modelPath: string): Promise<number>;
  /** "Reading part 2 of 5…" while a long document is summarised part by part. */
  progress(documentId: string, done: number, total: number): void;
}

/** The share of the context given to document text; the rest holds instructions and the answer. */
const TEXT_SHARE = 0.45;
/** Longest partial summary; short enough that summaries of many parts still fit one prompt. */
const PART_SUMMARY_TOKENS = 200;

/**
 * Tools that start a conversation about one document:
 * - summary / key points: the whole text when it fits the context; otherwise map-reduce — each
 *   part summarised on its own (one-shot generations in the engine), then the conversation's
 *   question is answered from those partial summaries;
 * - read: the whole document becomes the conversation's first turn. With RWKV or Mamba the
 *   saved-state machinery keeps the state after it, so every later question in that
 *   conversation starts from the state (the document is never read again), at constant cost.
 */
export class DocumentTools {
  readonly #o: DocumentToolsOptions;

  constructor(options: DocumentToolsOptions) {
    this.#o = options;
  }

  async run(documentId: string, tool: DocumentTool, modelId: string | null): Promise<{ conversationId: string }> {
    const { documents, conversations, chat, settings } = this.#o;
    const document = documents.get(documentId);
    const text = documents.text(documentId);
    if (!document || document.status !== 'indexed' || text === null) {
      throw AppError.localized('not_found', 'errorNotIndexed', undefined, 'documents');
    }
    const model = modelId ?? settings.get().defaultModelId;
    if (!model) throw AppError.localized('no_model', 'errorChooseModel', undefined, 'documents');
    const modelPath = await this.#o.library.resolve(model);
    const contextSize = await this.#o.contextFor(modelPath);
    const charsPerToken = await this.#o.charsPerToken(modelPath);
    const budget = Math.floor(contextSize * TEXT_SHARE * charsPerToken);
    const name = document.fileName;
    const language = this.#o.language();
    const visible = toolTitle(language, tool, name);

    let modelContent: string;
    if (tool === 'read') {
      if (text.length > budget * 1.8) {
        throw AppError.localized(
          'invalid_input',
          'errorTooLongToRead',
          { name, context: contextSize.toLocaleString('en-US') },
          'documents',
        );
      }
      modelContent = readPrompt(language, name, text);
    } else if (text.length <= budget) {
      modelContent = wholeDocumentPrompt(language, tool, name, text);
    } else {
      const parts = await this.#summariseParts(documentId, name, budget, contextSize, model, language);
      modelContent = partSummariesPrompt(language, tool, name, parts);
    }

    const conversation = conversations.create({
      title: visible,
      modelId: model,
      systemPrompt: defaultSystemPromptFor(settings.get().defaultSystemPrompt, language),
    });
    // Follow-up questions on a summary retrieve passages from the document; a conversation that
    // read the whole document has it in its state already, and retrieval would only repeat it.
    if (tool !== 'read') conversations.setDocuments(conversation.id, [documentId], false);
    await chat.sendPrepared(conversation.id, visible, { modelContent, sources: [], refusal: null });
    return { conversationId: conversation.id };
  }

  /**
   * The map step: the document's chunks in order, grouped to fit a prompt, each group summarised
   * alone; while the summaries together are still longer than a prompt, they are grouped and
   * summarised again, so any length ends in one prompt.
   */
  async #summariseParts(
    documentId: string,
    name: string,
    budget: number,
    contextSize: number,
    modelId: string,
    language: Language,
  ): Promise<string[]> {
    const params = await this.#o.loadParams(await this.#o.library.resolve(modelId));
    const sampling: Sampling = {
      temperature: 0.2,
      topP: 0.9,
      maxTokens: Math.max(16, Math.min(PART_SUMMARY_TOKENS, Math.floor((contextSize * TEXT_SHARE) / 4))),
      seed: 1,
    };
    let texts = group(
      this.#o.documents.chunksOf(documentId).map((chunk) => chunk.text),
      budget,
    );
    for (let level = 1; ; level++) {
      const summaries: string[] = [];
      for (const [index, part] of texts.entries()) {
        this.#o.progress(documentId, index, texts.length);
        const which = level === 1 ? { part: index + 1, parts: texts.length } : null;
        const result = await this.#o.engine.generate(
          params,
          async () => ({
            requestId: `summary-${randomUUID()}`,
            systemPrompt: '',
            history: [{ role: 'user', text: summarisePartPrompt(language, name, part, which) }],
            sampling,
            resume: null,
            savePromptState: null,
            saveTurnState: null,
          }),
          { onText: () => undefined },
        );
        summaries.push(result.text.trim() || noSummary(language));
      }
      this.#o.progress(documentId, texts.length, texts.length);
      const joinedLength = summaries.reduce((sum, summary) => sum + summary.length + 12, 0);
      if (joinedLength <= budget || summaries.length === 1) return summaries;
      texts = group(summaries, budget);
    }
  }
}

/** Consecutive texts joined into groups no longer than `budget` characters (a longer text is cut). */
function group(texts: readonly string[], budget: number): string[] {
  const groups: string[] = [];
  let current = '';
  for (const text of texts) {
    const piece = text.slice(0, budget);
    if (current && current.length + piece.length + 2 > budget) {
      groups.push(current);
      current = '';
    }
    current += `${current ? '\n\n' : ''}${piece}`;
  }
  if (current) groups.push(current);
  return groups;
}
