import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CatalogEntrySchema, CatalogSchema, ModelFamilySchema, type CatalogEntry } from '../../contract/index.js';
import { catalogFits, COMFORTABLE_TOKENS_PER_SECOND, recommend } from '../../main/models/catalog/catalogFit.js';
import { loadCatalog } from '../../main/models/catalog/loadCatalog.js';
import { LUNAR_LAKE, machine, OLD_INTEL, RTX_DESKTOP, SMALL_LAPTOP, TWO_CORE_VM } from '../support/recordedMachines.js';

const catalog = loadCatalog();
const AUTO = { backend: 'auto', gpuLayers: null, threads: null } as const;

describe('the model catalog shipped with the app', () => {
  test('validates against its schema, with every family the product names', () => {
    assert.ok(CatalogSchema.safeParse(catalog).success);
    const families = new Set(catalog.entries.map((entry) => entry.family));
    assert.deepEqual([...families].sort(), [...ModelFamilySchema.options].sort());
  });

  test('every file is a node-llama-cpp hf: URI of a .gguf file with a plausible size', () => {
    for (const entry of catalog.entries) {
      for (const file of entry.files) {
        assert.match(file.uri, /^hf:[\w.-]+\/[\w.-]+\/.+\.gguf$/, `${entry.id} ${file.quantization}`);
        if (file.sizeBytes === null) {
          assert.equal(entry.confirmed, false, `${entry.id}: only unconfirmed entries may lack a size`);
          continue;
        }
        // A GGUF holds at least 1.5 bits per parameter and at most 16 (F16 / BF16), plus metadata.
        const bitsPerParameter = (file.sizeBytes * 8) / entry.parameters.total;
        assert.ok(
          bitsPerParameter > 1.5 && bitsPerParameter < 17.5,
          `${entry.id} ${file.quantization}: ${bitsPerParameter}`,
        );
      }
    }
  });

  test('Mixture-of-Experts entries activate fewer parameters than they hold; dense ones all of them', () => {
    for (const entry of catalog.entries) {
      if (entry.family === 'moe') assert.ok(entry.parameters.active < entry.parameters.total / 2, entry.id);
      else if (entry.family !== 'hybrid') assert.equal(entry.parameters.active, entry.parameters.total, entry.id);
    }
  });

  test('entries that could not be confirmed are marked and say why', () => {
    const unconfirmed = catalog.entries.filter((entry) => !entry.confirmed);
    assert.ok(unconfirmed.length > 0 && unconfirmed.length < catalog.entries.length);
    for (const entry of unconfirmed) assert.ok(entry.confirmation.length > 20, entry.id);
  });

  test('the schema rejects malformed entries', () => {
    const good = catalog.entries.find((entry) => entry.family === 'dense' && entry.confirmed)!;
    const broken: [string, (entry: CatalogEntry) => unknown][] = [
      ['a URI that is not hf: or http(s)', (e) => ({ ...e, files: [{ ...e.files[0], uri: 'ftp://x/y.gguf' }] })],
      ['a URI that names no file', (e) => ({ ...e, files: [{ ...e.files[0], uri: 'hf:owner/repo:Q4_K_M' }] })],
      ['more active than total parameters', (e) => ({ ...e, parameters: { total: 1e9, active: 2e9 } })],
      ['a dense model with fewer active parameters', (e) => ({ ...e, parameters: { total: 2e9, active: 1e9 } })],
      ['a confirmed entry without a size', (e) => ({ ...e, files: [{ ...e.files[0], sizeBytes: null }] })],
      ['an unknown family', (e) => ({ ...e, family: 'transformer' })],
      ['a malformed sha256', (e) => ({ ...e, files: [{ ...e.files[0], sha256: 'abc' }] })],
      ['no files', (e) => ({ ...e, files: [] })],
    ];
    assert.ok(CatalogEntrySchema.safeParse(good).success);
    for (const [what, change] of broken) {
      assert.equal(CatalogEntrySchema.safeParse(change(good)).success, false, what);
    }
    const duplicated = { ...catalog, entries: [good, good] };
    assert.equal(CatalogSchema.safeParse(duplicated).success, false, 'duplicate ids');
  });
});

