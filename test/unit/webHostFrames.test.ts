import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { WS_MAX_FRAME_BYTES } from '../../contract/index.js';
import { type FrameSpec, RawWebSocket } from '../support/rawWebSocket.js';
import { spawnWebHost, type WebHostChild } from '../support/spawnWebHost.js';

interface ResultFrame {
  type: string;
  id: number;
  result: { ok: boolean; value?: unknown; error?: { code: string; message: string } };
}

const TEXT = 0x1;
const CONTINUATION = 0x0;
const CLOSE = 0x8;
const PING = 0x9;

const closePayload = (code: number) => {
  const payload = Buffer.alloc(2);
  payload.writeUInt16BE(code);
  return payload;
};

/** Each malformed frame, and the close code RFC 6455 (and `ws`) answer it with. */
const MALFORMED: { name: string; frame: FrameSpec; code: number }[] = [
  { name: 'invalid UTF-8 text', frame: { opcode: TEXT, payload: Buffer.from([0x7b, 0xff, 0xfe, 0x7d]) }, code: 1007 },
  { name: 'an unmasked client frame', frame: { opcode: TEXT, payload: Buffer.from('{}'), mask: false }, code: 1002 },
  { name: 'a reserved opcode', frame: { opcode: 0x3, payload: Buffer.from('x') }, code: 1002 },
  { name: 'RSV1 without an extension', frame: { opcode: TEXT, payload: Buffer.from('{}'), rsv1: true }, code: 1002 },
  { name: 'a 2^53 payload length', frame: { opcode: TEXT, claimedLength: 2n ** 53n }, code: 1009 },
  { name: 'a 200-byte ping', frame: { opcode: PING, payload: Buffer.alloc(200, 0x61) }, code: 1002 },
  { name: 'a fragmented control frame', frame: { opcode: PING, payload: Buffer.from('x'), fin: false }, code: 1002 },
  { name: 'close code 999', frame: { opcode: CLOSE, payload: closePayload(999) }, code: 1002 },
  { name: 'a stray continuation', frame: { opcode: CONTINUATION, payload: Buffer.from('{}') }, code: 1002 },
  {
    name: 'a text frame over the frame limit',
    frame: { opcode: TEXT, claimedLength: BigInt(WS_MAX_FRAME_BYTES + 1) },
    code: 1009,
  },
];

// Started at the top level: a child process stopped by `after` when the file ends, not a hook's.
const host: WebHostChild = await spawnWebHost();

describe('web host under malformed WebSocket frames (host in its own process)', () => {
  let witness: RawWebSocket;
  let nextId = 1;

  const open = () => RawWebSocket.open(host.port, { Cookie: host.cookie, Origin: host.origin });
  /** Sends a call on `socket` without waiting: the answer is awaited after the attack. */
  const call = (socket: RawWebSocket, method: string, input: unknown) => {
    const id = nextId++;
    const reply = socket.nextJson<ResultFrame>((frame) => frame.type === 'result' && frame.id === id);
    socket.sendText(JSON.stringify({ type: 'call', id, method, input }));
    return reply;
  };

  before(async () => {
    witness = await open();
  });

  for (const { name, frame, code } of MALFORMED) {
    test(`${name}: only that connection closes (${code}); the host and other sockets go on`, async () => {
      const attacker = await open();
      const inFlight = call(witness, 'app.info', {});
      attacker.send(frame);
      assert.equal(await attacker.closed, code);
      const answered = await inFlight;
      assert.equal(answered.result.ok, true, JSON.stringify(answered.result));
      assert.ok(host.alive(), `the host exited:\n${host.stderr()}`);
      // A fresh socket still gets in: the server itself is unharmed.
      const after = await open();
      assert.equal((await call(after, 'conversations.list', {})).result.ok, true);
      after.destroy();
    });
  }

  test('a contract-valid call is never larger than a frame: the old 300 x 3,600-char import', async () => {
    const attacker = await open();
    const paths = Array.from({ length: 300 }, (_, i) => `/tmp/${String(i).padStart(3, '0')}${'a'.repeat(3592)}`);
    const reply = await call(attacker, 'documents.import', { paths });
    assert.equal(reply.result.ok, false);
    assert.equal(reply.result.error?.code, 'invalid_input');
    assert.ok(host.alive());
    attacker.destroy();
  });

  test('an upgrade socket reset mid-handshake does not end the host', async () => {
    const { connect } = await import('node:net');
    for (const request of [
      `GET /ws HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n`,
      `GET /ws HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nCookie: ${host.cookie}\r\nOrigin: ${host.origin}\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: bad\r\n\r\n`,
    ]) {
      const socket = connect(host.port, '127.0.0.1');
      socket.on('error', () => {});
      await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
      socket.write(request);
      socket.resetAndDestroy();
    }
    assert.equal((await call(witness, 'app.info', {})).result.ok, true);
    assert.ok(host.alive());
  });
});
