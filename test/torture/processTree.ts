import { readdirSync, readFileSync } from 'node:fs';

export interface ProcessInfo {
  pid: number;
  ppid: number;
  pgid: number;
  /** One-letter state from /proc: R, S, T (stopped), Z (zombie), … */
  state: string;
  command: string;
}

/** Every process this user can see, read from /proc (Linux; empty elsewhere). */
export function listProcesses(): ProcessInfo[] {
  let names: string[];
  try {
    names = readdirSync('/proc');
  } catch {
    return [];
  }
  const found: ProcessInfo[] = [];
  for (const name of names) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // The command may hold spaces and parentheses: the fields start after the last ')'.
      const close = stat.lastIndexOf(')');
      const [state = '?', ppid = '0', pgid = '0'] = stat.slice(close + 2).split(' ');
      const command = readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0').join(' ').trim();
      found.push({ pid: Number(name), ppid: Number(ppid), pgid: Number(pgid), state, command });
    } catch {
      // It ended while we looked.
    }
  }
  return found;
}

/** tsx's esbuild service: the runner's own TypeScript loader, not a child of Hearth. */
const LOADER = /esbuild --service/;

/** Live (not zombie) descendants of `root`, the TypeScript loader's service excepted. */
export function descendantsOf(root: number): ProcessInfo[] {
  const all = listProcesses();
  const result: ProcessInfo[] = [];
  const parents = new Set([root]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const info of all) {
      if (!parents.has(info.pid) && parents.has(info.ppid)) {
        parents.add(info.pid);
        if (info.state !== 'Z' && !LOADER.test(info.command)) result.push(info);
        grew = true;
      }
    }
  }
  return result;
}

/** Live members of a process group (children of a killed process keep its group). */
export function groupMembers(pgid: number): ProcessInfo[] {
  return listProcesses().filter((info) => info.pgid === pgid && info.state !== 'Z');
}

/** Whether `pid` is still a live (not zombie) process. */
export function isAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

/** Waits (on /proc, polled) until none of `pids` is alive; returns those still alive at the safety net. */
export async function waitGone(pids: readonly number[], safetyNetMs = 20_000): Promise<number[]> {
  const deadline = Date.now() + safetyNetMs;
  for (;;) {
    const alive = pids.filter(isAlive);
    if (alive.length === 0 || Date.now() > deadline) return alive;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** SIGKILLs every live descendant of this process (clean-up after a scenario, even a failed one). */
export function killDescendants(root = process.pid): ProcessInfo[] {
  const found = descendantsOf(root);
  for (const info of found) {
    try {
      process.kill(info.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
  return found;
}
