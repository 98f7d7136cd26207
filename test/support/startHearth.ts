import { symlinkSync } from 'node:fs';
import { basename, join } from 'node:path';
import { after } from 'node:test';
import type { ApiCallName, ApiCalls, CallInput, CallOutput } from '../../contract/index.js';
import { AppError } from '../../contract/index.js';
import type { Hearth, HearthOptions } from '../../main/app/createHearth.js';
import { dataPathsIn, hearthInFolder } from './hearthInFolder.js';
import { tempDir } from './tempDir.js';

export interface TestHearth extends Hearth {
  /** Calls through the real dispatch, throwing the AppError a renderer would see. */
  call<K extends ApiCallName>(method: K, input: CallInput<ApiCalls, K>): Promise<CallOutput<ApiCalls, K>>;
  /** Every event emitted so far, in order. */
  readonly emitted: { event: string; payload: unknown }[];
  /** Links a model file into the models folder; returns its model id. */
  addModel(path: string, name?: string): string;
}

/** A real Hearth (real SQLite file, real engine process) in a temporary data folder. */
export function startHearth(options: Partial<HearthOptions> = {}): TestHearth {
  const hearth = openTestHearth({ ...options, paths: options.paths ?? dataPathsIn(tempDir()) });
  after(() => hearth.close());
  return hearth;
}

export { dataPathsIn };

/**
 * The same Hearth outside a node:test file (the torture runner): the caller closes it and removes
 * its folder.
 */
export function openTestHearth(options: Partial<HearthOptions> & Pick<HearthOptions, 'paths'>): TestHearth {
  const { paths } = options;
  const hearth = hearthInFolder(paths.dataDir, options);
  const emitted: { event: string; payload: unknown }[] = [];
  hearth.events.subscribe((event, payload) => emitted.push({ event, payload }));
  return Object.assign(hearth, {
    emitted,
    async call<K extends ApiCallName>(method: K, input: CallInput<ApiCalls, K>) {
      const result = await hearth.dispatch(method, input, { origin: 'test' });
      if (!result.ok) throw AppError.fromValue(result.error);
      return result.value as CallOutput<ApiCalls, K>;
    },
    addModel(path: string, name = basename(path)) {
      symlinkSync(path, join(paths.modelsDir, name));
      return name;
    },
  });
}
