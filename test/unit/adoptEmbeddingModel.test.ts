import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { Download } from '../../contract/index.js';
import { adoptEmbeddingModel } from '../../main/app/adoptEmbeddingModel.js';
import { loadCatalog } from '../../main/models/catalog/loadCatalog.js';
import { openDatabase } from '../../main/storage/openDatabase.js';
import { SettingsStore } from '../../main/storage/SettingsStore.js';
import { tempDir } from '../support/tempDir.js';

const download = (patch: Partial<Download>): Download => ({
  id: 'd1',
  entryId: 'bge-small-en-v1.5',
  quantization: 'Q8_0',
  uri: 'hf:CompendiumLabs/bge-small-en-v1.5-gguf/bge-small-en-v1.5-q8_0.gguf',
  fileName: 'bge-small-en-v1.5-q8_0.gguf',
  state: 'complete',
  totalBytes: 10,
  receivedBytes: 10,
  bytesPerSecond: 0,
  secondsLeft: null,
  attempts: 1,
  error: null,
  modelId: 'bge-small-en-v1.5-q8_0.gguf',
  createdAt: 0,
  ...patch,
});

describe('a downloaded catalog embedding model becomes the search model when none is set', () => {
  test('adopted once complete; a chat model, an unfinished download or a model already chosen are left alone', () => {
    const settings = new SettingsStore(openDatabase(join(tempDir(), 'hearth.sqlite')));
    const catalog = loadCatalog();
    assert.equal(adoptEmbeddingModel(download({ state: 'downloading', modelId: null }), catalog, settings), false);
    assert.equal(
      adoptEmbeddingModel(download({ entryId: 'qwen3-0.6b', modelId: 'qwen3.gguf' }), catalog, settings),
      false,
    );
    assert.equal(adoptEmbeddingModel(download({ entryId: null, modelId: 'mine.gguf' }), catalog, settings), false);
    assert.equal(settings.get().embeddingModelId, null);

    assert.equal(adoptEmbeddingModel(download({}), catalog, settings), true);
    assert.equal(settings.get().embeddingModelId, 'bge-small-en-v1.5-q8_0.gguf');
    // A second embedding model downloaded later does not replace the one in use.
    const other = download({ entryId: 'nomic-embed-text-v1.5', modelId: 'nomic.gguf' });
    assert.equal(adoptEmbeddingModel(other, catalog, settings), false);
    assert.equal(settings.get().embeddingModelId, 'bge-small-en-v1.5-q8_0.gguf');
  });
});
