/**
 * A Hearth web host in its own process, for the torture scenarios that kill main or attack its
 * sockets (a host brought down must not bring the runner down with it). Started by HostProcess
 * with the data folder in argv[2]; reports `{ type: 'ready', port, token }` over IPC, and answers
 * `{ type: 'probe' }` with what was added to Object.prototype and Array.prototype since it started.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { WebHost } from '../../main/web/WebHost.js';
import { hearthInFolder } from '../support/hearthInFolder.js';

const prototypes = { object: Object.prototype, array: Array.prototype } as const;
const baseline = Object.fromEntries(
  Object.entries(prototypes).map(([name, proto]) => [name, new Set(Reflect.ownKeys(proto))]),
) as Record<keyof typeof prototypes, Set<string | symbol>>;

function pollution(): string[] {
  const added: string[] = [];
  for (const [name, proto] of Object.entries(prototypes)) {
    const known = baseline[name as keyof typeof prototypes];
    for (const key of Reflect.ownKeys(proto)) if (!known.has(key)) added.push(`${name}.${String(key)}`);
  }
  // A plain object must not inherit anything new (polluting through a setter leaves no own key).
  const plain: Record<string, unknown> = {};
  for (const key of ['polluted', 'isAdmin', 'toString2']) if (key in plain) added.push(`{}.${key}`);
  return added;
}

async function main(): Promise<void> {
  const dataDir = process.argv[2];
  if (!dataDir) throw new Error('usage: hostChild <data folder>');
  const staticDir = join(dataDir, 'renderer');
  mkdirSync(staticDir, { recursive: true });
  const hearth = hearthInFolder(dataDir, { log: () => undefined });
  const host = new WebHost({ hearth, staticDir, port: 0 });
  await host.start();
  process.on('message', (message: { type?: string }) => {
    if (message.type === 'probe') process.send?.({ type: 'probe', pollution: pollution() });
  });
  // The runner is gone: so is this host (and, through their own channels, its engines).
  process.on('disconnect', () => process.exit(0));
  process.send?.({ type: 'ready', port: host.port, token: host.token });
}

main().catch((error: unknown) => {
  console.error(`hostChild: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
