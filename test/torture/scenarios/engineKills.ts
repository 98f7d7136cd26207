import type { EngineStatus, Message } from '../../../contract/index.js';
import { ensureForgedModel } from '../../forge/forgeModels.js';
import { isAlive, waitGone } from '../processTree.js';
import { check, type TortureRun } from '../TortureRun.js';
import { nextFinished, tortureHearth } from '../tortureHearth.js';

const MOMENTS = ['before-send', 'during-load', 'mid-stream', 'during-save', 'after-answer'] as const;
type Moment = (typeof MOMENTS)[number];
const SIGNALS = ['SIGKILL', 'SIGSTOP'] as const;

/**
 * Scenario 1: the engine is killed (SIGKILL) or frozen (SIGSTOP) at a random moment of a
 * conversation; the message sent 0–20 ms later must be answered, every message the app
 * acknowledged must still be there with its text, and no engine process may outlive Hearth.
 */
export async function engineKills(run: TortureRun): Promise<void> {
  const planned = run.count(100);
  const scenario = run.scenario('engine SIGKILL/SIGSTOP', planned);
  const { hearth, dispose } = tortureHearth();
  // Every message main acknowledged: the user's (chat.send replied) and each answer's final text.
  const acknowledged = new Map<string, string>();
  const victims: number[] = [];
  try {
    const modelId = hearth.addModel(await ensureForgedModel('rwkv6'), 'rwkv6.gguf');
    await hearth.call('settings.update', {
      contextSize: 2048,
      threads: 1,
      defaultSampling: { temperature: 0.7, topP: 0.95, maxTokens: 24, seed: run.seed },
    });
    const { id: conversationId } = await hearth.call('conversations.create', { modelId, systemPrompt: '' });

    const send = async (content: string): Promise<Message> => {
      const { userMessage, assistantMessage } = await hearth.call('chat.send', { conversationId, content });
      acknowledged.set(userMessage.id, userMessage.content);
      const answer = await nextFinished(hearth, assistantMessage.id);
      acknowledged.set(answer.id, answer.content);
      return answer;
    };
    await send('Hello.');
    await hearth.chat.idle();

    /** Signals the engine once `when` says so on an app event; resolves with the pid signalled. */
    const signalOn = (signal: NodeJS.Signals, when: (event: string, payload: unknown) => number | null) =>
      new Promise<number>((resolve) => {
        const unsubscribe = hearth.events.subscribe((event, payload) => {
          const pid = when(event, payload);
          if (pid === null) return;
          unsubscribe();
          process.kill(pid, signal);
          resolve(pid);
        });
      });
    const enginePid = () => hearth.engine.status.pid;

    const strike = async (moment: Moment, signal: NodeJS.Signals): Promise<number | null> => {
      switch (moment) {
        case 'before-send': {
          const pid = enginePid();
          if (pid) process.kill(pid, signal);
          return pid;
        }
        case 'during-load': {
          await hearth.call('models.unload', {});
          const struck = signalOn(signal, (event, payload) => {
            const status = payload as EngineStatus;
            if (event === 'engine.status' && status.loadingModelId && status.pid) return status.pid;
            // A load too quick to be seen: strike at the first text instead.
            return event === 'chat.delta' || event === 'chat.finished' ? enginePid() : null;
          });
          void send('Load the model again, please.').catch(() => undefined);
          return struck;
        }
        case 'mid-stream':
        case 'during-save': {
          // An answer with no text at all has no middle: then it is struck as it finishes.
          const struck = signalOn(signal, (event) =>
            event === 'chat.finished' || (moment === 'mid-stream' && event === 'chat.delta') ? enginePid() : null,
          );
          void send('Tell me a story.').catch(() => undefined);
          return struck;
        }
        case 'after-answer': {
          await send('One more answer.');
          await hearth.chat.idle();
          const pid = enginePid();
          if (pid) process.kill(pid, signal);
          return pid;
        }
      }
    };

    for (let i = 0; i < planned; i++) {
      if (scenario.stopAtCap(i)) break;
      const moment = scenario.pick(MOMENTS);
      const signal = scenario.pick(SIGNALS);
      const gapMs = scenario.int(0, 20);
      await scenario.trial(`#${i + 1} ${signal} ${moment}, next message ${gapMs} ms later`, async () => {
        const victim = await strike(moment, signal);
        if (victim) victims.push(victim);
        await new Promise((resolve) => setTimeout(resolve, gapMs));
        // The interrupted turn (if any) must settle before the conversation takes another message.
        await hearth.chat.idle();
        const answer = await send(`Question ${i + 1}: are you still there?`);
        check(
          answer.status === 'complete' && answer.content.length > 0,
          `the next message failed: ${answer.status}${answer.detail ? ` (${answer.detail})` : ''}`,
        );
        await hearth.chat.idle();
        if (victim) {
          const left = await waitGone([victim]);
          check(left.length === 0, `the ${signal} engine ${victim} is still alive after its replacement answered`);
        }
        const stored = await hearth.call('conversations.get', { conversationId });
        const byId = new Map(stored.messages.map((m) => [m.id, m.content]));
        for (const [id, content] of acknowledged) {
          // Earlier branches may have been left for a regenerate; every message here is on one branch.
          check(byId.has(id), `acknowledged message ${id} is missing`);
          check(byId.get(id) === content, `acknowledged message ${id} changed its text`);
        }
      });
    }
  } finally {
    const orphans = await dispose();
    const frozen = victims.filter(isAlive);
    await scenario.trial('no orphan engine processes after Hearth closed', async () => {
      check(orphans.length === 0, `still running: ${orphans.join(', ')}`);
      check(frozen.length === 0, `signalled engines still alive: ${frozen.join(', ')}`);
    });
    for (const pid of [...orphans, ...frozen]) process.kill(pid, 'SIGKILL');
  }
}
