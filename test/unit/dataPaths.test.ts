import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { defaultDataDir, resolveDataPaths } from '../../main/app/dataPaths.js';

describe('data paths', () => {
  test('match Electron userData per platform', () => {
    assert.equal(defaultDataDir('linux', { XDG_CONFIG_HOME: '/x' }), join('/x', 'Hearth'));
    assert.equal(
      defaultDataDir('win32', { APPDATA: 'C:/Users/a/AppData/Roaming' }),
      join('C:/Users/a/AppData/Roaming', 'Hearth'),
    );
    assert.match(defaultDataDir('darwin', {}), /Library[\\/]Application Support[\\/]Hearth$/);
  });

  test('a flag beats the environment, which beats the default; models follow the data folder', () => {
    assert.deepEqual(resolveDataPaths(['node', 'x', '--data-dir', '/d'], { HEARTH_DATA_DIR: '/e' }, '/f'), {
      dataDir: '/d',
      modelsDir: join('/d', 'models'),
      databasePath: join('/d', 'hearth.sqlite'),
    });
    assert.equal(resolveDataPaths([], { HEARTH_DATA_DIR: '/e' }, '/f').dataDir, '/e');
    assert.equal(resolveDataPaths(['--models-dir=/m'], {}, '/f').modelsDir, '/m');
    assert.equal(resolveDataPaths([], {}, '/f').databasePath, join('/f', 'hearth.sqlite'));
  });
});
