import type { EngineExit } from './transport/EngineTransport.js';

const CRASH_SIGNALS = new Set(['SIGSEGV', 'SIGBUS', 'SIGILL', 'SIGFPE']);

/**
 * Says, for the user, why an engine process ended, using the last lines it printed: llama.cpp's
 * assertion failures and V8's out-of-memory message arrive on stderr just before the process dies.
 */
export function describeExit(exit: EngineExit, lastLines: readonly string[]): string {
  const clue = lastLines.findLast((line) => /GGML_ASSERT|assert|out of memory|heap limit|error/i.test(line));
  const withClue = (text: string) => (clue ? `${text}: ${shortenPaths(clue).slice(0, 300)}` : text);
  if (exit.signal === 'SIGKILL') return withClue('killed (SIGKILL); the system may have run out of memory');
  if (exit.signal === 'SIGABRT' || exit.code === 134) return withClue('native abort (SIGABRT)');
  if (exit.signal && CRASH_SIGNALS.has(exit.signal)) return withClue(`crashed (${exit.signal})`);
  if (exit.signal) return `ended by ${exit.signal}`;
  if (exit.code === 0) return 'exited';
  return withClue(`exited with code ${exit.code ?? 'unknown'}`);
}

/** `…/llama.cpp/src/llama-model-loader.cpp:1328` (the path on the machine that built llama.cpp) → `src/llama-model-loader.cpp:1328` */
function shortenPaths(line: string): string {
  return line.trim().replace(/\S*[\\/](?=(?:src|ggml)[\\/])/g, '');
}
