import { z } from 'zod';

/**
 * Imported first by the code that runs in a page (the renderer's main.tsx and the desktop
 * preload), before any schema exists. Zod compiles object parsers with
 * `new Function` unless told not to, and probes for it when each object schema is created; under
 * the page's strict CSP (no 'unsafe-eval') that probe is reported as a policy violation. Jitless
 * parsing is plenty fast for IPC payloads.
 */
z.config({ jitless: true });
