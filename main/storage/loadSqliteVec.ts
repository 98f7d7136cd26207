import { existsSync } from 'node:fs';
import { sep } from 'node:path';
import { getLoadablePath } from 'sqlite-vec';
import type { Db } from './openDatabase.js';

export type SqliteVecLoad = { loaded: true; version: string } | { loaded: false; reason: string };

/**
 * Loads the sqlite-vec extension (vec0 tables, KNN) into this connection. The extension is a
 * native library: in the packaged app it sits in `app.asar.unpacked` (electron-builder.yml unpacks
 * every .so/.dylib/.dll), because the OS loader cannot read it from inside the archive, while
 * module resolution still names the path inside `app.asar`. sqlite-vec ships builds for Linux and
 * macOS on x64 and arm64 and Windows on x64; elsewhere this reports why and the caller carries on
 * with keyword search.
 */
export function loadSqliteVec(db: Db, loadablePath: () => string = getLoadablePath): SqliteVecLoad {
  let path: string;
  try {
    path = unpackedPath(loadablePath());
  } catch (error) {
    return { loaded: false, reason: (error as Error).message };
  }
  if (!existsSync(path)) return { loaded: false, reason: `the sqlite-vec library is missing (${path})` };
  try {
    db.loadExtension(path);
    const { version } = db.prepare<[], { version: string }>('SELECT vec_version() AS version').get()!;
    return { loaded: true, version };
  } catch (error) {
    return { loaded: false, reason: `sqlite-vec did not load from ${path}: ${(error as Error).message}` };
  }
}

/** `…/app.asar/node_modules/…` → `…/app.asar.unpacked/node_modules/…`; other paths unchanged. */
export function unpackedPath(path: string): string {
  const inArchive = `${sep}app.asar${sep}`;
  return path.includes(inArchive) ? path.replace(inArchive, `${sep}app.asar.unpacked${sep}`) : path;
}
