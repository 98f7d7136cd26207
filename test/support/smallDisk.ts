import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, type TestContext } from 'node:test';

/**
 * A real small disk: a tmpfs of `size` (mount syntax: '1m', '2m') on a fresh folder, unmounted
 * when the test file ends. Mounting needs root; where it is not allowed the test is skipped with
 * that reason, and null comes back.
 */
export function mountSmallDisk(t: TestContext, size = '1m'): string | null {
  // Not under tempDir(): its clean-up would run before the unmount.
  const mount = mkdtempSync(join(tmpdir(), 'hearth-small-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', mount], { stdio: 'ignore' });
  } catch {
    rmSync(mount, { recursive: true, force: true });
    t.skip('mounting a small tmpfs needs root; this machine does not allow it');
    return null;
  }
  after(() => {
    execFileSync('umount', ['-l', mount]);
    rmSync(mount, { recursive: true, force: true });
  });
  return mount;
}

/** Takes every free byte of the disk at `dir` with one file; returns its path (delete it to free the space). */
export function fillDisk(dir: string): string {
  const filler = join(dir, 'filler');
  const chunk = Buffer.alloc(64 * 1024, 1);
  for (;;) {
    try {
      writeFileSync(filler, chunk, { flag: 'a' });
    } catch {
      // ENOSPC: the disk is full, which is the point. The last partial chunk may have gone in too.
      for (const size of [4096, 512, 1]) {
        try {
          for (;;) writeFileSync(filler, Buffer.alloc(size, 1), { flag: 'a' });
        } catch {
          // smaller pieces next
        }
      }
      return filler;
    }
  }
}
