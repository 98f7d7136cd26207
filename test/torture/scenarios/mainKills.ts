import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { CallResult } from '../../../contract/index.js';
import { ensureForgedModel } from '../../forge/forgeModels.js';
import { HostProcess, type HostSocket } from '../HostProcess.js';
import { waitGone } from '../processTree.js';
import { check, type Scenario, type TortureRun } from '../TortureRun.js';

/** What the client saw acknowledged, to be found again after every crash. */
interface Acknowledged {
  conversations: Set<string>;
  /** Titles sent per conversation, in order, and how many of them were acknowledged. */
  titles: Map<string, { sent: string[]; acked: number }>;
  messages: Map<string, { conversationId: string; content: string }>;
  documents: Set<string>;
}

const SENTENCES = ['The hearth keeps the house warm.', 'Embers glow long after the fire.', 'Oak burns slow and hot.'];

/**
 * Scenario 2: main (a web host in its own process) is SIGKILLed at a random moment while a client
 * writes (conversations, renames, messages with answers, document imports), then restarted on the
 * same folder: the database and its full-text index pass their integrity checks, every write the
 * client saw acknowledged is there, and no engine or worker process outlives the main that started it.
 */
export async function mainKills(run: TortureRun): Promise<void> {
  const planned = run.count(50, 5);
  const scenario = run.scenario('main SIGKILL mid-write', planned);
  const dir = mkdtempSync(join(tmpdir(), 'hearth-torture-main-'));
  const docsDir = join(dir, 'docs');
  mkdirSync(join(dir, 'models'), { recursive: true });
  mkdirSync(docsDir);
  symlinkSync(await ensureForgedModel('rwkv6'), join(dir, 'models', 'rwkv6.gguf'));
  const acked: Acknowledged = {
    conversations: new Set(),
    titles: new Map(),
    messages: new Map(),
    documents: new Set(),
  };
  let host = await HostProcess.start(dir);
  try {
    const first = await host.connect();
    await expectOk(
      await first.call('settings.update', {
        contextSize: 2048,
        threads: 1,
        defaultSampling: { temperature: 0.7, topP: 0.95, maxTokens: 16, seed: run.seed },
      }),
      'settings.update',
    );
    first.close();
    let killedWithChildren = 0;
    for (let i = 0; i < planned; i++) {
      if (scenario.stopAtCap(i)) break;
      const killAfterMs = scenario.int(0, 3000);
      await scenario.trial(`#${i + 1} SIGKILL ${killAfterMs} ms into the writes`, async () => {
        const socket = await host.connect();
        const writing = writeUntilClosed(socket, scenario, acked, docsDir, i);
        await new Promise((resolve) => setTimeout(resolve, killAfterMs));
        const children = host.children();
        await host.kill('SIGKILL');
        killedWithChildren += children.length;
        await writing;
        const orphans = await waitGone(children);
        for (const pid of orphans) process.kill(pid, 'SIGKILL');
        checkDatabase(join(dir, 'hearth.sqlite'));
        host = await HostProcess.start(dir);
        await checkAcknowledged(await host.connect(), acked);
        check(orphans.length === 0, `children of the killed main still alive: ${orphans.join(', ')}`);
      });
    }
    scenario.note(
      `acknowledged writes checked: ${acked.conversations.size} conversations, ${acked.messages.size} messages, ` +
        `${[...acked.titles.values()].filter((t) => t.acked > 0).length} renames, ${acked.documents.size} documents; ` +
        `${killedWithChildren} engine/worker processes were running at the kills`,
    );
  } finally {
    const children = host.children();
    await host.destroy();
    const orphans = await waitGone(children);
    await scenario.trial('no orphan processes after the last host was killed', async () => {
      check(orphans.length === 0, `still alive: ${orphans.join(', ')}`);
    });
    rmSync(dir, { recursive: true, force: true });
  }
}

