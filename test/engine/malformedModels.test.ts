import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { AppError } from '../../contract/index.js';
import { MALFORMED_EXPECTATIONS, type MalformedKind } from '../forge/malformedModels.js';
import { startHearth } from '../support/startHearth.js';
import { useForgedModels, useMalformedModels } from '../support/forgedModels.js';

const forged = useForgedModels();
const malformed = useMalformedModels();

describe('malformed model files', () => {
  test('each gives a clear error naming the problem, and the engine keeps serving good models', async () => {
    const hearth = startHearth();
    await hearth.call('settings.update', { contextSize: 512, threads: 1 });
    const good = hearth.addModel(forged.paths.llama, 'good.gguf');
    for (const kind of Object.keys(MALFORMED_EXPECTATIONS) as MalformedKind[]) {
      const modelId = hearth.addModel(malformed.paths[kind], `${kind}.gguf`);
      await assert.rejects(hearth.call('models.load', { modelId }), (error: unknown) => {
        assert.ok(error instanceof AppError, `${kind}: ${String(error)}`);
        assert.ok(
          ['model_invalid', 'model_load_failed', 'engine_stopped'].includes(error.code),
          `${kind}: ${error.code}`,
        );
        assert.ok(error.message.includes(`${kind}.gguf`), `${kind}: the message names the file: ${error.message}`);
        const expected = MALFORMED_EXPECTATIONS[kind].mentions;
        assert.ok(
          error.message.toLowerCase().includes(expected.toLowerCase()),
          `${kind}: the message should mention "${expected}": ${error.message}`,
        );
        return true;
      });
      const status = await hearth.call('models.load', { modelId: good });
      assert.equal(status.loadedModel?.architecture, 'llama', `after ${kind}, a good model still loads`);
    }
    assert.ok(hearth.engine.status.restarts >= 1, 'a replacement engine took over after the native abort');
  });
});
