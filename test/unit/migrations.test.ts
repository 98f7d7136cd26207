import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { AppError } from '../../contract/index.js';
import { migrate, readMigrations } from '../../main/storage/migrate.js';
import { openDatabase } from '../../main/storage/openDatabase.js';
import { tempDir } from '../support/tempDir.js';

const realMigrations = readMigrations();
const latest = realMigrations.at(-1)?.version ?? 0;

function tables(db: Database.Database): string[] {
  return db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
    .all()
    .map((row) => row.name);
}

describe('migrations', () => {
  test('numbered files are read in order with no gaps', () => {
    assert.ok(realMigrations.length >= 1);
    realMigrations.forEach((migration, index) => assert.equal(migration.version, index + 1));
  });

  test('an empty database is migrated to the latest version, with WAL and foreign keys on', () => {
    const path = join(tempDir(), 'fresh.sqlite');
    const db = openDatabase(path);
    assert.equal(db.pragma('user_version', { simple: true }), latest);
    assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
    assert.equal(db.pragma('foreign_keys', { simple: true }), 1);
    assert.deepEqual(tables(db), [
      'api_keys',
      'chunk_embeddings',
      'chunks',
      'chunks_fts',
      'chunks_fts_config',
      'chunks_fts_data',
      'chunks_fts_docsize',
      'chunks_fts_idx',
      'chunks_vocab',
      'collections',
      'conversation_documents',
      'conversations',
      'document_texts',
      'documents',
      'downloads',
      'hardware_profile',
      'linked_models',
      'messages',
      'messages_fts',
      'messages_fts_config',
      'messages_fts_data',
      'messages_fts_docsize',
      'messages_fts_idx',
      'model_checks',
      'remote_engines',
      'settings',
      'state_uses',
      'states',
      'vector_index_changes',
      'vector_indexes',
      'watched_folders',
    ]);
    assert.equal(db.pragma('auto_vacuum', { simple: true }), 2, 'incremental auto-vacuum, so purges shrink the file');
    assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
    db.close();
  });

  test('a database at the previous version gets only the newer migrations, and keeps its data', () => {
    const db = new Database(join(tempDir(), 'previous.sqlite'));
    const previous = realMigrations.slice(0, -1);
    migrate(db, previous);
    assert.equal(db.pragma('user_version', { simple: true }), latest - 1);
    // Data written at the previous version survives the upgrade.
    db.prepare(
      "INSERT INTO conversations (id, title, created_at, updated_at, model_id, system_prompt) VALUES ('c', 'Old', 1, 1, NULL, '')",
    ).run();
    db.prepare(
      "INSERT INTO messages (id, conversation_id, parent_id, seq, role, content, status, created_at) VALUES ('m', 'c', NULL, 1, 'user', 'hi', 'complete', 1)",
    ).run();
    // Each migration must apply on top of the one before; then one more, written for this test.
    const extra = {
      version: latest + 1,
      name: 'test-extra',
      sql: 'CREATE TABLE extra (id INTEGER PRIMARY KEY) STRICT;',
    };
    assert.deepEqual(migrate(db, realMigrations), [latest]);
    db.prepare("INSERT INTO settings (key, value) VALUES ('theme', '\"dark\"')").run();
    assert.deepEqual(migrate(db, [...realMigrations, extra]), [latest + 1]);
    assert.equal(db.pragma('user_version', { simple: true }), latest + 1);
    assert.equal(db.prepare('SELECT value FROM settings').pluck().get(), '"dark"');
    assert.equal(db.prepare("SELECT content FROM messages WHERE id = 'm'").pluck().get(), 'hi');
    assert.deepEqual(migrate(db, [...realMigrations, extra]), [], 'running again applies nothing');
    db.close();
  });

  test('a failing migration is rolled back whole and the version stays', () => {
    const db = new Database(join(tempDir(), 'failing.sqlite'));
    migrate(db, realMigrations);
    const broken = {
      version: latest + 1,
      name: 'broken',
      sql: 'CREATE TABLE half (id INTEGER) STRICT; INSERT INTO no_such_table VALUES (1);',
    };
    assert.throws(() => migrate(db, [...realMigrations, broken]), /no such table/);
    assert.equal(db.pragma('user_version', { simple: true }), latest);
    assert.ok(!tables(db).includes('half'), 'the half-applied table was rolled back');
    db.close();
  });

  test('a database from a newer Hearth is refused, not downgraded', () => {
    const path = join(tempDir(), 'newer.sqlite');
    const raw = new Database(path);
    raw.pragma(`user_version = ${latest + 5}`);
    raw.close();
    assert.throws(
      () => openDatabase(path),
      (error: unknown) => {
        assert.ok(error instanceof AppError);
        assert.equal(error.code, 'storage_failed');
        assert.match(error.message, /newer than this version of Hearth/);
        return true;
      },
    );
  });

  test('a corrupt database file gets a clear error and is left untouched', () => {
    const path = join(tempDir(), 'corrupt.sqlite');
    const db = openDatabase(path);
    db.prepare("INSERT INTO settings (key, value) VALUES ('theme', '\"light\"')").run();
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const bytes = readFileSync(path);
    // Overwrite the middle of the file (past the 100-byte header) with garbage.
    const damaged = Buffer.from(bytes);
    damaged.fill(0xa5, 100, Math.min(damaged.length, 4096 + 512));
    writeFileSync(path, damaged);
    assert.throws(
      () => openDatabase(path),
      (error: unknown) => {
        assert.ok(error instanceof AppError);
        assert.equal(error.code, 'storage_failed');
        assert.match(error.message, /corrupt\.sqlite/);
        return true;
      },
    );
    assert.deepEqual(readFileSync(path), damaged, 'the damaged file was not modified');
  });

  test('a file that is not a database gets a clear error', () => {
    const path = join(tempDir(), 'notes.sqlite');
    writeFileSync(path, 'these are my notes, not a database '.repeat(200));
    assert.throws(() => openDatabase(path), /not a database|integrity|Could not/);
  });
});
