import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppError, type Message } from '../../../contract/index.js';
import { ensureForgedModel } from '../../forge/forgeModels.js';
import { check, type TortureRun } from '../TortureRun.js';
import { nextFinished, tortureHearth } from '../tortureHearth.js';

/** Raw system wording that must not reach the user: the app says "disk full" in its own words. */
const RAW_DISK_ERROR = /ENOSPC|SQLITE_FULL|database or disk is full/;

/** Fills the file system holding `path` until a write fails for lack of space. */
function fill(path: string): void {
  for (const size of [1 << 20, 64 << 10, 4 << 10, 512, 16]) {
    const chunk = Buffer.alloc(size, 0x61);
    try {
      for (;;) appendFileSync(path, chunk);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
    }
  }
}

/** A call either works or says the disk is full, with code disk_full and in plain words. */
function refusedClearly(error: unknown, what: string): void {
  const code: string = error instanceof AppError ? error.code : 'thrown';
  const message = error instanceof Error ? error.message : String(error);
  check(code === 'disk_full', `${what}: code ${code} instead of disk_full (${message.slice(0, 160)})`);
  check(!RAW_DISK_ERROR.test(message), `${what}: raw system error in the message: ${message.slice(0, 160)}`);
}

/**
 * Scenario 5: Hearth's data folder on a small tmpfs, filled to the last byte: every write is refused
 * with code disk_full and a plain message (or works), nothing acknowledged before is lost, and
 * everything works again once space returns. Mounting needs root; elsewhere the scenario is skipped.
 */
export async function diskFull(run: TortureRun): Promise<void> {
  const rounds = run.count(5, 1);
  const scenario = run.scenario('disk full (tmpfs)', rounds * 6);
  const mount = mkdtempSync(join(tmpdir(), 'hearth-torture-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=16m', 'tmpfs', mount], { stdio: 'ignore' });
  } catch {
    rmSync(mount, { recursive: true, force: true });
    scenario.skip(
      'disk full',
      'mounting a small tmpfs needs root (or CAP_SYS_ADMIN); run `sudo npm run torture` to include it',
    );
    scenario.note('skipped: no permission to mount a tmpfs');
    return;
  }
  const filler = join(mount, 'filler');
  const docs = mkdtempSync(join(tmpdir(), 'hearth-torture-disk-docs-'));
  const { hearth, dispose } = tortureHearth({ dataDir: join(mount, 'data') });
  const acknowledged = new Map<string, string>();
  try {
    const modelId = hearth.addModel(await ensureForgedModel('rwkv6'), 'rwkv6.gguf');
    await hearth.call('settings.update', {
      contextSize: 2048,
      threads: 1,
      defaultSampling: { temperature: 0, topP: 1, maxTokens: 12, seed: run.seed },
    });
    const { id: conversationId } = await hearth.call('conversations.create', { modelId, systemPrompt: '' });
    const send = async (content: string): Promise<Message> => {
      const { userMessage, assistantMessage } = await hearth.call('chat.send', { conversationId, content });
      acknowledged.set(userMessage.id, userMessage.content);
      const answer = await nextFinished(hearth, assistantMessage.id);
      if (answer.status === 'complete') acknowledged.set(answer.id, answer.content);
      await hearth.chat.idle();
      return answer;
    };
    await send('Hello before the disk fills.');

    for (let round = 1; round <= rounds; round++) {
      if (scenario.stopAtCap(round - 1)) break;
      mkdirSync(docs, { recursive: true });
      const document = join(docs, `note-${round}.md`);
      writeFileSync(document, `# Note ${round}\n\nWritten while the disk was full.\n`);
      fill(filler);
      await scenario.trial(`round ${round}: rename on a full disk`, async () => {
        await hearth
          .call('conversations.rename', { conversationId, title: `Full disk ${round}` })
          .catch((error: unknown) => refusedClearly(error, 'conversations.rename'));
      });
      await scenario.trial(`round ${round}: new conversation on a full disk`, async () => {
        await hearth
          .call('conversations.create', { modelId })
          .catch((error: unknown) => refusedClearly(error, 'conversations.create'));
      });
      await scenario.trial(`round ${round}: message on a full disk`, async () => {
        let answer: Message;
        try {
          answer = await send(`Question ${round} on a full disk.`);
        } catch (error) {
          refusedClearly(error, 'chat.send');
          return;
        }
        check(!RAW_DISK_ERROR.test(answer.detail ?? ''), `the answer ended with a raw error: ${answer.detail ?? ''}`);
      });
      await scenario.trial(`round ${round}: document import on a full disk`, async () => {
        await hearth
          .call('documents.import', { paths: [document] })
          .catch((error: unknown) => refusedClearly(error, 'documents.import'));
      });
      await scenario.trial(`round ${round}: nothing acknowledged was lost`, async () => {
        const stored = await hearth.call('conversations.get', { conversationId });
        const byId = new Map(stored.messages.map((m) => [m.id, m.content]));
        for (const [id, content] of acknowledged) check(byId.get(id) === content, `message ${id} lost or changed`);
      });
      unlinkSync(filler);
      await scenario.trial(`round ${round}: works again once space returns`, async () => {
        await hearth.call('conversations.rename', { conversationId, title: `Space again ${round}` });
        const answer = await send(`Question ${round} with space again.`);
        check(
          answer.status === 'complete',
          `the answer after space returned: ${answer.status} (${answer.detail ?? ''})`,
        );
      });
    }
  } finally {
    await dispose();
    try {
      execFileSync('umount', ['-l', mount]);
    } catch {
      // Already unmounted.
    }
    rmSync(mount, { recursive: true, force: true });
    rmSync(docs, { recursive: true, force: true });
  }
}
