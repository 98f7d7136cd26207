import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MALFORMED_FRAMES } from '../fuzz/rawFrames.js';
import { HostProcess, type HostSocket } from '../HostProcess.js';
import { check, type TortureRun } from '../TortureRun.js';

/** A raw TCP socket, upgraded to a WebSocket by hand with a valid token and Origin. */
async function rawSocket(host: HostProcess): Promise<Socket> {
  const socket = connect(host.port, '127.0.0.1');
  socket.on('error', () => undefined);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  socket.write(
    [
      'GET /ws HTTP/1.1',
      `Host: 127.0.0.1:${host.port}`,
      `Cookie: ${host.cookie}`,
      `Origin: http://127.0.0.1:${host.port}`,
      'Upgrade: websocket',
      'Connection: Upgrade',
      `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}`,
      'Sec-WebSocket-Version: 13',
      '',
      '',
    ].join('\r\n'),
  );
  const reply = await new Promise<string>((resolve, reject) => {
    socket.once('data', (data: Buffer) => resolve(data.toString('latin1')));
    socket.once('close', () => reject(new Error('closed during the handshake')));
  });
  if (!reply.startsWith('HTTP/1.1 101')) throw new Error(`handshake refused: ${reply.split('\r\n')[0] ?? ''}`);
  return socket;
}

async function answers(host: HostProcess, socket: HostSocket, who: string): Promise<void> {
  const result = await socket.call('app.info', {});
  if ('ok' in result && result.ok) return;
  const how = 'closed' in result ? `closed ${result.closed}` : 'an error';
  throw new Error(`${who} got ${how} instead of an answer; ${await host.describeAfterFailure()}`);
}

/**
 * Scenario 4: malformed WebSocket frames, each on its own authorised connection, while another
 * socket stays open: the host stays up, the other socket keeps answering, a new socket works, and
 * the offending connection is closed.
 */
export async function wsFrames(run: TortureRun): Promise<void> {
  const rounds = run.count(10, 1);
  const planned = rounds * MALFORMED_FRAMES.length;
  const scenario = run.scenario('malformed WebSocket frames', planned);
  const dir = mkdtempSync(join(tmpdir(), 'hearth-torture-frames-'));
  let host = await HostProcess.start(dir);
  let witness = await host.connect();
  try {
    for (let round = 0; round < rounds; round++) {
      // Each round in its own order, drawn from the seed.
      const order = [...MALFORMED_FRAMES].sort(() => scenario.random() - 0.5);
      for (const [index, bad] of order.entries()) {
        if (scenario.stopAtCap(round * MALFORMED_FRAMES.length + index)) return;
        const passed = await scenario.trial(
          `round ${round + 1}: ${bad.name}`,
          async () => {
            if (!witness.open) witness = await host.connect();
            const attacker = await rawSocket(host);
            const closed = new Promise<void>((resolve) => attacker.once('close', () => resolve()));
            attacker.write(bad.bytes());
            await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 10_000))]);
            check(host.alive, `${host.exitDescription} after the frame`);
            await answers(host, witness, 'the other socket');
            const fresh = await host.connect();
            await answers(host, fresh, 'a new socket');
            fresh.close();
            check(attacker.closed, 'the offending connection was left open');
          },
          60_000,
        );
        if (!passed && !host.alive) {
          await host.destroy();
          host = await HostProcess.start(dir);
          witness = await host.connect();
        }
      }
    }
  } finally {
    witness.close();
    await host.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}
