// Where the compiled CLI lives and whether it may be run. Plain Node, no dependencies:
// bin/teamhealth.mjs asks on every start, so the check is a few dozen stat calls.
//
// scripts/build-cli.mjs bundles src/cli.ts (and the chart worker) into dist/ and writes
// dist/build.json last, listing the size and modification time of every file the bundle
// was built from, plus the files that decide how it was built. The bundle is fresh while
// each of those files is still there with the same size and time; otherwise the command
// runs the TypeScript sources through tsx, so an edited file never runs as stale code.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const BUNDLE_DIR = 'dist';
export const MANIFEST_FILE = 'build.json';
/** Bumped when the manifest's shape or the bundle's layout changes. */
export const MANIFEST_FORMAT = 1;

/**
 * Files that are not inputs of the bundle but decide what it holds: the build itself,
 * the compiler settings, and the installed packages (npm rewrites
 * node_modules/.package-lock.json on every install), which stand in for the package
 * files bundled into dist/.
 */
export const BUILD_FILES = [
  'scripts/build-cli.mjs',
  'scripts/cli-bundle.mjs',
  'tsconfig.json',
  'package.json',
  'node_modules/.package-lock.json',
];

/** `[size, mtimeMs]` of a repo-relative file, or null when it is gone. */
export function stamp(root, file) {
  // Concatenated rather than path.join-ed and not thrown when missing: this runs a few
  // hundred times on every start of the command.
  const s = statSync(`${root}/${file}`, { throwIfNoEntry: false });
  return s ? [s.size, s.mtimeMs] : null;
}

/**
 * Whether dist/ was built from exactly the files that are there now.
 * @returns `{ fresh: true }`, or `{ fresh: false, why }` naming the first difference
 */
export function bundleFreshness(root) {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(join(root, BUNDLE_DIR, MANIFEST_FILE), 'utf8'));
  } catch {
    return { fresh: false, why: 'not built' };
  }
  if (manifest.format !== MANIFEST_FORMAT || typeof manifest.files !== 'object') {
    return { fresh: false, why: 'built by another version of the build' };
  }
  for (const file in manifest.files) {
    const recorded = manifest.files[file];
    const now = stamp(root, file);
    if (now === null) return { fresh: false, why: `${file} is gone` };
    if (now[0] !== recorded[0] || now[1] !== recorded[1]) {
      return { fresh: false, why: `${file} changed` };
    }
  }
  return { fresh: true };
}
