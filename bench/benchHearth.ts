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
  dispose: () => Promise<void>;
}

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
    async dispose() {
      await hearth.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
