/** Validates one contact-reason volume row: a real date, a known team, a reason, a count. */
import type { ContactVolume } from '../../domain/records.ts';
import type { KnownIds } from '../known-ids.ts';
import { type Checked, checked } from './checked.ts';
import { createFieldReader, type RawRow } from './field-reader.ts';

export function checkContactRow(row: RawRow, known: KnownIds): Checked<ContactVolume> {
  const read = createFieldReader(row);
  const date = read.date('date', true);
  const teamId = read.text('team_id', true);
  if (teamId !== undefined && !known.teams.has(teamId)) {
    read.fail('team_id', `unknown team "${teamId}" (import the teams file first)`);
  }
  const reason = read.text('reason', true);
  const count = read.count('count', true);
  return checked(read.issues, () => ({
    date: date as string,
    team_id: teamId as string,
    reason: reason as string,
    count: count as number,
  }));
}
