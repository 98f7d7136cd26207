import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { gpuChoiceFrom } from '../../main/app/gpuChoice.js';
import { describeExit } from '../../main/engine/describeExit.js';

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
