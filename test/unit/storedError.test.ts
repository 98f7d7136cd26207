import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { AppError } from '../../contract/index.js';
import { readStoredError, storedError } from '../../main/models/storedError.js';

describe('errors kept in a text column', () => {
  test('an error with a catalog key keeps its key and values across a restart', () => {
    const error = AppError.localized(
      'invalid_input',
      'errorFileNotOnServer',
      { status: '404', path: '/x.gguf' },
      'library',
    );
    const read = readStoredError(storedError(error));
    assert.equal(read.error, 'The file is not on the server (404): /x.gguf');
    assert.deepEqual(read.errorText, {
      key: 'library:errorFileNotOnServer',
      params: { status: '404', path: '/x.gguf' },
    });
  });

  test('plain English (rows from before, errors with no key) reads as it is', () => {
    assert.deepEqual(readStoredError('Could not reach the host'), { error: 'Could not reach the host' });
    assert.equal(storedError(new Error('socket hang up')), 'socket hang up');
    assert.deepEqual(readStoredError(null), { error: null });
  });

  test('a message that merely starts with a brace, or JSON of another shape, is not mistaken for one', () => {
    assert.deepEqual(readStoredError('{not json'), { error: '{not json' });
    assert.deepEqual(readStoredError('{"a":1}'), { error: '{"a":1}' });
  });
});
