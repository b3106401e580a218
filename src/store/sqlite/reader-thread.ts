/**
 * A second, read-only connection to the same file on a worker thread, so that two of the
 * store's big reads run at once: the organisation report asks for two windows of every
 * agent's sums (a GROUP BY over some 140k agent-days each) and the team-day rollup
 * together. SQLite in WAL mode lets both connections read while a writer writes.
 *
 * `tryRun` hands a query to the thread only while the thread is idle and says so by
 * returning a promise; otherwise it returns undefined and the caller runs the query on
 * its own connection. Requests never queue behind each other, so a report's reads split
 * between the two connections by themselves. Idle is read from memory the two threads
 * share, not from the thread's answer: that answer waits for this thread's event loop,
 * which is busy running the caller's own query just when the next one is handed out. A
 * thread that fails is not used again; the caller's connection does the work.
 *
 * Only single values come back (a query's one column of one row: the store's reads pack
 * their rows into one JSON text), so nothing but a string crosses between threads.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

export interface ReaderThread {
  /** The first column of the first row of `sql`, or undefined when the thread is busy or gone. */
  tryRun(sql: string, params: readonly unknown[]): Promise<unknown> | undefined;
  close(): Promise<void>;
}

export interface ReaderSettings {
  file: string;
  busyTimeoutMs: number;
  /** SQLite's page cache for the thread's connection, in KiB. */
  cacheKib: number;
}

// Plain JavaScript evaluated in the thread, so it runs the same from the sources (tsx)
// and from the compiled CLI; the driver's path is resolved here and handed over.
const THREAD_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { readonly: true, fileMustExist: true });
db.pragma('busy_timeout = ' + workerData.busyTimeoutMs);
db.pragma('cache_size = -' + workerData.cacheKib);
db.pragma('temp_store = MEMORY');
const busy = new Int32Array(workerData.busy);
const statements = new Map();
parentPort.on('message', ({ id, sql, params }) => {
  if (sql === null) {
    db.close();
    parentPort.close();
    return;
  }
  let answer;
  try {
    let statement = statements.get(sql);
    if (statement === undefined) {
      statement = db.prepare(sql).pluck();
      statements.set(sql, statement);
    }
    answer = { id, value: statement.get(...params) };
  } catch (error) {
    answer = { id, error: { message: String(error.message), code: error.code } };
  }
  // Idle before the answer is sent: whoever receives it may hand over the next query.
  Atomics.sub(busy, 0, 1);
  parentPort.postMessage(answer);
});
`;

/** The thread is gone (it failed or was closed): the caller runs the query itself. */
export class ReaderGoneError extends Error {}

interface Pending {
  id: number;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

export function startReaderThread(settings: ReaderSettings): ReaderThread {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  /** [0]: queries handed to the thread and not yet run. */
  const busy = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(THREAD_SOURCE, {
    eval: true,
    workerData: { driver, busy: busy.buffer, ...settings },
  });
  // An idle thread does not keep the process alive; one with a query in flight does.
  worker.unref();
  const pending = new Map<number, Pending>();
  let usable = true;
  let nextId = 1;

  const fail = (error: ReaderGoneError) => {
    usable = false;
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
  };
  worker.on(
    'message',
    (message: { id: number; value?: unknown; error?: { message: string; code?: string } }) => {
      const waiting = pending.get(message.id);
      if (waiting === undefined) return;
      pending.delete(message.id);
      if (pending.size === 0) worker.unref();
      if (message.error) {
        const error = new Error(message.error.message) as Error & { code?: string };
        if (message.error.code !== undefined) error.code = message.error.code;
        waiting.reject(error);
      } else {
        waiting.resolve(message.value);
      }
    },
  );
  worker.on('error', (error) =>
    fail(new ReaderGoneError(`the store's reader thread failed: ${error.message}`)),
  );
  worker.on('exit', (code) =>
    fail(new ReaderGoneError(`the store's reader thread stopped (exit ${code})`)),
  );

  return {
    tryRun(sql, params) {
      if (!usable || Atomics.load(busy, 0) !== 0) return undefined;
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { id, resolve, reject });
        Atomics.add(busy, 0, 1);
        worker.ref();
        worker.postMessage({ id, sql, params });
      });
    },
    async close() {
      if (!usable) return;
      usable = false;
      const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
      worker.postMessage({ id: 0, sql: null, params: [] });
      worker.ref();
      await exited;
    },
  };
}
