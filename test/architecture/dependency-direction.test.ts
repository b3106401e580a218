/**
 * The dependency direction of the whole tree (ARCHITECTURE.md, "The shape"): data flows
 * files → store → analytics → (charts, blocks) → delivery → Slack, and each part imports
 * only the parts to its left. Every relative import (static, `export … from`, dynamic
 * `import()`) of every file in src/, blocks/, jobs/, support/, bench/, scripts/ and test/
 * is read with the compiler's own pre-processor and checked against the table below, the
 * way inline-english.test.ts checks the catalogue. A new folder must be placed in the table
 * before it can import anything.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const SCANNED = ['src', 'blocks', 'jobs', 'support', 'bench', 'scripts', 'test'];

/** The app's parts below the command line: everything `src/commands` may wire together. */
const APP = [
  'src/domain',
  'src/errors.ts',
  'src/log.ts',
  'src/config.ts',
  'src/messages',
  'src/store',
  'src/ingest',
  'src/demo',
  'src/analytics',
  'src/reporting',
  'src/charts',
  'blocks',
  'src/slack',
  'src/dry-run',
  'jobs',
];

/**
 * Each part (a folder, or a file standing alone) and the parts it may import, left to
 * right. A part may always import its own files. Kept in step with ARCHITECTURE.md.
 */
const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  // The bottom: types and small pure rules; the logger; settings.
  'src/domain': [],
  'src/log.ts': [],
  // Config may parse a setting into a domain type (the weekly post slot).
  'src/config.ts': ['src/errors.ts', 'src/domain'],
  // Words: the catalogue, t(), plurals, escaping and value formatting.
  'src/messages': ['src/domain'],
  // Errors carry the catalogue key of their user message (the MessageKey type).
  'src/errors.ts': ['src/messages'],
  // Files → store.
  'src/store': ['src/domain', 'src/errors.ts', 'src/log.ts'],
  'src/ingest': ['src/domain', 'src/errors.ts', 'src/log.ts', 'src/store'],
  'src/demo': ['src/domain', 'src/store'],
  // Store → analytics: pure, so not even the store's types.
  'src/analytics': ['src/domain'],
  // Reads the store and hands the rows to analytics.
  'src/reporting': ['src/domain', 'src/errors.ts', 'src/store', 'src/analytics'],
  // Analytics → (charts, blocks): pure, facts in and configs or blocks out, with words.
  'src/charts': ['src/domain', 'src/messages', 'src/analytics', 'src/log.ts'],
  blocks: ['src/domain', 'src/messages', 'src/analytics'],
  // The dry run's record and page: what the dry-run sink wrote instead of posting.
  'src/dry-run': ['src/domain', 'src/messages'],
  // → delivery → Slack: the Bolt app, its listeners and the delivery engine.
  'src/slack': [
    'src/domain',
    'src/errors.ts',
    'src/log.ts',
    'src/config.ts',
    'src/messages',
    'src/store',
    'src/analytics',
    'src/reporting',
    'src/charts',
    'blocks',
    'src/dry-run',
  ],
  jobs: [
    'src/domain',
    'src/errors.ts',
    'src/log.ts',
    'src/config.ts',
    'src/messages',
    'src/store',
    'src/analytics',
    'src/reporting',
    'src/charts',
    'blocks',
    'src/slack',
  ],
  // The shell: commands wire the app; the CLI dispatches to commands.
  'src/commands': APP,
  'src/cli.ts': ['src/commands', 'src/errors.ts', 'src/config.ts', 'src/log.ts'],
  // Shared by the tests, the benches and the scripts: the Slack stand-in, signed
  // requests, the test organisations and fixtures. Never the other way round.
  support: [...APP, 'src/commands'],
  bench: [...APP, 'src/commands', 'support'],
  scripts: [...APP, 'src/commands', 'support'],
  test: [...APP, 'src/commands', 'src/cli.ts', 'support'],
};

/** The part a repo-relative path belongs to (the longest matching entry), or null. */
function partOf(path: string, parts: readonly string[]): string | null {
  let best: string | null = null;
  for (const part of parts) {
    if ((path === part || path.startsWith(`${part}/`)) && (!best || part.length > best.length))
      best = part;
  }
  return best;
}

/** Relative specifiers a file imports: `import`, `export … from`, `import()`, `require()`. */
function importsOf(text: string): string[] {
  return ts
    .preProcessFile(text, true, true)
    .importedFiles.map((f) => f.fileName)
    .filter((name) => name.startsWith('.'));
}

/**
 * The imports among `files` (repo-relative path → text) that break `allowed`, one line
 * each, plus any file or import target that no part of the table covers.
 * @example directionViolations({ 'blocks/x.ts': "import { a } from '../src/slack/a.ts';" })
 *   // ['blocks/x.ts → src/slack/a.ts (blocks may not import src/slack)']
 */
