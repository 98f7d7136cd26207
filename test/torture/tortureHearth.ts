import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Message } from '../../contract/index.js';
import type { HearthOptions } from '../../main/app/createHearth.js';
import { dataPathsIn, openTestHearth, type TestHearth } from '../support/startHearth.js';
import { descendantsOf, waitGone } from './processTree.js';

export interface TortureHearth {
  hearth: TestHearth;
  dir: string;
  /** Main's log lines (refused states and the like). */
  log: string[];
  /** Closes Hearth, then returns the pids of child processes still alive afterwards (orphans). */
  dispose: () => Promise<number[]>;
}

/**
 * A real Hearth in this process on a fresh folder (or `dataDir`), with the product's own engine
 * watchdog settings: a tighter liveness check (tried: 2 s) mistakes a model load on a busy 2-core
 * machine for a hang, which is a finding about the test, not about Hearth.
 */
export function tortureHearth(options: { dataDir?: string } & Partial<HearthOptions> = {}): TortureHearth {
  const dir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'hearth-torture-'));
  mkdirSync(dir, { recursive: true });
  const log: string[] = [];
  const before = new Set(descendantsOf(process.pid).map((info) => info.pid));
  const hearth = openTestHearth({
    paths: dataPathsIn(dir),
    log: (line) => log.push(line),
    ...options,
  });
  return {
    hearth,
    dir,
    log,
    async dispose() {
      await hearth.close();
      const spawned = descendantsOf(process.pid)
        .map((info) => info.pid)
        .filter((pid) => !before.has(pid));
      const orphans = await waitGone(spawned);
      if (options.dataDir === undefined) rmSync(dir, { recursive: true, force: true });
      return orphans;
    },
  };
}

/** Resolves with the next `chat.finished` message for `messageId`, from the moment it is called. */
export function nextFinished(hearth: TestHearth, messageId: string): Promise<Message> {
  const already = hearth.emitted
    .filter((e) => e.event === 'chat.finished')
    .map((e) => (e.payload as { message: Message }).message)
    .find((m) => m.id === messageId);
  if (already) return Promise.resolve(already);
  return new Promise((resolve) => {
    const unsubscribe = hearth.events.subscribe((event, payload) => {
      if (event !== 'chat.finished') return;
      const { message } = payload as { message: Message };
      if (message.id !== messageId) return;
      unsubscribe();
      resolve(message);
    });
  });
}
