import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { EngineSupervisor, type SupervisorEvent } from '../../main/engine/EngineSupervisor.js';
import type { EngineLauncher } from '../../main/engine/transport/EngineTransport.js';
import { forkLauncher } from '../../main/engine/transport/forkTransport.js';
import { waitFor } from '../support/waitFor.js';

function supervised(options: Partial<ConstructorParameters<typeof EngineSupervisor>[0]> = {}) {
  const engine = new EngineSupervisor({
    launcher: forkLauncher,
    livenessIntervalMs: 100,
    livenessTimeoutMs: 1_500,
    ...options,
  });
  const crashes: string[] = [];
  engine.on((event: SupervisorEvent) => {
    if (event.type === 'crashed') crashes.push(event.reason);
  });
  after(() => engine.shutdown());
  return { engine, crashes };
}

describe('engine watchdog', () => {
  test('an engine that stops answering is killed, reported, and replaced', async () => {
    const { engine, crashes } = supervised();
    const { pid } = await engine.ping();
    process.kill(pid, 'SIGSTOP');
    const reason = await waitFor(() => crashes[0], { what: 'the hang to be detected', timeoutMs: 15_000 });
    assert.match(reason, /not responding: no answer to a liveness check within 1\.5 s/);
    const fresh = await engine.ping();
    assert.notEqual(fresh.pid, pid);
  });

  test('a hung engine is killed by its pid even where the polite kill sends SIGTERM (the desktop transport)', async () => {
    // Electron's utilityProcess.kill() sends SIGTERM whatever signal is asked for, and a stopped
    // process never handles it: the same fork, with that kill, stands in for the desktop transport.
    const politeKill: EngineLauncher = (options) => {
      const transport = forkLauncher(options);
      return {
        get pid() {
          return transport.pid;
        },
        send: (frame) => transport.send(frame),
        onMessage: (listener) => transport.onMessage(listener),
        onExit: (listener) => transport.onExit(listener),
        onOutput: (listener) => transport.onOutput(listener),
        kill: () => {
          if (transport.pid !== undefined) process.kill(transport.pid, 'SIGTERM');
        },
        killHard: () => transport.killHard(),
      };
    };
    const { engine, crashes } = supervised({ launcher: politeKill });
    const { pid } = await engine.ping();
    process.kill(pid, 'SIGSTOP');
    const reason = await waitFor(() => crashes[0], { what: 'the hung engine to be killed', timeoutMs: 15_000 });
    assert.match(reason, /not responding/);
    assert.notEqual((await engine.ping()).pid, pid, 'a fresh engine answers');
    assert.throws(() => process.kill(pid, 0), 'the hung process is gone');
  });

  test('an engine over its memory limit is killed before it takes the machine with it', async () => {
    const { engine, crashes } = supervised({ memoryLimitBytes: 1024 * 1024 });
    await engine.ping().catch(() => undefined);
    const reason = await waitFor(() => crashes[0], { what: 'the memory limit to trip' });
    assert.match(reason, /out of memory: it used \d+ MB, over its limit of 1 MB/);
  });

  test('a native abort is reported as such', async () => {
    const { engine, crashes } = supervised();
    const { pid } = await engine.ping();
    process.kill(pid, 'SIGABRT');
    const reason = await waitFor(() => crashes[0], { what: 'the abort to be reported' });
    assert.match(reason, /native abort \(SIGABRT\)/);
    assert.equal(engine.status.state, 'stopped');
  });

  test('a planned shutdown is not reported as a crash', async () => {
    const { engine, crashes } = supervised();
    await engine.ping();
    await engine.shutdown();
    assert.deepEqual(crashes, []);
    assert.equal(engine.status.lastExit, null);
  });
});
