import { utilityProcess } from 'electron';
import { ENGINE_ENTRY } from '../engine/engineEntryPath.js';
import type { EngineLauncher, EngineTransport } from '../engine/transport/EngineTransport.js';
import { killByPid } from '../engine/transport/killByPid.js';
import { forEachLine } from '../engine/transport/lineSplitter.js';

/**
 * The desktop launcher: the engine as an Electron utility process (Chromium's process model,
 * Node inside, no access to windows). Electron reports no signal on exit, only a code, and a
 * separate 'error' event for V8 fatal errors; both are folded into the common exit shape.
 */
export const utilityProcessLauncher: EngineLauncher = (options) => {
  const child = utilityProcess.fork(options.entry ?? ENGINE_ENTRY, [], {
    serviceName: options.serviceName ?? 'Hearth engine',
    stdio: 'pipe',
    env: { ...process.env, ...options.env },
    execArgv: options.maxOldSpaceMb ? [`--max-old-space-size=${options.maxOldSpaceMb}`] : [],
  });
  let fatal: string | null = null;
  child.on('error', (type) => {
    fatal = String(type);
  });
  const transport: EngineTransport = {
    get pid() {
      return child.pid;
    },
    send(frame) {
      child.postMessage(frame);
    },
    onMessage(listener) {
      child.on('message', listener);
    },
    onExit(listener) {
      child.once('exit', (code) => listener({ code, signal: fatal === 'FatalError' ? 'SIGABRT' : null }));
    },
    onOutput(listener) {
      forEachLine(child.stdout, listener);
      forEachLine(child.stderr, listener);
    },
    kill() {
      // Electron sends SIGTERM whatever is asked: a polite end for a process that still runs.
      child.kill();
    },
    killHard() {
      killByPid(child.pid, () => child.kill());
    },
  };
  return transport;
};
