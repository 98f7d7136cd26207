import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { gpuChoiceFrom } from '../../main/app/gpuChoice.js';
import { chooseThreads } from '../../main/engine/chooseThreads.js';
import { describeExit } from '../../main/engine/describeExit.js';

describe('chooseThreads', () => {
  test('a user setting wins', () => assert.equal(chooseThreads(6, 2), 6));
  test('leaves a core free and never exceeds the likely physical cores', () => {
    assert.equal(chooseThreads(0, 1), 1);
    assert.equal(chooseThreads(0, 2), 1);
    assert.equal(chooseThreads(0, 4), 3);
    assert.equal(chooseThreads(0, 8), 4);
    assert.equal(chooseThreads(0, 32), 16);
  });
});

describe('describeExit', () => {
  test('names the signal and quotes the clue the engine printed last', () => {
    const abort = describeExit({ code: null, signal: 'SIGABRT' }, ['loading', 'GGML_ASSERT(n_head > 0) failed']);
    assert.match(abort, /^native abort \(SIGABRT\): GGML_ASSERT\(n_head > 0\) failed$/);
    assert.match(describeExit({ code: null, signal: 'SIGKILL' }, []), /killed \(SIGKILL\)/);
    assert.match(describeExit({ code: null, signal: 'SIGSEGV' }, []), /crashed \(SIGSEGV\)/);
    assert.match(
      describeExit({ code: 134, signal: null }, [
        'FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory',
      ]),
      /native abort.*heap out of memory/,
    );
    assert.equal(describeExit({ code: 3, signal: null }, []), 'exited with code 3');
  });
});

describe('gpuChoiceFrom', () => {
  test('reads HEARTH_GPU', () => {
    assert.equal(gpuChoiceFrom(undefined), 'auto');
    assert.equal(gpuChoiceFrom('cpu'), false);
    assert.equal(gpuChoiceFrom('Vulkan'), 'vulkan');
    assert.throws(() => gpuChoiceFrom('npu'), /HEARTH_GPU must be/);
  });
});
