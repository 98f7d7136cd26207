import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { SupervisorEvent } from '../../main/engine/EngineSupervisor.js';
import { ask, finished, greedyConversation } from '../support/chatHelpers.js';
import { useForgedModels } from '../support/forgedModels.js';
import { startHearth, type TestHearth } from '../support/startHearth.js';
import { waitFor } from '../support/waitFor.js';

const forged = useForgedModels();

/** Resolves on the first supervisor event that `match` accepts. */
function nextEvent(hearth: TestHearth, match: (event: SupervisorEvent) => boolean): Promise<SupervisorEvent> {
  return new Promise((resolve) => {
    const stop = hearth.engine.on((event) => {
      if (!match(event)) return;
      stop();
      resolve(event);
    });
  });
}

const stopped = (event: SupervisorEvent) => event.type === 'status' && event.status.state === 'stopped';

/** A Hearth whose watchdog notices a hung engine sooner than the default (the test waits for the event, and the limit leaves a loaded machine room to load a model). */
function hearthWithModel() {
  const hearth = startHearth({ engine: { livenessIntervalMs: 200, livenessTimeoutMs: 5_000 } });
  return hearth;
}

async function sendAndFinish(hearth: TestHearth, conversationId: string, content: string) {
  const { assistantMessage } = await hearth.call('chat.send', { conversationId, content });
  const answer = await finished(hearth, assistantMessage.id);
  await hearth.chat.idle();
  return answer;
}

describe('the next message after an engine crash', () => {
  test('works whenever it is sent after a SIGKILL: at once, a microtask later, after the exit, after a mid-answer kill', async () => {
    const hearth = hearthWithModel();
    const conversation = await greedyConversation(hearth, forged.paths.rwkv6, 6);
    const complete = (answer: { status: string; detail: string | null }, when: string) =>
      assert.equal(answer.status, 'complete', `${when}: ${answer.detail ?? ''}`);
    complete(await ask(hearth, conversation.id, 'Hello.'), 'first answer');

    // Sent in the same tick as the kill: the supervisor still believes the old engine is alive.
    for (const [when, pause] of [
      ['at once', async () => undefined],
      ['a microtask later', () => Promise.resolve()],
      ['after the exit event', () => nextEvent(hearth, stopped)],
    ] as const) {
      const pid = hearth.engine.status.pid;
      assert.ok(pid, `${when}: an engine runs`);
      const exited = nextEvent(hearth, stopped);
      process.kill(pid, 'SIGKILL');
      const waited = pause();
      await waited;
      const answer = await sendAndFinish(hearth, conversation.id, `Are you back (${when})?`);
      complete(answer, when);
      await exited;
      assert.notEqual(hearth.engine.status.pid, pid, `${when}: a new engine answered`);
    }

    // Killed mid-answer: that answer is interrupted, the next one is complete.
    await hearth.call('settings.update', { defaultSampling: { temperature: 0, topP: 1, maxTokens: 1500, seed: 1 } });
    const long = await hearth.call('chat.send', { conversationId: conversation.id, content: 'A very long story.' });
    await waitFor(
      () =>
        hearth.emitted.some(
          (e) => e.event === 'chat.delta' && JSON.stringify(e.payload).includes(long.assistantMessage.id),
        ),
      { what: 'the long answer to stream' },
    );
    process.kill(hearth.engine.status.pid ?? 0, 'SIGKILL');
    assert.equal((await finished(hearth, long.assistantMessage.id)).status, 'interrupted');
    await hearth.call('settings.update', { defaultSampling: { temperature: 0, topP: 1, maxTokens: 6, seed: 1 } });
    complete(await sendAndFinish(hearth, conversation.id, 'And now?'), 'after a mid-answer kill');
  });

  test('works when the engine hangs (SIGSTOP) just before the message: the watchdog replaces it', async () => {
    const hearth = hearthWithModel();
    const conversation = await greedyConversation(hearth, forged.paths.mamba, 6);
    await ask(hearth, conversation.id, 'Hello.');
    const pid = hearth.engine.status.pid;
    assert.ok(pid);
    const crashed = nextEvent(hearth, (event) => event.type === 'crashed');
    process.kill(pid, 'SIGSTOP');
    const answer = await sendAndFinish(hearth, conversation.id, 'Still there?');
    assert.equal(answer.status, 'complete', answer.detail ?? '');
    const crash = await crashed;
    assert.match(crash.type === 'crashed' ? crash.reason : '', /not responding/);
    assert.notEqual(hearth.engine.status.pid, pid);
  });

  test('an engine killed while loading is replaced and the load tried again; two deaths blame the load, with the reason', async () => {
    const hearth = hearthWithModel();
    const conversation = await greedyConversation(hearth, forged.paths.llama, 6);
    const loading = (event: SupervisorEvent) => event.type === 'status' && event.status.state === 'loading';

    // Killed once while loading: the message is still answered.
    const firstLoad = nextEvent(hearth, loading);
    const once = hearth.call('chat.send', { conversationId: conversation.id, content: 'Hello.' });
    await firstLoad;
    process.kill(hearth.engine.status.pid ?? 0, 'SIGKILL');
    const answer = await finished(hearth, (await once).assistantMessage.id);
    assert.equal(answer.status, 'complete', answer.detail ?? '');
    await hearth.chat.idle();

    // Killed on both tries: a clear load failure that says what happened.
    await hearth.engine.unload();
    let kills = 0;
    const stopKilling = hearth.engine.on((event) => {
      if (loading(event) && kills < 2) {
        kills++;
        process.kill(event.type === 'status' ? (event.status.pid ?? 0) : 0, 'SIGKILL');
      }
    });
    const twice = await hearth.call('chat.send', { conversationId: conversation.id, content: 'Again.' });
    const failed = await finished(hearth, twice.assistantMessage.id);
    stopKilling();
    assert.equal(failed.status, 'error');
    assert.match(
      failed.detail ?? '',
      /stopped while loading it, twice \(killed \(SIGKILL\).*; then killed \(SIGKILL\)/,
    );
    assert.equal(kills, 2);
  });

  test('a crash reason quotes only its own process, never an earlier crash', async () => {
    const hearth = hearthWithModel();
    const reasons: string[] = [];
    hearth.engine.on((event) => {
      if (event.type === 'crashed') reasons.push(event.reason);
    });
    for (let i = 0; i < 2; i++) {
      const { pid } = await hearth.engine.ping();
      const exited = nextEvent(hearth, stopped);
      process.kill(pid, 'SIGKILL');
      await exited;
    }
    assert.equal(reasons.length, 2);
    assert.match(reasons[1] ?? '', /^killed \(SIGKILL\)/);
    assert.doesNotMatch(reasons[1] ?? '', /stopped: killed/, `the second reason quotes the first: ${reasons[1]}`);
  });
});
