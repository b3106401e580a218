/**
 * A progress bar by bytes read, on stderr, only when stderr is a terminal and the
 * operator did not pass --no-progress. Otherwise every call does nothing, so piped
 * output and logs stay clean.
 */
import { basename } from 'node:path';
import cliProgress from 'cli-progress';

export interface Progress {
  start(file: string, totalBytes: number): void;
  update(bytesRead: number): void;
  stop(): void;
}

const MB = 1024 * 1024;

export function createProgress(
  enabled: boolean,
  stream: NodeJS.WriteStream = process.stderr,
): Progress {
  if (!enabled || !stream.isTTY) return { start() {}, update() {}, stop() {} };
  let bar: cliProgress.SingleBar | null = null;
  return {
    start(file, totalBytes) {
      bar = new cliProgress.SingleBar(
        {
          stream,
          format: '{file} [{bar}] {percentage}% | {done}/{size} MB | eta {eta_formatted}',
          hideCursor: true,
          clearOnComplete: true,
        },
        cliProgress.Presets.shades_classic,
      );
      bar.start(totalBytes, 0, {
        file: basename(file),
        done: '0.0',
        size: (totalBytes / MB).toFixed(1),
      });
    },
    update(bytesRead) {
      bar?.update(bytesRead, { done: (bytesRead / MB).toFixed(1) });
    },
    stop() {
      bar?.stop();
      bar = null;
    },
  };
}
