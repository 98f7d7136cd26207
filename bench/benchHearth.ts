import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import {
  AppError,
  type ApiCallName,
  type ApiCalls,
  type CallInput,
  type CallOutput,
  type Message,
  type TurnResult,
} from '../contract/index.js';
import type { Hearth } from '../main/app/createHearth.js';
import { hearthInFolder } from '../test/support/hearthInFolder.js';

/** A real Hearth on a temporary data folder, for benchmarks (the tests have their own). */
export interface BenchHearth {
  hearth: Hearth;
  /** Main's log lines (refused or skipped states), newest last. */
  log: string[];
  call: <K extends ApiCallName>(method: K, input: CallInput<ApiCalls, K>) => Promise<CallOutput<ApiCalls, K>>;
  addModel: (path: string) => string;
  /** Sends a question; resolves with the answer and the time from sending to its first text. */
  ask: (conversationId: string, content: string) => Promise<{ answer: Message; firstTextMs: number }>;
  /**
   * Asks `first`, and the moment its answer's `chat.finished` arrives sends `second` (stopped at its
   * first text). Times from that `chat.finished` to `chat.send` resolving and to the second answer's
   * first text; the second answer's engine-reported time to first token comes with them.
   */
  askTwice: (conversationId: string, first: string, second: string) => Promise<NextTurn>;
  dispose: () => Promise<void>;
}

export interface NextTurn {
  /** The first answer's tokens. */
  answerTokens: number;
  /** From the first answer's `chat.finished` to the second `chat.send` resolving. */
  acceptedMs: number;
  /** From the first answer's `chat.finished` to the second answer's first streamed text. */
  firstTextMs: number;
  /** The engine's time from starting the second turn to its first token (null: not reported). */
  engineFirstTokenMs: number | null;
  /**
   * Whether closing the first turn read its answer again (the model's tokens differed from the
   * answer's re-tokenization, as with a forged model's partial UTF-8); null: not reported.
   */
  answerReread: boolean | null;
  /**
   * The engine's time closing the first turn (evaluating the template's end-of-turn tokens, or the
   * answer again) and writing its state; null: not reported.
   */
  closingMs: number | null;
  stateSaveMs: number | null;
  /** Whether the first answer had any text (a one-token answer can be part of a character only). */
  answerHasText: boolean;
}

type NextTurnWork = Pick<TurnResult['work'], 'answerReread' | 'closingMs' | 'stateSaveMs'>;

export function benchHearth(): BenchHearth {
  const dataDir = mkdtempSync(join(tmpdir(), 'hearth-bench-'));
  const log: string[] = [];
  const hearth = hearthInFolder(dataDir, { log: (line) => log.push(line) });
  const call = async <K extends ApiCallName>(method: K, input: CallInput<ApiCalls, K>) => {
    const result = await hearth.dispatch(method, input, { origin: 'bench' });
    if (!result.ok) throw AppError.fromValue(result.error);
    return result.value as CallOutput<ApiCalls, K>;
  };
  return {
    hearth,
    log,
    call,
    addModel(path) {
      const name = basename(path);
      symlinkSync(path, join(hearth.paths.modelsDir, name));
      return name;
    },
    async ask(conversationId, content) {
      let firstTextAt: number | null = null;
      let finished: Message | null = null;
      let assistantId = '';
      const unsubscribe = hearth.events.subscribe((event, payload) => {
        if (event === 'chat.delta' && firstTextAt === null) firstTextAt = performance.now();
        if (event === 'chat.finished') {
          const message = (payload as { message: Message }).message;
          if (message.id === assistantId) finished = message;
        }
      });
      const sentAt = performance.now();
      try {
        const { assistantMessage } = await call('chat.send', { conversationId, content });
        assistantId = assistantMessage.id;
        await hearth.chat.idle();
      } finally {
        unsubscribe();
      }
      const answer = finished as Message | null;
      if (!answer) throw new Error('the answer never finished');
      if (answer.status !== 'complete') throw new Error(`the answer ended ${answer.status}: ${answer.detail ?? ''}`);
      return { answer, firstTextMs: (firstTextAt ?? performance.now()) - sentAt };
    },
    async askTwice(conversationId, first, second) {
      let firstId = '';
      let finishedAt: number | null = null;
      let firstTextAt: number | null = null;
      let acceptedAt: number | null = null;
      let firstAnswer: Message | null = null;
      let secondAnswer: Message | null = null;
      const failure: { error: Error | null } = { error: null };
      const closing: { work: NextTurnWork | null } = { work: null };
      const stopWatching = hearth.engine.on((event) => {
        if (event.type === 'turnDone' && event.requestId === firstId) closing.work = event.work;
      });
      const sendSecond = () => {
        call('chat.send', { conversationId, content: second }).then(
          () => {
            acceptedAt = performance.now();
          },
          (error: unknown) => {
            failure.error = error instanceof Error ? error : new Error(String(error));
          },
        );
      };
      const unsubscribe = hearth.events.subscribe((event, payload) => {
        const messageId = (payload as { messageId?: string }).messageId;
        if (event === 'chat.delta' && finishedAt !== null && messageId !== firstId && firstTextAt === null) {
          firstTextAt = performance.now();
          // The rest of the second answer is not needed.
          void call('chat.stop', { conversationId });
        }
        if (event === 'chat.finished') {
          const message = (payload as { message: Message }).message;
          if (message.id === firstId && finishedAt === null) {
            finishedAt = performance.now();
            firstAnswer = message;
            sendSecond();
          } else if (finishedAt !== null && message.id !== firstId) {
            secondAnswer = message;
          }
        }
      });
      try {
        const { assistantMessage } = await call('chat.send', { conversationId, content: first });
        firstId = assistantMessage.id;
        // Settles the first turn, then the second (whose send is made from the event handler).
        while (secondAnswer === null && failure.error === null) {
          await hearth.chat.idle();
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      } finally {
        unsubscribe();
        stopWatching();
      }
      if (failure.error) throw failure.error;
      const answered = firstAnswer as Message | null;
      const next = secondAnswer as Message | null;
      if (!answered || !next || finishedAt === null || firstTextAt === null || acceptedAt === null) {
        throw new Error('the second answer never streamed text');
      }
      return {
        answerTokens: answered.stats?.completionTokens ?? 0,
        acceptedMs: acceptedAt - finishedAt,
        firstTextMs: firstTextAt - finishedAt,
        engineFirstTokenMs: next.stats?.timeToFirstTokenMs ?? null,
        answerReread: closing.work?.answerReread ?? null,
        closingMs: closing.work?.closingMs ?? null,
        stateSaveMs: closing.work?.stateSaveMs ?? null,
        answerHasText: answered.content.length > 0,
      };
    },
    async dispose() {
      await hearth.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
