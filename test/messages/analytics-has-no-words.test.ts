/**
 * Words at the edge (ARCHITECTURE.md): src/analytics returns facts and codes, and only
 * blocks/ and src/messages/ make sentences. So no file in src/analytics may import from
 * src/messages (the catalogue, t, plurals, the escaping or the reasons' words).
 */
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tsFiles } from './source-scan.ts';

/** Every import or re-export specifier in a file's text (static and dynamic). */
function specifiers(text: string): string[] {
  const out: string[] = [];
  const pattern =
    /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]/g;
  for (const m of text.matchAll(pattern)) out.push((m[1] ?? m[2]) as string);
  return out;
}

/**
 * The imports of `files` (repo-relative path → text) that land in src/messages.
 * @example wordImports({ 'src/analytics/x.ts': "import { t } from '../messages/t.ts';" })
 *   // ['src/analytics/x.ts → ../messages/t.ts']
 */
function wordImports(files: Readonly<Record<string, string>>): string[] {
  const found: string[] = [];
  for (const [file, text] of Object.entries(files)) {
    for (const spec of specifiers(text)) {
      if (!spec.startsWith('.')) continue;
      const target = relative(ROOT, resolve(ROOT, dirname(file), spec));
      if (target === join('src', 'messages') || target.startsWith(`${join('src', 'messages')}/`))
        found.push(`${file} → ${spec}`);
    }
  }
  return found;
}

describe('src/analytics has no words', () => {
  it('finds a planted import of the catalogue, of t, and a dynamic one', () => {
    expect(
      wordImports({
        'src/analytics/planted.ts': [
          "import { t } from '../messages/t.ts';",
          "import type { MessageKey } from '../messages/en.ts';",
          "const m = await import('../messages/reasons.ts');",
          "import { median } from './median.ts';",
        ].join('\n'),
      }),
    ).toEqual([
      'src/analytics/planted.ts → ../messages/t.ts',
      'src/analytics/planted.ts → ../messages/en.ts',
      'src/analytics/planted.ts → ../messages/reasons.ts',
    ]);
  });

  it('scans every file of src/analytics and none imports src/messages', () => {
    const files = tsFiles(['src/analytics']);
    expect(files.length).toBeGreaterThan(15);
    const texts = Object.fromEntries(files.map((f) => [f, readFileSync(join(ROOT, f), 'utf8')]));
    expect(wordImports(texts)).toEqual([]);
  });
});
