import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { WS_MAX_CALLS_IN_FLIGHT } from '../../contract/index.js';
import { RawWebSocket } from '../support/rawWebSocket.js';
import { spawnWebHost, type WebHostChild } from '../support/spawnWebHost.js';

interface ResultFrame {
  type: string;
  id: number;
  result: { ok: boolean; value?: { conversations: unknown[] }; error?: { code: string } };
}

const CONVERSATIONS = 1000;
const PROMPT_CHARS = 50_000;
const SOCKETS = 20;
const CALLS_PER_SOCKET = 50;

// Started at the top level: a child process stopped by `after` when the file ends, not a hook's.
const host: WebHostChild = await spawnWebHost();
let nextId = 1;

const open = () => RawWebSocket.open(host.port, { Cookie: host.cookie, Origin: host.origin });
const callFrame = (id: number, method: string, input: unknown) => ({
  opcode: 1,
  payload: Buffer.from(JSON.stringify({ type: 'call', id, method, input })),
});
/** Sends `count` calls in one write (so they arrive together) and collects every answer. */
function burst(socket: RawWebSocket, count: number, method: string, input: unknown): Promise<ResultFrame[]> {
  const ids = Array.from({ length: count }, () => nextId++);
  const replies = ids.map((id) => socket.nextJson<ResultFrame>((frame) => frame.type === 'result' && frame.id === id));
  socket.send(ids.map((id) => callFrame(id, method, input)));
  return Promise.all(replies);
}

describe('web host under load (host in its own process)', () => {
  before(async () => {
    // 1,000 conversations with 50 KB system prompts: 50 MB the list must not read.
    const prompt = 'p'.repeat(PROMPT_CHARS);
    const seeders = await Promise.all(Array.from({ length: 4 }, open));
    for (let made = 0; made < CONVERSATIONS; made += seeders.length * WS_MAX_CALLS_IN_FLIGHT) {
      const rounds = await Promise.all(
        seeders.map((socket) =>
          burst(socket, WS_MAX_CALLS_IN_FLIGHT, 'conversations.create', { systemPrompt: prompt }),
        ),
      );
      for (const reply of rounds.flat()) assert.equal(reply.result.ok, true, JSON.stringify(reply.result.error));
    }
    for (const socket of seeders) socket.destroy();
  });

  test('many sockets hammering conversations.list: every call answers (ok or busy), the heap stays bounded', async () => {
    await host.resetPeaks();
    const base = await host.memory();
    const sockets = await Promise.all(Array.from({ length: SOCKETS }, open));
    const answers = (
      await Promise.all(sockets.map((socket) => burst(socket, CALLS_PER_SOCKET, 'conversations.list', { limit: 50 })))
    ).flat();
    for (const socket of sockets) socket.destroy();
    const after = await host.memory();

    assert.equal(answers.length, SOCKETS * CALLS_PER_SOCKET);
    const busy = answers.filter((answer) => !answer.result.ok);
    for (const answer of busy) assert.equal(answer.result.error?.code, 'busy');
    for (const answer of answers.filter((a) => a.result.ok))
      assert.equal(answer.result.value?.conversations.length, 50);
    assert.ok(
      busy.length > 0,
      `${CALLS_PER_SOCKET} calls at once on one socket: past ${WS_MAX_CALLS_IN_FLIGHT} are busy`,
    );
    assert.ok(host.alive(), host.stderr());
    // Generous: the data is 50 MB of prompts; a list that read them, or replies piling up,
    // costs a multiple of it. Measured here: a few MB (see the commit message).
    const growth = after.peakHeapUsed - base.heapUsed;
    const dataBytes = CONVERSATIONS * PROMPT_CHARS;
    assert.ok(growth < dataBytes / 2, `main's heap grew ${(growth / 1e6).toFixed(1)} MB under the load`);
    console.log(
      `heap: ${(base.heapUsed / 1e6).toFixed(1)} MB before, peak ${(after.peakHeapUsed / 1e6).toFixed(1)} MB; ` +
        `rss peak ${(after.peakRss / 1e6).toFixed(1)} MB; ${busy.length} of ${answers.length} answered busy`,
    );
  });

  test('calls from a socket that closed before they started are never run', async () => {
    const before = (await host.memory()).dispatched;
    const socket = await open();
    const closeFrame = { opcode: 0x8, payload: Buffer.from([0x03, 0xe8]) };
    // The calls and the close arrive in one write: the socket is closing before any call starts.
    const ids = Array.from({ length: WS_MAX_CALLS_IN_FLIGHT }, () => nextId++);
    socket.send([...ids.map((id) => callFrame(id, 'conversations.list', { limit: 200 })), closeFrame]);
    assert.equal(await socket.closed, 1000);
    // A call on a fresh socket goes through the same queue after them.
    const probe = await open();
    const [answer] = await burst(probe, 1, 'app.info', {});
    assert.equal(answer?.result.ok, true);
    probe.destroy();
    const ran = (await host.memory()).dispatched - before;
    assert.equal(ran, 1, 'only the probe ran');
    assert.equal(socket.frames.filter((frame) => frame.opcode === 1).length, 0, 'no reply was sent to it');
  });
});
