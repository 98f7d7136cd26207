/**
 * A second Hearth in a process of its own, serving its OpenAI-compatible API: the remote engine
 * of the remote-engine tests (which kill it to see the local Hearth survive).
 * argv: <data dir> <model file> <port> [key name]. Prints one JSON line { url, model, key } once
 * the API listens, then runs until killed.
 */
import { symlinkSync } from 'node:fs';
import { basename, join } from 'node:path';
import { hearthInFolder } from './hearthInFolder.js';

const [dataDir, modelFile, port, keyName] = process.argv.slice(2);
if (!dataDir || !modelFile || !port) throw new Error('usage: remoteHearthProcess <data dir> <model> <port> [key name]');
const hearth = hearthInFolder(dataDir);
const model = basename(modelFile);
symlinkSync(modelFile, join(dataDir, 'models', model));
const call = async (method: string, input: unknown) => {
  const result = await hearth.dispatch(method, input, { origin: 'test' });
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as Record<string, unknown>;
};
await call('settings.update', { contextSize: 2048, threads: 1 });
const key = keyName ? ((await call('server.createKey', { name: keyName })).key as string) : null;
const status = await call('server.configure', { enabled: true, port: Number(port) });
if (!status.url) throw new Error(`the API did not start: ${String(status.error)}`);
process.stdout.write(`${JSON.stringify({ url: status.url, model, key })}\n`);
