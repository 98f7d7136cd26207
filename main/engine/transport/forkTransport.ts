import { fork } from 'node:child_process';
import { ENGINE_ENTRY } from '../engineEntryPath.js';
import type { EngineLauncher, EngineTransport } from './EngineTransport.js';
import { killByPid } from './killByPid.js';
import { forEachLine } from './lineSplitter.js';

/**
 * Only loader flags are passed on to the engine: when Hearth runs from TypeScript sources (tests,
 * `npm run dev:web`) the child needs the same loader, but never the parent's test-runner or
 * inspector flags.
 */
function loaderArgs(execArgv: readonly string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    const arg = execArgv[i] ?? '';
    if (/^--(import|require|loader|experimental-loader)=/.test(arg)) kept.push(arg);
    else if (/^(--import|--require|-r|--loader|--experimental-loader)$/.test(arg) && i + 1 < execArgv.length) {
      kept.push(arg, execArgv[i + 1] ?? '');
      i++;
    }
  }
  return kept;
}

/** The plain-Node launcher: the engine (or another worker entry) as a forked child process. */
export const forkLauncher: EngineLauncher = (options) => {
  const execArgv = loaderArgs(process.execArgv);
  if (options.maxOldSpaceMb) execArgv.push(`--max-old-space-size=${options.maxOldSpaceMb}`);
  const child = fork(options.entry ?? ENGINE_ENTRY, [], {
    execArgv,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    env: { ...process.env, ...options.env },
    serialization: 'json',
  });
  const transport: EngineTransport = {
    get pid() {
      return child.pid;
    },
    send(frame) {
      if (child.connected) child.send(frame as object);
    },
    onMessage(listener) {
      child.on('message', listener);
    },
    onExit(listener) {
      child.once('exit', (code, signal) => listener({ code, signal }));
    },
    onOutput(listener) {
      forEachLine(child.stdout, listener);
      forEachLine(child.stderr, listener);
    },
    kill(signal = 'SIGKILL') {
      child.kill(signal);
    },
    killHard() {
      // The same path as the desktop transport's, so the tests exercise what the desktop app runs.
      killByPid(child.pid, () => child.kill('SIGKILL'));
    },
  };
  // A failed spawn emits 'error' and no 'exit'; turn it into an exit so nothing waits forever.
  child.on('error', () => {
    if (child.pid === undefined) child.emit('exit', 127, null);
  });
  return transport;
};
