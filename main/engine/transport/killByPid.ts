/**
 * SIGKILL on a process id: the one way to end a process that is stopped (SIGSTOP) or stuck in
 * native code, which never runs a signal handler. Falls back to `orElse` when the pid is unknown
 * (the process never started) or already gone.
 */
export function killByPid(pid: number | undefined, orElse: () => void): void {
  if (pid === undefined) {
    orElse();
    return;
  }
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    orElse();
  }
}
