import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { z } from 'zod';
import { apiCalls, DOCUMENT_IMPORT_MAX_PATHS, WS_MAX_FRAME_BYTES } from '../../contract/index.js';
import { worstCaseJsonBytes } from '../support/worstCaseJsonBytes.js';

/** The frame a call travels in over the web host's socket, with the largest id there can be. */
function frameBytes(method: string, inputBytes: number): number {
  const envelope = JSON.stringify({ type: 'call', id: Number.MAX_SAFE_INTEGER, method, input: null });
  return Buffer.byteLength(envelope) - 'null'.length + inputBytes;
}

describe('contract limits against the WebSocket frame limit', () => {
  for (const [method, spec] of Object.entries(apiCalls)) {
    test(`every valid ${method} call fits in one frame`, () => {
      const worst = frameBytes(method, worstCaseJsonBytes(spec.input));
      assert.ok(Number.isFinite(worst), `${method}: its input schema leaves a size unbounded`);
      assert.ok(worst <= WS_MAX_FRAME_BYTES, `${method}: up to ${worst} bytes, over ${WS_MAX_FRAME_BYTES}`);
    });
  }

  test('the bound is real: the worst inputs built by hand are valid and come close to it', () => {
    // Every character of these needs escaping in JSON (`\u0001`: six bytes).
    const escaped = (length: number) => '\u0001'.repeat(length);
    const cases = [
      { method: 'chat.send' as const, input: { conversationId: crypto.randomUUID(), content: escaped(200_000) } },
      {
        method: 'documents.import' as const,
        input: { paths: Array.from({ length: DOCUMENT_IMPORT_MAX_PATHS }, () => escaped(4096)), collectionId: null },
      },
    ];
    for (const { method, input } of cases) {
      assert.ok(apiCalls[method].input.safeParse(input).success, `${method}: the hand-built input is valid`);
      const actual = Buffer.byteLength(JSON.stringify({ type: 'call', id: Number.MAX_SAFE_INTEGER, method, input }));
      const bound = frameBytes(method, worstCaseJsonBytes(apiCalls[method].input));
      assert.ok(actual <= bound, `${method}: ${actual} bytes, above the computed bound ${bound}`);
      assert.ok(actual > 0.95 * bound, `${method}: ${actual} bytes, far below the bound ${bound}`);
      assert.ok(actual <= WS_MAX_FRAME_BYTES);
    }
  });

  test('what leaves a size unbounded is noticed', () => {
    assert.equal(worstCaseJsonBytes(z.string()), Infinity);
    assert.equal(worstCaseJsonBytes(z.array(z.string().max(1))), Infinity);
    assert.equal(worstCaseJsonBytes(z.record(z.string().max(1), z.string().max(1))), Infinity);
    assert.equal(worstCaseJsonBytes(z.unknown()), Infinity);
    assert.equal(worstCaseJsonBytes(z.string().regex(/^[ -~]{1,10}$/)), 2 + 10 * 6, 'a range that holds `"` and `\\`');
    assert.equal(worstCaseJsonBytes(z.string().regex(/^[0-9a-f]{64}$/)), 2 + 64);
    assert.equal(worstCaseJsonBytes(z.uuid()), 2 + 36);
  });
});
