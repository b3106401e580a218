/**
 * The chart worker thread: receives { id, spec } messages, renders with renderer.ts and
 * answers { id, png } or { id, error }. Loaded through worker-entry.mjs, which makes
 * TypeScript importable first.
 */
import { platform, setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { renderSpec } from './renderer.ts';
import type { ChartSpec } from './spec.ts';

export interface RenderRequest {
  id: number;
  spec: ChartSpec;
}

/** Asks the worker to finish: it closes its port and the thread ends on its own. */
export interface CloseRequest {
  close: true;
}

export type RenderResponse = { id: number; png: Uint8Array } | { id: number; error: string };

if (!parentPort) throw new Error('src/charts/worker.ts must run in a worker thread (see pool.ts)');
const port = parentPort;

// On Linux a nice value belongs to the thread that sets it (setpriority with pid 0), so
// chart threads yield the CPU to the main thread that acks Slack even when every core is
// busy drawing. Elsewhere it would renice the whole process, so it is left alone there.
if (platform() === 'linux') {
  try {
    setPriority(10);
  } catch {
    // Not permitted in some containers; charts still render, only without the yield.
  }
}

port.on('message', (message: RenderRequest | CloseRequest) => {
  // Leaving by emptying the event loop, not worker.terminate(): terminating a thread that
  // holds node-canvas surfaces can crash the process (seen with canvas 3 on Node 20).
  if ('close' in message) {
    port.close();
    return;
  }
  const { id, spec } = message;
  let response: RenderResponse;
  try {
    const png = renderSpec(spec);
    // A fresh ArrayBuffer we own, so it can be transferred rather than copied.
    const bytes = new Uint8Array(png.length);
    bytes.set(png);
    response = { id, png: bytes };
    port.postMessage(response, [bytes.buffer]);
    return;
  } catch (error) {
    response = { id, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(response);
});
