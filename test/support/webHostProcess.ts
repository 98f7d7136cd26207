/**
 * The child side of spawnWebHost: a real Hearth (real SQLite file, engine forked on demand) served
 * by the real WebHost in a process of its own, so that anything that would end main's process
 * (an unhandled 'error' event, an uncaught exception) ends this one where the test can see it.
 * argv: <data dir>. Prints one JSON line with the port and token, then answers `memory` requests
 * over the IPC channel with its heap figures (peaks sampled in between).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { WebHost } from '../../main/web/WebHost.js';
import { hearthInFolder } from './hearthInFolder.js';

export interface HostMemory {
  heapUsed: number;
  rss: number;
  peakHeapUsed: number;
  peakRss: number;
  /** Calls dispatched so far (every method). */
  dispatched: number;
}

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: webHostProcess <data dir>');
const staticDir = join(dataDir, 'renderer');
mkdirSync(staticDir, { recursive: true });
writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Hearth</title>');
const hearth = hearthInFolder(dataDir);
let dispatched = 0;
const counted = {
  ...hearth,
  dispatch: (...args: Parameters<typeof hearth.dispatch>) => {
    dispatched += 1;
    return hearth.dispatch(...args);
  },
};
const host = new WebHost({ hearth: counted, staticDir, port: 0 });
await host.start();

let peakHeapUsed = 0;
let peakRss = 0;
const sample = () => {
  const { heapUsed, rss } = process.memoryUsage();
  peakHeapUsed = Math.max(peakHeapUsed, heapUsed);
  peakRss = Math.max(peakRss, rss);
  return { heapUsed, rss };
};
setInterval(sample, 20).unref();
process.on('message', (message: unknown) => {
  if (message === 'memory') {
    const now = sample();
    const reply: HostMemory = { ...now, peakHeapUsed, peakRss, dispatched };
    process.send?.(reply);
  } else if (message === 'reset-peaks') {
    // A collection first, where allowed, so the next peak is measured from live data only.
    (globalThis as { gc?: () => void }).gc?.();
    peakHeapUsed = 0;
    peakRss = 0;
    process.send?.('reset');
  }
});
process.on('SIGTERM', () => {
  void host
    .close()
    .then(() => hearth.close())
    .then(() => process.exit(0));
});
console.log(JSON.stringify({ port: host.port, token: host.token }));
