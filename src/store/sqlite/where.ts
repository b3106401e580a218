/**
 * A WHERE clause of equalities for the filters given, skipping those left undefined:
 * `whereEquals([['job', 'coaching-dms'], ['status', undefined]])` gives
 * `{ sql: 'WHERE job = ?', params: ['coaching-dms'] }`. Columns are the caller's
 * constants, never input; values go in as parameters.
 */
export function whereEquals(filters: readonly (readonly [string, string | undefined])[]): {
  sql: string;
  params: string[];
} {
  const clauses: string[] = [];
  const params: string[] = [];
  for (const [column, value] of filters) {
    if (value === undefined) continue;
    clauses.push(`${column} = ?`);
    params.push(value);
  }
  return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}
