import { AppError } from '../../../contract/index.js';
import type { HandlerGroup, HearthServices } from './HearthServices.js';

type LibraryCalls =
  | 'library.catalog'
  | 'library.downloads'
  | 'library.download'
  | 'library.pauseDownload'
  | 'library.resumeDownload'
  | 'library.cancelDownload'
  | 'library.import'
  | 'library.card'
  | 'library.delete'
  | 'library.reveal'
  | 'library.setFolder'
  | 'library.chooseFile'
  | 'library.chooseFolder';

/** The model library: the catalog, downloads, imports, cards, deletion, the models folder. */
export function libraryHandlers(s: HearthServices): HandlerGroup<LibraryCalls> {
  const { models, downloads, platform } = s;
  return {
    'library.catalog': async () => models.catalog(),
    'library.downloads': async () => downloads.list(),
    'library.download': async (request) => models.startDownload(request),
    'library.pauseDownload': async ({ id }) => downloads.pause(id),
    'library.resumeDownload': async ({ id }) => downloads.resume(id),
    'library.cancelDownload': async ({ id }) => {
      await downloads.cancel(id);
      return { removed: true };
    },
    'library.import': async ({ path, mode }) => ({ model: await models.import(path, mode) }),
    'library.card': async ({ modelId }) => models.card(modelId),
    'library.delete': async ({ modelId }) => {
      const result = await models.delete(modelId);
      s.events.emit('states.changed', {});
      return result;
    },
    'library.reveal': async ({ modelId }) => {
      const path = await s.library.resolve(modelId);
      if (!platform.revealFile) throw AppError.localized('unsupported', 'findFileYourself', { path });
      await platform.revealFile(path);
      return { opened: true };
    },
    'library.setFolder': async ({ dir }) => ({ dir: await models.setFolder(dir) }),
    'library.chooseFile': async () => {
      if (!platform.chooseModelFile) throw AppError.localized('unsupported', 'enterModelPath');
      return { path: await platform.chooseModelFile() };
    },
    'library.chooseFolder': async () => {
      if (!platform.chooseFolder) throw AppError.localized('unsupported', 'enterFolderPath');
      return { dir: await platform.chooseFolder() };
    },
  };
}
