/**
 * Starts a child process of the `teamhealth` command (or any node script) and collects
 * its output, for tests that run the CLI as an operator would, and may kill it.
 */
import { type ChildProcess, spawn } from 'node:child_process';

export interface Exit {
  code: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
}

/** The environment for a child on the embedded store in `dataDir`: never a MongoDB. */
export function embeddedEnv(
  dataDir: string,
  extra: Record<string, string> = {},
): NodeJS.ProcessEnv {
  const { MONGODB_URI: _mongo, ...env } = process.env;
  return { ...env, TEAMHEALTH_DATA_DIR: dataDir, ...extra };
}

/** Spawns `node …args` with piped output; `done` settles with the exit and all output. */
export function startNode(
  args: string[],
  env: NodeJS.ProcessEnv,
): { child: ChildProcess; done: Promise<Exit> } {
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  const done = new Promise<Exit>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { child, done };
}