function directionViolations(
  files: Readonly<Record<string, string>>,
  allowed: Readonly<Record<string, readonly string[]>> = ALLOWED,
): string[] {
  const parts = Object.keys(allowed);
  const found: string[] = [];
  for (const [file, text] of Object.entries(files)) {
    const from = partOf(file, parts);
    if (!from) {
      found.push(`${file} is in no part of the table`);
      continue;
    }
    for (const spec of importsOf(text)) {
      const target = posix.normalize(posix.join(posix.dirname(file), spec));
      const to = partOf(target, parts);
      if (to === from) continue;
      if (!to) found.push(`${file} → ${target} (in no part of the table)`);
      else if (!allowed[from]?.includes(to))
        found.push(`${file} → ${target} (${from} may not import ${to})`);
    }
  }
  return found.sort();
}

/** Every .ts/.mts/.mjs/.js file under the scanned folders, repo-relative with `/`. */
function sourceFiles(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        if (name !== 'node_modules' && name !== '__snapshots__') walk(path);
      } else if (/\.(ts|mts|mjs|js)$/.test(name) && !name.endsWith('.d.ts')) {
        out[relative(root, path).split('\\').join('/')] = readFileSync(path, 'utf8');
      }
    }
  };
  for (const dir of SCANNED) walk(join(root, dir));
  return out;
}

describe('the dependency-direction check', () => {
  it('reports a planted import against the direction, static, re-exported and dynamic', () => {
    expect(
      directionViolations({
        'blocks/planted.ts': [
          "import { ACTION } from '../src/slack/ids.ts';",
          "import { t } from '../src/messages/t.ts';",
          "import { x } from './limits.ts';",
        ].join('\n'),
        'src/analytics/planted.ts': [
          "import type { Store } from '../store/types.ts';",
          "export { median } from './median.ts';",
          "const m = await import('../charts/spec.ts');",
        ].join('\n'),
        'bench/planted.ts': "import { org } from '../test/jobs/org.ts';",
        'src/domain/planted.ts': "import { t } from '../messages/t.ts';",
      }),
    ).toEqual([
      'bench/planted.ts → test/jobs/org.ts (bench may not import test)',
      'blocks/planted.ts → src/slack/ids.ts (blocks may not import src/slack)',
      'src/analytics/planted.ts → src/charts/spec.ts (src/analytics may not import src/charts)',
      'src/analytics/planted.ts → src/store/types.ts (src/analytics may not import src/store)',
      'src/domain/planted.ts → src/messages/t.ts (src/domain may not import src/messages)',
    ]);
  });

  it('ignores imports in comments and strings, and package imports', () => {
    expect(
      directionViolations({
        'src/domain/planted.ts': [
          "// import { t } from '../messages/t.ts';",
          "/* export * from '../slack/ids.ts'; */",
          'const text = "import x from \'../store/types.ts\'";',
          "import { z } from 'zod';",
        ].join('\n'),
      }),
    ).toEqual([]);
  });

  it('reports a file or a target that no part of the table covers', () => {
    expect(
      directionViolations({
        'src/newpart/x.ts': "import { a } from '../domain/a.ts';",
        'src/domain/y.ts': "import { b } from '../newpart/b.ts';",
      }),
    ).toEqual([
      'src/domain/y.ts → src/newpart/b.ts (in no part of the table)',
      'src/newpart/x.ts is in no part of the table',
    ]);
  });

  it('lets a part import its own files and the parts to its left', () => {
    expect(
      directionViolations({
        'src/slack/x.ts': [
          "import { a } from './listeners/a.ts';",
          "import { b } from '../../blocks/b.ts';",
          "import { c } from '../domain/c.ts';",
        ].join('\n'),
        'test/x.test.ts': "import { d } from '../support/slack-stand-in.ts';",
      }),
    ).toEqual([]);
  });
});

describe('the tree follows the dependency direction', () => {
  const files = sourceFiles(ROOT);

  it('scans every part of the tree', () => {
    const seen = new Set(Object.keys(files).map((f) => partOf(f, Object.keys(ALLOWED))));
    for (const part of ['src/domain', 'src/analytics', 'blocks', 'src/slack', 'jobs', 'support'])
      expect(seen).toContain(part);
    expect(Object.keys(files).length).toBeGreaterThan(300);
  });

  it('has no import against the direction', () => {
    expect(directionViolations(files)).toEqual([]);
  });

  it('names only parts that exist', () => {
    for (const part of Object.keys(ALLOWED))
      expect(statSync(join(ROOT, part), { throwIfNoEntry: false }), part).toBeDefined();
  });
});
