/**
 * A small pool of chart worker threads, so drawing never blocks the event loop that
 * acks Slack (issue #4: "a slash command's ack is never late because a job is drawing
 * 200 charts"). Size min(2, cores); jobs queue in order; a worker that dies fails its
 * job and is replaced.
 */
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ChartSpec } from './spec.ts';
import type { CloseRequest, RenderRequest, RenderResponse } from './worker.ts';

// From source this file is src/charts/pool.ts and its thread loads the TypeScript worker
// through worker-entry.mjs; in the compiled CLI it is a chunk in dist/, beside the
// compiled worker (scripts/build-cli.mjs).
const ENTRY = new URL(
  import.meta.url.endsWith('.ts') ? './worker-entry.mjs' : './chart-worker.js',
  import.meta.url,
);

export interface ChartPool {
  /** Renders in a worker; resolves to PNG bytes, rejects with the renderer's message. */
  renderChart(spec: ChartSpec): Promise<Buffer>;
  /** Stops the workers; queued and in-flight renders reject. */
  close(): Promise<void>;
  readonly size: number;
}

interface Job {
  id: number;
  spec: ChartSpec;
  resolve: (png: Buffer) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  job: Job | null;
}

/** The default pool size: min(2, cores), leaving a core to the main thread on bigger hosts. */
export function defaultPoolSize(): number {
  return Math.max(1, Math.min(2, availableParallelism()));
}

/**
 * @param size number of worker threads (1…16)
 * @throws Error when size is not a whole number from 1 to 16
 */
export function createChartPool(size = defaultPoolSize()): ChartPool {
  if (!Number.isInteger(size) || size < 1 || size > 16) {
    throw new Error(`createChartPool: size must be a whole number from 1 to 16 (got ${size})`);
  }
  const queue: Job[] = [];
  const slots: Slot[] = [];
  let nextId = 1;
  let closed = false;

  const spawn = (): Slot => {
    const slot: Slot = { worker: new Worker(ENTRY), job: null };
    slot.worker.on('message', (message: RenderResponse) => {
      const job = slot.job;
      slot.job = null;
      if (job && job.id === message.id) {
        if ('error' in message)
          job.reject(new Error(`Chart ${job.spec.kind} failed: ${message.error}`));
        else
          job.resolve(
            Buffer.from(message.png.buffer, message.png.byteOffset, message.png.byteLength),
          );
      }
      pump();
    });
    const fail = (error: Error) => {
      const job = slot.job;
      slot.job = null;
      job?.reject(
        new Error(`Chart worker stopped while drawing ${job.spec.kind}: ${error.message}`),
      );
      const index = slots.indexOf(slot);
      if (index >= 0) slots.splice(index, 1);
      if (!closed) {
        slots.push(spawn());
        pump();
      }
    };
    slot.worker.on('error', fail);
    slot.worker.on('exit', (code) => {
      if (slots.includes(slot)) fail(new Error(`exit code ${code}`));
    });
    // Idle workers must not keep the process alive (a CLI run ends when its work is done).
    slot.worker.unref();
    return slot;
  };

  const pump = () => {
    for (const slot of slots) {
      if (slot.job) continue;
      const job = queue.shift();
      if (!job) break;
      slot.job = job;
      slot.worker.ref();
      const request: RenderRequest = { id: job.id, spec: job.spec };
      slot.worker.postMessage(request);
    }
    for (const slot of slots) if (!slot.job) slot.worker.unref();
  };

  keepCanvasLoaded();
  for (let i = 0; i < size; i++) slots.push(spawn());

  return {
    size,
    renderChart(spec) {
      if (closed) return Promise.reject(new Error('renderChart: the chart pool is closed'));
      return new Promise<Buffer>((resolve, reject) => {
        queue.push({ id: nextId++, spec, resolve, reject });
        pump();
      });
    },
    async close() {
      closed = true;
      const pending = [...queue.splice(0), ...slots.flatMap((s) => (s.job ? [s.job] : []))];
      const workers = slots.splice(0).map((s) => s.worker);
      for (const job of pending)
        job.reject(new Error('Chart pool closed before the chart was drawn'));
      await Promise.all(workers.map(stopWorker));
    },
  };
}

/**
 * Lets a worker end by itself (see worker.ts on why not terminate()); a worker busy
 * with a long render is terminated after `graceMs`.
 */
function stopWorker(worker: Worker, graceMs = 5000): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => void worker.terminate(), graceMs);
    timer.unref();
    worker.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    worker.ref();
    const request: CloseRequest = { close: true };
    worker.postMessage(request);
  });
}

/**
 * Loads node-canvas's native library in the main thread too. When only workers load it,
 * the library is unloaded as the last worker exits while its font and cairo state are
 * still referenced, and the whole process dies with SIGSEGV (reproduced on Node 20 with
 * canvas 3; the same pattern as napi-rs/package-template#308).
 */
function keepCanvasLoaded(): void {
  createRequire(import.meta.url)('canvas');
}
