import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The extraction worker's entry file: `.js` beside this module when compiled, `.ts` from sources. */
const here = fileURLToPath(import.meta.url);
export const EXTRACT_WORKER_ENTRY = fileURLToPath(new URL(`./extractWorker${extname(here)}`, import.meta.url));
