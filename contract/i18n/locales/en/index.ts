import { chat } from './chat.js';
import { common } from './common.js';
import { desktop } from './desktop.js';
import { documents } from './documents.js';
import { errors } from './errors.js';
import { exchange } from './exchange.js';
import { header } from './header.js';
import { layout } from './layout.js';
import { library } from './library.js';
import { notices } from './notices.js';
import { prompts } from './prompts.js';
import { search } from './search.js';
import { settings } from './settings.js';

/**
 * The English catalogs, one namespace per area of the app. `errors` and `notices` are written by
 * main (AppError and notice keys); `prompts` are texts given to the model, not shown as UI.
 */
export const en = {
  common,
  chat,
  header,
  layout,
  search,
  library,
  settings,
  documents,
  errors,
  notices,
  prompts,
  exchange,
  desktop,
};
export type EnglishCatalogs = typeof en;
export type Namespace = keyof EnglishCatalogs;
