import { defaultSystemPromptFor } from '../../../contract/i18n/index.js';
import type { Settings } from '../../../contract/index.js';
import { appVersion } from '../appVersion.js';
import type { HandlerGroup, HearthServices } from './HearthServices.js';

/** The app itself and its settings. */
export function appHandlers(
  s: HearthServices,
): HandlerGroup<'app.info' | 'app.setUiLanguage' | 'settings.get' | 'settings.update'> {
  // The built-in system prompt is shown in the UI's language (it is used in it too).
  const shown = (settings: Settings): Settings => ({
    ...settings,
    defaultSystemPrompt: defaultSystemPromptFor(settings.defaultSystemPrompt, s.uiLanguage.current()),
  });
  return {
    'app.info': async () => ({
      version: appVersion(),
      host: s.host,
      platform: process.platform,
      dataDir: s.paths.dataDir,
      modelsDir: s.library.dir,
      databasePath: s.paths.databasePath,
      canOpenFolders: s.platform.openFolder !== undefined,
      canChooseFiles: s.platform.chooseModelFile !== undefined,
    }),
    'app.setUiLanguage': async ({ language }) => {
      s.uiLanguage.report(language);
      return {};
    },
    'settings.get': async () => shown(s.settings.get()),
    'settings.update': async ({ modelsDir, ...patch }) => {
      // The models folder changes only through the library's checks (never a system folder).
      if (modelsDir !== undefined) await s.models.setFolder(modelsDir);
      const updated = s.settings.update(patch);
      // A new embedding model: give every chunk its vector (in the background).
      if (patch.embeddingModelId) void s.documents.embedPending();
      return shown(updated);
    },
  };
}
