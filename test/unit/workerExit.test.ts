import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { forkLauncher } from '../../main/engine/transport/forkTransport.js';

describe('a worker that reports and exits at once', () => {
  test('its last report arrives, and before its exit', async () => {
    const transport = forkLauncher({ entry: join(import.meta.dirname, '../support/workers/bigReportWorker.ts') });
    const events: string[] = [];
    transport.onMessage((frame) => {
      const text = (frame as { text?: unknown }).text;
      events.push(`report of ${typeof text === 'string' ? text.length : 0} characters`);
    });
    const exited = new Promise<void>((resolve) =>
      transport.onExit(({ code }) => {
        events.push(`exit ${code}`);
        resolve();
      }),
    );
    await exited;
    assert.deepEqual(events, [`report of ${32 * 1024 * 1024} characters`, 'exit 0']);
  });
});
