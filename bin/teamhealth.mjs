#!/usr/bin/env node
// The `teamhealth` command. Runs the compiled CLI in dist/ (built by the setup step,
// scripts/build-cli.mjs) when it was built from exactly the sources there now; otherwise,
// or with TEAMHEALTH_FROM_SOURCE=1, the TypeScript sources through tsx, so an edited file
// takes effect at once, with no build step between an edit and a working command.
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BUNDLE_DIR, bundleFreshness } from '../scripts/cli-bundle.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

if (process.env.TEAMHEALTH_FROM_SOURCE !== '1' && bundleFreshness(root).fresh) {
  await import(pathToFileURL(join(root, BUNDLE_DIR, 'cli.js')).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli.ts');
}
