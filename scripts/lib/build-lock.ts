import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface Lock {
  /** Set when a live process holds it: this build did not get it. */
  heldBy?: number;
  /** The last holder died without releasing it: whatever it guarded may be half written. */
  wasInterrupted: boolean;
  release(): Promise<void>;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * A folder taken with mkdir (atomic), holding the taker's process id. A lock
 * left by a process that no longer runs is taken over, and says so.
 */
export async function takeLock(folder: string): Promise<Lock> {
  const pidFile = path.join(folder, 'pid');
  const release = async () => {
    await rm(folder, { recursive: true, force: true });
  };
  let wasInterrupted = false;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await mkdir(path.dirname(folder), { recursive: true });
      await mkdir(folder);
      await writeFile(pidFile, String(process.pid));
      return { wasInterrupted, release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number(await readFile(pidFile, 'utf8').catch(() => ''));
      // A folder without a pid yet may be a taker between its two steps: treat it as held.
      if (!Number.isInteger(pid) || pid <= 0 || alive(pid)) return { heldBy: pid || -1, wasInterrupted: false, release: async () => {} };
      wasInterrupted = true;
      await release();
    }
  }
  return { heldBy: -1, wasInterrupted, release: async () => {} };
}