describe('recommendations for the detected hardware', () => {
  const pick = (hardware: typeof LUNAR_LAKE) => {
    const fits = catalogFits(catalog.entries, { hardware, contextSize: 4096, overrides: AUTO, installed: new Map() });
    const recommendation = recommend(catalog.entries, fits, hardware);
    const entry = catalog.entries.find((e) => e.id === recommendation?.entryId);
    return { recommendation, entry, fits };
  };

  test('a desktop with a 12 GB card gets a bigger model than a laptop without AVX2', () => {
    const desktop = pick(RTX_DESKTOP);
    const old = pick(OLD_INTEL);
    assert.ok(desktop.entry && old.entry);
    assert.notEqual(desktop.entry.family, 'embedding');
    assert.ok(desktop.entry.parameters.active > old.entry.parameters.active);
    assert.ok(desktop.entry.confirmed && old.entry.confirmed, 'only confirmed entries are recommended');
    assert.match(desktop.recommendation!.reason, /tok\/s expected here/);
  });

  test('a 2-core machine without a GPU gets a small model that answers comfortably, and is told why', () => {
    const { recommendation, entry, fits } = pick(TWO_CORE_VM);
    assert.ok(recommendation && entry);
    const fit = fits.find((f) => f.entryId === entry.id && f.quantization === recommendation.quantization)!;
    const file = entry.files.find((f) => f.quantization === recommendation.quantization)!;
    assert.ok(
      (fit.expectedTokensPerSecond ?? 0) >= COMFORTABLE_TOKENS_PER_SECOND,
      `${entry.id}: ${fit.expectedTokensPerSecond} tok/s`,
    );
    assert.ok(file.sizeBytes! < 2e9, `${entry.id} ${file.quantization} is a ${file.sizeBytes} byte download`);
    assert.equal(recommendation.text?.key, 'library:recommendLargestRam');
    assert.match(recommendation.reason, /runs from your RAM, about \d+ tok\/s expected here/);
  });

  test('when nothing answers comfortably, the fastest is picked and the reason says so', () => {
    const slow = machine({ ...TWO_CORE_VM, memoryBandwidthGBps: 2 });
    const { recommendation, fits } = pick(slow);
    assert.ok(recommendation);
    const speeds = fits.filter((f) => f.fit !== 'no').map((f) => f.expectedTokensPerSecond ?? 0);
    assert.ok(Math.max(...speeds) < COMFORTABLE_TOKENS_PER_SECOND);
    assert.equal(recommendation.text?.key, 'library:recommendFastestRam');
    assert.match(recommendation.reason, /No model answers at 20 tok\/s or more on this computer; this is the fastest/);
    const picked = fits.find(
      (f) => f.entryId === recommendation.entryId && f.quantization === recommendation.quantization,
    )!;
    const chat = new Set(
      catalog.entries
        .filter((e) => e.confirmed && e.family !== 'embedding' && e.family !== 'reranker')
        .map((e) => e.id),
    );
    for (const other of fits.filter((f) => chat.has(f.entryId) && f.fit !== 'no')) {
      const size = catalog.entries
        .find((e) => e.id === other.entryId)!
        .files.find((f) => f.quantization === other.quantization)!.sizeBytes!;
      if (size > slow.totalMemoryBytes / 2) continue;
      assert.ok(
        (other.expectedTokensPerSecond ?? 0) <= (picked.expectedTokensPerSecond ?? 0),
        `${other.entryId} is faster`,
      );
    }
  });

  test('nothing recommended does not fit, and files that cannot fit say so', () => {
    for (const machine of [LUNAR_LAKE, SMALL_LAPTOP, OLD_INTEL, RTX_DESKTOP]) {
      const { recommendation, fits } = pick(machine);
      const fit = fits.find(
        (f) => f.entryId === recommendation?.entryId && f.quantization === recommendation.quantization,
      );
      assert.ok(fit && fit.fit !== 'no');
    }
    const small = pick(SMALL_LAPTOP);
    const mixtral = small.fits.find((f) => f.entryId === 'mixtral-8x7b-instruct');
    assert.equal(mixtral?.fit, 'no', 'a 26 GB file does not fit an 8 GB machine');
  });
});
