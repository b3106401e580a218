#!/usr/bin/env node
// Compiles the `teamhealth` command to JavaScript in dist/, so a start does not pay for
// loading TypeScript through tsx. Run by scripts/setup.mjs (and so first by `npm run
// demo`, `npm test` and `npm run bench`), or alone: `node scripts/build-cli.mjs [--force]`.
// A no-op while dist/ is fresh (scripts/cli-bundle.mjs).
//
// Two entry points, dist/cli.js and dist/chart-worker.js (the chart pool's thread), split
// into shared chunks so each command's dynamic import stays lazy. Every output file sits
// directly in dist/, one folder below the package root: code that finds files from its
// own location relies on that (src/charts/pool.ts, src/ingest/profiles/load-profile.ts).
//
// Small pure-JavaScript packages on the command paths are bundled in: loading them from
// node_modules costs a file lookup and a compile per module (zod alone is some 95 files,
// the @stdlib distributions over a hundred). Every other package stays an ordinary import
// from node_modules: the native ones (better-sqlite3, canvas), the ones that find files
// beside themselves (pino, node-cron), and the server's (Bolt, MongoDB). zod is imported
// as a namespace (`import * as z`, held by biome.json) so the bundle keeps only the parts
// used: not its messages in forty languages nor its JSON Schema support.
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  BUILD_FILES,
  BUNDLE_DIR,
  bundleFreshness,
  MANIFEST_FILE,
  MANIFEST_FORMAT,
  stamp,
} from './cli-bundle.mjs';

const BUNDLED_PACKAGES = new Set([
  'commander',
  'zod',
  'luxon',
  'yaml',
  'stream-json',
  'csv-stringify',
  'cli-progress',
  'seedrandom',
]);
const BUNDLED_SCOPES = ['@stdlib/'];

function packageName(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** Our imports of a package stay external unless it is listed; a bundled package's own imports are bundled with it. */
const externalUnlessListed = {
  name: 'external-unless-listed',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      if (isBuiltin(args.path)) return { path: args.path, external: true };
      if (args.importer.split('\\').join('/').includes('/node_modules/')) return undefined;
      const name = packageName(args.path);
      if (BUNDLED_PACKAGES.has(name) || BUNDLED_SCOPES.some((s) => name.startsWith(s))) {
        return undefined;
      }
      return { path: args.path, external: true };
    });
  },
};

// Bundled CommonJS packages call require() for Node's own modules; an ES module has none.
const REQUIRE_SHIM =
  "import { createRequire as __teamhealthCreateRequire } from 'node:module';\n" +
  'const require = __teamhealthCreateRequire(import.meta.url);';

function previousOutputs(dir) {
  try {
    const outputs = JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8')).outputs;
    return Array.isArray(outputs) ? outputs : [];
  } catch {
    return [];
  }
}

/**
 * Builds dist/ unless it is fresh.
 * @returns `{ built: false }`, or `{ built: true, ms, why }`
 * @throws Error with esbuild's messages when the sources do not compile
 */
export async function buildCli(root, { force = false } = {}) {
  const freshness = bundleFreshness(root);
  if (freshness.fresh && !force) return { built: false };
  const started = Date.now();
  const { build } = await import('esbuild');
  const dir = join(root, BUNDLE_DIR);
  const keep = previousOutputs(dir);
  // Without its manifest the old bundle is stale: a command started during the build runs
  // from source. Its chunks stay until the next build, for a process still running it.
  rmSync(join(dir, MANIFEST_FILE), { force: true });
  const result = await build({
    absWorkingDir: root,
    entryPoints: { cli: 'src/cli.ts', 'chart-worker': 'src/charts/worker.ts' },
    outdir: BUNDLE_DIR,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    banner: { js: REQUIRE_SHIM },
    plugins: [externalUnlessListed],
    metafile: true,
    logLevel: 'silent',
  });
  const inputs = Object.keys(result.metafile.inputs).filter(
    (file) => !file.split('\\').join('/').includes('node_modules/'),
  );
  const files = {};
  for (const file of [...inputs, ...BUILD_FILES]) {
    const now = stamp(root, file);
    if (now === null) throw new Error(`build-cli: ${file} vanished during the build`);
    // A file saved while esbuild ran may not be what it read: leave the bundle stale.
    if (now[1] >= started) {
      return { built: false, why: `${file} changed during the build; run it again` };
    }
    files[file.split('\\').join('/')] = now;
  }
  const outputs = Object.keys(result.metafile.outputs).map((file) => relative(BUNDLE_DIR, file));
  for (const name of readdirSync(dir)) {
    if (!outputs.includes(name) && !keep.includes(name)) rmSync(join(dir, name), { force: true });
  }
  writeFileSync(
    join(dir, MANIFEST_FILE),
    `${JSON.stringify({ format: MANIFEST_FORMAT, builtAt: new Date(started).toISOString(), outputs, files })}\n`,
  );
  return { built: true, ms: Date.now() - started, why: freshness.why };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  try {
    const result = await buildCli(root, { force: process.argv.includes('--force') });
    if (result.built) {
      process.stderr.write(`teamhealth build: built dist/ in ${result.ms} ms (${result.why})\n`);
    } else if (result.why) {
      process.stderr.write(`teamhealth build: not built: ${result.why}\n`);
    }
  } catch (error) {
    process.stderr.write(`teamhealth build: ${error.message}\n`);
    process.exitCode = 1;
  }
}
