/** Validates one agents row: id, name, a known team; Slack id, email, hire date when given. */
import type { Agent } from '../../domain/records.ts';
import type { KnownIds } from '../known-ids.ts';
import { type Checked, checked } from './checked.ts';
import { createFieldReader, type RawRow } from './field-reader.ts';

export function checkAgentRow(row: RawRow, known: KnownIds): Checked<Agent> {
  const read = createFieldReader(row);
  const id = read.text('id', true);
  const name = read.text('name', true);
  const teamId = read.text('team_id', true);
  if (teamId !== undefined && !known.teams.has(teamId)) {
    read.fail('team_id', `unknown team "${teamId}" (import the teams file first)`);
  }
  const slackUserId = read.slackUser('slack_user_id');
  const email = read.email('email');
  const hireDate = read.date('hire_date');
  const site = read.text('site');
  return checked(read.issues, () => {
    const agent: Agent = { id: id as string, name: name as string, team_id: teamId as string };
    if (slackUserId !== undefined) agent.slack_user_id = slackUserId;
    if (email !== undefined) agent.email = email;
    if (hireDate !== undefined) agent.hire_date = hireDate;
    if (site !== undefined) agent.site = site;
    return agent;
  });
}
