import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { HotStates } from '../../main/states/HotStates.js';
import { decodeState, encodeState, sha256 } from '../../main/states/stateCodec.js';
import { StateWriter } from '../../main/states/writer/StateWriter.js';
import { openDatabase } from '../../main/storage/openDatabase.js';
import { StateStore } from '../../main/storage/StateStore.js';
import { tempDir } from '../support/tempDir.js';

const OWNER = {
  kind: 'prompt' as const,
  conversationId: null,
  messageId: null,
  fingerprint: 'f'.repeat(64),
  engineBuild: 'test build',
  contextSize: 2048,
  tokenCount: 10,
  historyHash: null,
};

/** A file of `bytes`, as the engine would have written it. */
function stateFile(dir: string, name: string, bytes: Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

describe('state codec', () => {
  test('a large state that does not compress is stored as it is, judged on samples; one that does is deflated', () => {
    const noise = randomBytes(4 * 1024 * 1024);
    const plain = encodeState(noise);
    assert.equal(plain.compression, 'none');
    assert.equal(plain.data, noise);
    const zeros = Buffer.alloc(4 * 1024 * 1024);
    const packed = encodeState(zeros);
    assert.equal(packed.compression, 'deflate');
    assert.ok(packed.data.length < zeros.length / 10);
    assert.deepEqual(decodeState(packed.data, 'deflate', packed.sha256, zeros.length), zeros);
  });
});

describe('state store', () => {
  test('keyed states of a family beyond the most recently used few are found, other keys never', () => {
    const db = openDatabase(join(tempDir(), 'hearth.sqlite'));
    let now = 1000;
    const store = new StateStore(db, () => now);
    const put = (promptKey: string) => {
      now += 10;
      const data = randomBytes(1024);
      const id = store.put({
        ...OWNER,
        promptKey,
        byteSize: data.length,
        storedSize: data.length,
        compression: 'none',
        sha256: sha256(data),
        data,
      });
      return id;
    };
    const a = put('api:a');
    const b = put('api:b');
    const c = put('api:c');
    put('system-prompt-key');
    now += 10;
    store.touch(a); // used last: kept
    assert.deepEqual(store.keyedBeyond('api:', 2), [b]);
    assert.deepEqual(store.keyedBeyond('api:', 1).sort(), [b, c].sort());
    assert.deepEqual(store.keyedBeyond('api:', 5), []);
    assert.equal(store.keyedBeyond('api:', 0).length, 3, 'the prompt cache’s own key is not of the family');
    db.close();
  });

  test('a use is recorded apart from the state’s row, and decides which state the budget evicts', () => {
    const db = openDatabase(join(tempDir(), 'hearth.sqlite'));
    let now = 1000;
    const store = new StateStore(db, () => now);
    const put = (promptKey: string) => {
      const data = randomBytes(64 * 1024);
      return store.put({
        ...OWNER,
        promptKey,
        byteSize: data.length,
        storedSize: data.length,
        compression: 'none',
        sha256: sha256(data),
        data,
      });
    };
    const older = put('older');
    now = 2000;
    const newer = put('newer');
    now = 3000;
    store.touch(older);
    assert.equal(store.promptState('older')?.lastUsedAt, 3000);
    const row = db
      .prepare<[number], { last_used_at: number }>('SELECT last_used_at FROM states WHERE id = ?')
      .get(older);
    assert.equal(row?.last_used_at, 1000, 'the state’s own row (and its blob) is not rewritten');
    assert.equal(store.enforceBudget(100 * 1024), 1);
    assert.deepEqual(store.existing([older, newer]), new Set([older]), 'the least recently used went');
    store.delete(older);
    assert.equal(
      db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM state_uses').get()?.n,
      0,
      'its use goes with it',
    );
    db.close();
  });
});

describe('hot copies of saved states', () => {
  test('an adopted file is moved in and lent as a link, never changing the copy', async () => {
    const dir = tempDir();
    const hot = new HotStates(join(dir, 'hot'));
    const bytes = randomBytes(4096);
    const key = { id: 7, sha256: sha256(bytes), byteSize: bytes.length };
    const written = stateFile(dir, 'turn.state', bytes);
    await hot.adopt(key, written);
    assert.equal(existsSync(written), false, 'moved, not copied');
    assert.deepEqual(hot.ids(), [7]);
    const lent = join(dir, 'resume.state');
    assert.equal(await hot.lend(key, lent), true);
    assert.deepEqual(readFileSync(lent), bytes);
    assert.equal(statSync(lent).nlink, 2, 'a hard link to the copy');
    assert.equal(await hot.lend({ ...key, sha256: sha256(Buffer.from('other')) }, join(dir, 'x.state')), false);
    assert.equal(await hot.lend({ ...key, id: 8 }, join(dir, 'y.state')), false);
  });

  test('a copy whose size changed is dropped instead of lent', async () => {
    const dir = tempDir();
    const hot = new HotStates(join(dir, 'hot'));
    const bytes = randomBytes(1000);
    const key = { id: 1, sha256: sha256(bytes), byteSize: bytes.length };
    await hot.adopt(key, stateFile(dir, 'a.state', bytes));
    const [name] = readdirSync(join(dir, 'hot'));
    writeFileSync(join(dir, 'hot', name ?? ''), bytes.subarray(0, 500));
    const lent = join(dir, 'resume.state');
    assert.equal(await hot.lend(key, lent), false);
    assert.equal(existsSync(lent), false);
    assert.deepEqual(readdirSync(join(dir, 'hot')), []);
  });

  test('only the four most recently used copies are kept; swept and forgotten ones go', async () => {
    const dir = tempDir();
    const hot = new HotStates(join(dir, 'hot'));
    const keys = [1, 2, 3, 4, 5].map((id) => {
      const bytes = randomBytes(100 + id);
      return { id, sha256: sha256(bytes), byteSize: bytes.length, bytes };
    });
    for (const key of keys.slice(0, 4)) await hot.adopt(key, stateFile(dir, `${key.id}.state`, key.bytes));
    // Using state 1 makes state 2 the least recently used.
    assert.equal(await hot.lend(keys[0] ?? assert.fail(), join(dir, 'lent.state')), true);
    await hot.adopt(keys[4] ?? assert.fail(), stateFile(dir, '5.state', keys[4]?.bytes ?? Buffer.alloc(0)));
    assert.deepEqual(hot.ids().sort(), [1, 3, 4, 5]);
    await hot.sweep(new Set([1, 4, 5]));
    await hot.forget(5);
    assert.deepEqual(hot.ids().sort(), [1, 4]);
    assert.equal(readdirSync(join(dir, 'hot')).length, 2);
  });

  test('at start, copies are found again and anything else in the folder is removed', async () => {
    const dir = tempDir();
    const bytes = randomBytes(300);
    const key = { id: 3, sha256: sha256(bytes), byteSize: bytes.length };
    await new HotStates(join(dir, 'hot')).adopt(key, stateFile(dir, 'a.state', bytes));
    writeFileSync(join(dir, 'hot', '9-partial.tmp'), 'cut short');
    const again = new HotStates(join(dir, 'hot'));
    assert.deepEqual(again.ids(), [3]);
    assert.equal(readdirSync(join(dir, 'hot')).length, 1);
    assert.equal(await again.lend(key, join(dir, 'lent.state')), true);
  });
});

describe('state writer thread', () => {
  test('stores a state file on its own connection, visible to main’s, and prunes to the budget', async () => {
    const dir = tempDir();
    const databasePath = join(dir, 'hearth.sqlite');
    const db = openDatabase(databasePath);
    const store = new StateStore(db);
    const writer = new StateWriter(databasePath);
    try {
      const bytes = randomBytes(256 * 1024);
      const stored = await writer.put(stateFile(dir, 'p.state', bytes), { ...OWNER, promptKey: 'key-1' });
      assert.equal(stored.sha256, sha256(bytes));
      assert.equal(stored.byteSize, bytes.length);
      const record = store.promptState('key-1');
      assert.equal(record?.id, stored.stateId);
      assert.deepEqual(
        decodeState(store.data(stored.stateId) ?? Buffer.alloc(0), 'none', stored.sha256, bytes.length),
        bytes,
      );
      const second = await writer.put(stateFile(dir, 'q.state', randomBytes(1024)), { ...OWNER, promptKey: 'key-2' });
      // A budget that holds one of the two: the least recently used goes.
      assert.equal(await writer.maintain([], 8, 200 * 1024), 1);
      assert.deepEqual(store.existing([stored.stateId, second.stateId]), new Set([second.stateId]));
    } finally {
      await writer.close();
      db.close();
    }
  });

  test('a job that fails rejects with the reason, and the writer goes on', async () => {
    const dir = tempDir();
    const databasePath = join(dir, 'hearth.sqlite');
    const db = openDatabase(databasePath);
    const writer = new StateWriter(databasePath);
    try {
      await assert.rejects(writer.put(join(dir, 'missing.state'), { ...OWNER, promptKey: 'k' }), /ENOENT/);
      const stored = await writer.put(stateFile(dir, 'ok.state', randomBytes(64)), { ...OWNER, promptKey: 'k' });
      assert.ok(stored.stateId > 0);
    } finally {
      await writer.close();
      db.close();
    }
  });
});
