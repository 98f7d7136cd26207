import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The engine's entry file. Compiled, it sits beside this module as `.js`; run from TypeScript
 * sources (tests, dev), it is the `.ts` file. Both launchers start this file.
 */
const here = fileURLToPath(import.meta.url);
export const ENGINE_ENTRY = fileURLToPath(new URL(`./process/engineMain${extname(here)}`, import.meta.url));
