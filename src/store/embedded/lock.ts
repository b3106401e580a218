/**
 * An exclusive lock on the embedded store's folder: an O_EXCL pid file. The embedded
 * store keeps its data in one process's memory, so exactly one process may open a folder;
 * several app instances need MongoDB. A lock left by a dead process (its pid no longer
 * runs on this host) is taken over.
 */
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { StoreError, StoreLockedError } from '../../errors.ts';

export const LOCK_FILE = 'LOCK';

interface LockInfo {
  pid: number;
  hostname: string;
  since: string;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLock(path: string): LockInfo | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as LockInfo;
  } catch {
    return null;
  }
}

/**
 * Takes the folder's lock and returns its release function.
 * @throws StoreLockedError naming the pid (and host) that holds it.
 */
export function lockFolder(dir: string): () => void {
  const path = join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt++) {
    let fd: number;
    try {
      fd = openSync(path, 'wx');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new StoreError(`cannot create lock file ${path}: ${(error as Error).message}`, error);
      }
      const holder = readLock(path);
      const sameHost = holder?.hostname === hostname();
      if (holder && (!sameHost || holder.pid === process.pid || isRunning(holder.pid))) {
        throw new StoreLockedError(
          `the data folder ${dir} is in use by pid ${holder.pid} on ${holder.hostname} (since ${holder.since}); ` +
            `the embedded store allows one process per folder — stop that process, or use MongoDB ` +
            `(MONGODB_URI) to run several app instances. If that process is gone, delete ${path}.`,
        );
      }
      // Stale (dead pid on this host) or unreadable half-written lock: take it over.
      // Two processes racing here could both unlink; one then fails on 'wx' and retries.
      try {
        unlinkSync(path);
      } catch {
        // Already removed by a racing opener.
      }
      continue;
    }
    const info: LockInfo = {
      pid: process.pid,
      hostname: hostname(),
      since: new Date().toISOString(),
    };
    writeSync(fd, JSON.stringify(info));
    closeSync(fd);
    return () => {
      const current = readLock(path);
      if (current?.pid === process.pid) unlinkSync(path);
    };
  }
  throw new StoreLockedError(
    `could not take the lock ${path} after 3 attempts (another process keeps taking it)`,
  );
}