async function expectOk(result: CallResult | { closed: number }, what: string): Promise<unknown> {
  if ('closed' in result) throw new Error(`${what}: the socket closed (${result.closed})`);
  if (!result.ok) throw new Error(`${what}: ${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** Random writes, one after another, until the host dies under them. */
async function writeUntilClosed(
  socket: HostSocket,
  scenario: Scenario,
  acked: Acknowledged,
  docsDir: string,
  trial: number,
): Promise<void> {
  let step = 0;
  const conversations = () => [...acked.conversations];
  while (socket.open) {
    step++;
    const kind =
      acked.conversations.size === 0 ? 'create' : scenario.pick(['create', 'rename', 'send', 'send', 'import']);
    const target = conversations().length > 0 ? scenario.pick(conversations()) : '';
    let result: CallResult | { closed: number } = { closed: 0 };
    switch (kind) {
      case 'create': {
        result = await socket.call('conversations.create', { modelId: 'rwkv6.gguf', systemPrompt: '' });
        if ('ok' in result && result.ok) acked.conversations.add((result.value as { id: string }).id);
        break;
      }
      case 'rename': {
        const titles = acked.titles.get(target) ?? { sent: [], acked: 0 };
        acked.titles.set(target, titles);
        const title = `Title ${trial}.${step}`;
        titles.sent.push(title);
        result = await socket.call('conversations.rename', { conversationId: target, title });
        if ('ok' in result && result.ok) titles.acked = titles.sent.length;
        break;
      }
      case 'send': {
        const content = `${scenario.pick(SENTENCES)} (${trial}.${step})`;
        result = await socket.call('chat.send', { conversationId: target, content });
        if ('ok' in result && result.ok) {
          const { userMessage } = result.value as { userMessage: { id: string } };
          acked.messages.set(userMessage.id, { conversationId: target, content });
        }
        break;
      }
      case 'import': {
        const path = join(docsDir, `note-${trial}-${step}.md`);
        writeFileSync(path, `# Note ${trial}.${step}\n\n${SENTENCES.join(' ')} ${step}\n`);
        result = await socket.call('documents.import', { paths: [path] });
        if ('ok' in result && result.ok) {
          for (const outcome of result.value as { documentId: string | null }[]) {
            if (outcome.documentId) acked.documents.add(outcome.documentId);
          }
        }
        break;
      }
    }
    // "busy" (one answer at a time per conversation) is a fine answer; anything else is not.
    if ('ok' in result && !result.ok && !['busy'].includes(result.error.code)) {
      throw new Error(`${kind} failed before the kill: ${result.error.code}: ${result.error.message}`);
    }
  }
}

/** SQLite's own check and FTS5's, on the file the killed main left behind. */
function checkDatabase(path: string): void {
  const db = new Database(path);
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    check(integrity === 'ok', `integrity_check: ${String(integrity)}`);
    try {
      db.prepare("INSERT INTO chunks_fts(chunks_fts) VALUES('integrity-check')").run();
    } catch (error) {
      throw new Error(`FTS5 integrity-check: ${(error as Error).message}`, { cause: error });
    }
  } finally {
    db.close();
  }
}

async function checkAcknowledged(socket: HostSocket, acked: Acknowledged): Promise<void> {
  try {
    // Every page of the list: an acknowledged conversation may be anywhere in it.
    const listed = new Set<string>();
    for (let cursor: string | null | undefined = undefined; cursor !== null;) {
      const page = (await expectOk(
        await socket.call('conversations.list', { limit: 200, ...(cursor !== undefined && { cursor }) }),
        'conversations.list',
      )) as { conversations: { id: string }[]; nextCursor: string | null };
      for (const conversation of page.conversations) listed.add(conversation.id);
      cursor = page.nextCursor;
    }
    for (const id of acked.conversations) check(listed.has(id), `acknowledged conversation ${id} is missing`);
    for (const [conversationId, titles] of acked.titles) {
      if (titles.acked === 0) continue;
      const view = (await expectOk(
        await socket.call('conversations.get', { conversationId }),
        'conversations.get',
      )) as {
        conversation: { title: string };
      };
      // A rename sent after the last acknowledged one may have landed before the kill: either is right.
      const allowed = titles.sent.slice(titles.acked - 1);
      check(allowed.includes(view.conversation.title), `conversation ${conversationId} lost its acknowledged title`);
    }
    const byConversation = new Map<string, Map<string, string>>();
    for (const { conversationId } of acked.messages.values()) {
      if (byConversation.has(conversationId)) continue;
      const view = (await expectOk(
        await socket.call('conversations.get', { conversationId }),
        'conversations.get',
      )) as {
        messages: { id: string; content: string }[];
      };
      byConversation.set(conversationId, new Map(view.messages.map((m) => [m.id, m.content])));
    }
    for (const [id, { conversationId, content }] of acked.messages) {
      check(byConversation.get(conversationId)?.get(id) === content, `acknowledged message ${id} is missing`);
    }
    const documents = (await expectOk(await socket.call('documents.list', {}), 'documents.list')) as { id: string }[];
    const listedDocuments = new Set(documents.map((d) => d.id));
    for (const id of acked.documents) check(listedDocuments.has(id), `acknowledged document ${id} is missing`);
  } finally {
    socket.close();
  }
}
