import { statSync } from 'node:fs';
import { AppError } from '../../../contract/index.js';
import type { HandlerGroup, HearthServices } from './HearthServices.js';

type ModelCalls =
  | 'models.list'
  | 'models.load'
  | 'models.unload'
  | 'models.openFolder'
  | 'engine.status'
  | 'hardware.profile'
  | 'hardware.plan';

/** The models on disk, the one the engine holds, and the machine it runs on. */
export function modelHandlers(s: HearthServices): HandlerGroup<ModelCalls> {
  const { library, engine, hardware, platform } = s;
  return {
    'models.list': async () => ({ dir: library.dir, models: await s.models.list() }),
    'models.load': async ({ modelId }) => {
      await s.loadModel(modelId);
      return s.engineStatus();
    },
    'models.unload': async () => {
      await engine.unload();
      return s.engineStatus();
    },
    'models.openFolder': async () => {
      if (!platform.openFolder) {
        throw AppError.localized('unsupported', 'openFolderYourself', { path: library.dir });
      }
      await library.list(); // creates the folder if it does not exist yet
      // Opening a file instead of a folder would run it: only ever a folder.
      if (!statSync(library.dir).isDirectory())
        throw AppError.localized('forbidden', 'notAFolder', { path: library.dir });
      await platform.openFolder(library.dir);
      return { opened: true };
    },
    'engine.status': async () => s.engineStatus(),
    'hardware.profile': async ({ refresh }) => hardware.profile(refresh ?? false),
    'hardware.plan': async ({ modelId }) => hardware.plan(await library.resolve(modelId)),
  };
}
