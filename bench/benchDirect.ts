import { stat } from 'node:fs/promises';
import {
  type ChatHistoryItem,
  getLlama,
  type Llama,
  LlamaChat,
  type LlamaContext,
  LlamaLogLevel,
  type LlamaModel,
  type Token,
} from 'node-llama-cpp';
import type { Exchange } from '../test/support/syntheticHistory.js';

/** How both sides run the model: the figures Hearth's engine reports for its loaded model. */
export interface DirectSetup {
  contextSize: number;
  threads: number;
  batchSize: number;
}

export interface FirstText {
  /** From the start of the call to the first text node-llama-cpp streams. */
  firstTextMs: number;
  /** Prompt tokens node-llama-cpp evaluated for this answer (the part no state covered). */
  evaluatedTokens: number;
}

/**
 * Direct node-llama-cpp in the bench's own process, as an app without Hearth would use it: one
 * model, a fresh context per measurement, LlamaChat over a chat history, states saved and loaded
 * with the sequence's own file calls. No Hearth code runs on this side.
 */
export interface DirectBench {
  /** A fresh context; time to the first text of the answer to `history` (everything read). */
  reread(history: ChatHistoryItem[], maxTokens: number): Promise<FirstText>;
  /**
   * A fresh context reads `history` (complete turns) up to where the next user message starts and
   * saves that state to `path`; returns the tokens it covers and the file's size.
   */
  saveHistoryState(history: ChatHistoryItem[], path: string): Promise<{ tokens: number; bytes: number }>;
  /** A fresh context loads the state at `path`; time to the first text of the answer to `history`. */
  resume(path: string, history: ChatHistoryItem[], maxTokens: number): Promise<FirstText>;
  dispose(): Promise<void>;
}

/** Texts a next user message might start with: the shared prefix of their renderings is the turn boundary. */
const NEXT_MESSAGE_PROBES = ['a', 'Z', '0', ' x'];

export async function directBench(modelPath: string, setup: DirectSetup): Promise<DirectBench> {
  const llama: Llama = await getLlama({
    gpu: false,
    build: 'never',
    usePrebuiltBinaries: true,
    skipDownload: true,
    progressLogs: false,
    maxThreads: setup.threads,
    logLevel: LlamaLogLevel.error,
  });
  const model: LlamaModel = await llama.loadModel({ modelPath, gpuLayers: 0, ignoreMemorySafetyChecks: true });
  let context: LlamaContext | null = null;

  const freshChat = async () => {
    await context?.dispose();
    context = await model.createContext({
      contextSize: setup.contextSize,
      sequences: 1,
      threads: setup.threads,
      batchSize: setup.batchSize,
      ignoreMemorySafetyChecks: true,
    });
    return new LlamaChat({ contextSequence: context.getSequence() });
  };

  const answer = async (chat: LlamaChat, history: ChatHistoryItem[], maxTokens: number, started: number) => {
    const meter = chat.sequence.tokenMeter;
    const inputBefore = meter.usedInputTokens;
    let firstTextAt: number | null = null;
    let evaluatedTokens = 0;
    await chat.generateResponse([...history, { type: 'model', response: [] }], {
      maxTokens,
      temperature: 0,
      topP: 1,
      seed: 1,
      onToken: () => {
        if (evaluatedTokens === 0) evaluatedTokens = meter.usedInputTokens - inputBefore;
      },
      onTextChunk: (text) => {
        if (text) firstTextAt ??= performance.now();
      },
    });
    return { firstTextMs: (firstTextAt ?? performance.now()) - started, evaluatedTokens };
  };

  return {
    async reread(history, maxTokens) {
      const chat = await freshChat();
      return answer(chat, history, maxTokens, performance.now());
    },
    async saveHistoryState(history, path) {
      const chat = await freshChat();
      const renders: Token[][] = NEXT_MESSAGE_PROBES.map((probe) =>
        chat.chatWrapper
          .generateContextState({
            chatHistory: [...history, { type: 'user', text: probe }, { type: 'model', response: [] }],
          })
          .contextText.tokenize(model.tokenizer),
      );
      const first = renders[0] ?? [];
      let length = 0;
      while (length < first.length && renders.every((tokens) => tokens[length] === first[length])) length++;
      await chat.sequence.evaluateWithoutGeneratingNewTokens(first.slice(0, length));
      await chat.sequence.saveStateToFile(path);
      return { tokens: length, bytes: (await stat(path)).size };
    },
    async resume(path, history, maxTokens) {
      const chat = await freshChat();
      const started = performance.now();
      await chat.sequence.loadStateFromFile(path, { acceptRisk: true });
      return answer(chat, history, maxTokens, started);
    },
    async dispose() {
      await context?.dispose();
      await model.dispose();
      await llama.dispose();
    },
  };
}

/** The synthetic history as node-llama-cpp's chat history, as Hearth gives it to LlamaChat (no system prompt). */
export function chatHistoryOf(exchanges: readonly Exchange[]): ChatHistoryItem[] {
  return exchanges.flatMap(({ question, answer }): ChatHistoryItem[] => [
    { type: 'user', text: question },
    { type: 'model', response: [answer] },
  ]);
}
