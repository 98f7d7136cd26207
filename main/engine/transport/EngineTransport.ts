/** How an engine process ended. */
export interface EngineExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/**
 * A started engine process, whatever started it: `child_process.fork` under plain Node,
 * Electron's `utilityProcess` in the desktop app.
 */
export interface EngineTransport {
  readonly pid: number | undefined;
  send(frame: unknown): void;
  onMessage(listener: (frame: unknown) => void): void;
  onExit(listener: (exit: EngineExit) => void): void;
  /** Lines the process wrote to stdout or stderr: llama.cpp prints assertion failures there. */
  onOutput(listener: (line: string) => void): void;
  kill(signal?: NodeJS.Signals): void;
  /**
   * Ends the process at once, even one that is stopped or hung: SIGKILL on its pid. A polite
   * signal (Electron's utilityProcess.kill() sends SIGTERM) is never handled by a stopped process.
   */
  killHard(): void;
}

export interface EngineLaunchOptions {
  /** The file to run; the engine's entry unless given (the download worker uses the same launchers). */
  entry?: string;
  /** How the OS task manager names the process (Electron only). */
  serviceName?: string;
  /** A heap limit for the engine's JavaScript; native memory is watched by the supervisor. */
  maxOldSpaceMb?: number;
  env?: Record<string, string>;
}

export type EngineLauncher = (options: EngineLaunchOptions) => EngineTransport;
