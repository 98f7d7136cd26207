import type { Catalog } from '../../catalogTypes.js';
import type { EnglishCatalogs } from '../en/index.js';
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

export const zhCN: Catalog<EnglishCatalogs> = {
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
