/**
 * The catalogue and its use agree: every key a `t(...)` call can ask for is in en.ts
 * (a missing one would throw at the moment a person should have read it), and every
 * entry of en.ts is asked for somewhere (a dead entry is a sentence a translator would
 * translate for nothing, or one the code forgot to show).
 */
import { describe, expect, it } from 'vitest';
import { en } from '../../src/messages/en.ts';
import { programOf, type TCall, tCalls, tsFiles } from './source-scan.ts';

// Everything that may produce user-visible text (tests excluded).
// t.ts and plural.ts are the lookup itself, whose key is a parameter.
const files = tsFiles(['src', 'blocks', 'jobs']).filter(
  (f) => f !== 'src/messages/t.ts' && f !== 'src/messages/plural.ts',
);
const calls: TCall[] = tCalls(programOf(files), files);
const known = new Set(Object.keys(en));
const where = (c: TCall) => `${c.file}:${c.line} t(${c.source})`;

describe('the message catalogue', () => {
  it('finds the t(...) calls it checks (the scan is not silently empty)', () => {
    // blocks/help.ts alone asks for 10 keys; the whole app for well over a hundred.
    expect(calls.length).toBeGreaterThan(100);
    expect(calls.some((c) => c.file === 'blocks/help.ts' && c.keys?.[0] === 'usage.title')).toBe(
      true,
    );
  });

  it('resolves every t(...) key from the source: a literal, a choice, or a finite union', () => {
    expect(calls.filter((c) => c.keys === null).map(where)).toEqual([]);
  });

  it('has every key a t(...) call can ask for', () => {
    const missing = calls.flatMap((c) =>
      (c.keys ?? []).filter((k) => !known.has(k)).map((k) => `${where(c)} → ${k}`),
    );
    expect(missing).toEqual([]);
  });

  it('uses every entry of en.ts somewhere', () => {
    const used = new Set(calls.flatMap((c) => c.keys ?? []));
    expect([...known].filter((k) => !used.has(k))).toEqual([]);
  });

  it('counts keys built from a union: health.* from a Health value', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text of a template, on purpose
    const health = calls.find((c) => c.source === '`health.${health}`');
    expect(health?.keys?.sort()).toEqual([
      'health.at_risk',
      'health.healthy',
      'health.insufficient_data',
      'health.watch',
    ]);
  });
});
