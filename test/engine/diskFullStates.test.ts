import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { ask } from '../support/chatHelpers.js';
import { useForgedModels } from '../support/forgedModels.js';
import { startHearth, type TestHearth } from '../support/startHearth.js';
import { greedySettings, stateRows } from '../support/stateHelpers.js';

const forged = useForgedModels();

/** A real full disk needs a small filesystem of its own: a tmpfs, which only root may mount. */
function mountSmallTmpfs(dir: string): string | null {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return 'needs root on Linux to mount a small tmpfs';
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', dir], { stdio: 'ignore' });
    return null;
  } catch (error) {
    return `cannot mount a tmpfs here: ${(error as Error).message}`;
  }
}

/** Writes until the filesystem refuses: what a full disk looks like to Hearth. */
function fill(dir: string): string {
  const filler = join(dir, 'filler');
  try {
    writeFileSync(filler, Buffer.alloc(4 * 1024 * 1024));
  } catch (error) {
    assert.equal((error as NodeJS.ErrnoException).code, 'ENOSPC');
    return filler;
  }
  assert.fail('the small filesystem did not fill up');
}

describe('saved states on a full disk', () => {
  test('the turn re-reads the history and skips the save, with a clear disk-full notice, and recovers', async (t) => {
    const hearth = startHearth();
    const scratch = join(hearth.paths.dataDir, 'tmp', 'states');
    const cannot = mountSmallTmpfs(scratch);
    if (cannot) {
      t.skip(cannot);
      return;
    }
    try {
      await fullDiskTurns(hearth, scratch);
    } finally {
      // Before the data folder is removed: a mounted folder cannot be.
      await hearth.engine.shutdown();
      execFileSync('umount', ['-l', scratch]);
    }
  });
});

async function fullDiskTurns(hearth: TestHearth, scratch: string): Promise<void> {
  const modelId = hearth.addModel(forged.paths.rwkv6, 'rwkv6.gguf');
  await greedySettings(hearth);
  const conversation = await hearth.call('conversations.create', { modelId, systemPrompt: '' });
  await ask(hearth, conversation.id, 'Hello there.');
  assert.equal(stateRows(hearth, conversation.id).length, 1, 'the first turn saved its state');

  const filler = fill(scratch);
  // A fresh engine: the turn must start from the saved state, which has to be written for it.
  await hearth.engine.shutdown();
  const before = hearth.emitted.length;
  const answer = await ask(hearth, conversation.id, 'Tell me about the hearth.');
  assert.equal(answer.status, 'complete', answer.detail ?? '');
  assert.equal(answer.context?.source, 'reread', 'the history was read again');
  assert.match(answer.context?.rejected ?? '', /the disk is full/);
  const notices = hearth.emitted.slice(before).filter((e) => e.event === 'notice');
  assert.match(JSON.stringify(notices), /disk is full/i, 'the user is told the disk is full');
  assert.doesNotMatch(JSON.stringify(hearth.emitted.slice(before)), /ENOSPC/, 'no raw error reaches the user');
  assert.equal(stateRows(hearth, conversation.id).length, 1, 'no state was saved for that turn');

  unlinkSync(filler);
  await hearth.engine.shutdown();
  const recovered = await ask(hearth, conversation.id, 'And after that?');
  assert.equal(recovered.status, 'complete');
  assert.equal(recovered.context?.source, 'state', 'with space back, the saved state is used again');
  assert.equal(stateRows(hearth, conversation.id).length, 2, 'and the new turn saved its state');
}
