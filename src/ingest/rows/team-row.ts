/** Validates one teams row: id, name, IANA timezone; channel and lead Slack ids when given. */
import type { Team } from '../../domain/records.ts';
import { type Checked, checked } from './checked.ts';
import { createFieldReader, type RawRow } from './field-reader.ts';

export function checkTeamRow(row: RawRow): Checked<Team> {
  const read = createFieldReader(row);
  const id = read.text('id', true);
  const name = read.text('name', true);
  const timezone = read.timeZone('timezone', true);
  const channelId = read.slackChannel('channel_id');
  const leads = read.slackUsers('lead_slack_ids');
  const site = read.text('site');
  return checked(read.issues, () => ({
    id: id as string,
    name: name as string,
    // Both may be empty until configured; the Team type keeps them as strings.
    channel_id: channelId ?? '',
    lead_slack_ids: leads,
    timezone: timezone as string,
    site: site ?? '',
  }));
}
