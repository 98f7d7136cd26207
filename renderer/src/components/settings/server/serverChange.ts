import type { ServerChange } from '../../../session/createServerCommands.js';

/** Asks main for a change of the server; resolves whether it was made (a refusal is shown by the caller). */
export type ConfigureServer = (change: ServerChange) => Promise<boolean>;
