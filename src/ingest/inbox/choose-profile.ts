/**
 * The profile an inbox file is read through: a sidecar mapping beside it
 * (`kpis.csv.mapping.yml`) first; else the first profile one of whose `files` patterns
 * matches its name (`zendesk*` takes `zendesk-2026-11-30.csv`); else none, and the file
 * is read as our own columns (its kind inferred, aliases accepted).
 */
import type { Mapping } from '../profiles/mapping.ts';

/**
 * A file-name glob as a whole-name, case-insensitive test: `*` any run of characters,
 * `?` any one.
 * @example globMatches('zendesk*', 'Zendesk-2026-11-30.csv') // true
 */
export function globMatches(pattern: string, name: string): boolean {
  const source = pattern
    .split('')
    .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[\\^$.|+()[\]{}]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`, 'i').test(name);
}

export function profileForName(name: string, profiles: readonly Mapping[]): Mapping | undefined {
  return profiles.find((profile) => profile.files.some((pattern) => globMatches(pattern, name)));
}
