import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The download worker's entry file: `.js` beside this module when compiled, `.ts` from sources. */
const here = fileURLToPath(import.meta.url);
export const DOWNLOAD_WORKER_ENTRY = fileURLToPath(new URL(`./downloadWorker${extname(here)}`, import.meta.url));
