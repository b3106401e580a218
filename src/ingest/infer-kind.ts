/**
 * Which kind of file a set of columns is, when the operator did not say (--kind).
 * Exactly one kind's signature columns must all be present; otherwise the answer is a
 * message listing the columns seen and the kinds expected. A kind's aliases count as its
 * columns (`agent_id, name, team_id` is an agents file).
 */
import { canonicalColumns, IMPORT_KINDS, type ImportKind, KIND_SPECS } from './kinds.ts';

export type KindGuess = { kind: ImportKind } | { problem: string };

/**
 * @example inferKind(['date', 'agent_id', 'contacts_handled', 'csat_responses']) // { kind: 'kpis' }
 */
export function inferKind(columns: readonly string[]): KindGuess {
  const matches = IMPORT_KINDS.filter((kind) => {
    const seen = new Set(canonicalColumns(kind, columns));
    return KIND_SPECS[kind].signature.every((column) => seen.has(column));
  });
  if (matches.length === 1 && matches[0]) return { kind: matches[0] };
  const shown = columns.length > 0 ? columns.join(', ') : '(none)';
  if (matches.length > 1) {
    return {
      problem: `its columns (${shown}) fit more than one kind (${matches.join(', ')}); pass --kind`,
    };
  }
  return { problem: `cannot tell what it holds from its columns (${shown}); ${expectedKinds()}` };
}

/** "expected one of: teams (id, name, timezone), …, or pass --kind" */
export function expectedKinds(): string {
  const list = IMPORT_KINDS.map((kind) => `${kind} (${KIND_SPECS[kind].signature.join(', ')})`);
  return `expected the columns of one of: ${list.join('; ')}; or pass --kind`;
}
