/**
 * Contact-reason volumes: for each team and day, the contacts the team handled split
 * by reason. The day's total equals the team's Σ contacts_handled, so the two sources
 * agree; the split is a multinomial draw from the team's usual mix, except in the
 * planted mix shift (pattern 4).
 */
import { daysBetween } from '../domain/dates.ts';
import type { AgentDay, ContactVolume } from '../domain/records.ts';
import { DEMO_ANCHOR, PATTERNS } from './patterns.ts';
import { createRandom } from './random.ts';
import { REASONS, type Reason, TEAMS } from './roster.ts';

/**
 * The reason shares for a team on a day `daysBefore` the anchor. In the shift, the
 * planted reason takes `shiftedShare` and the other reasons keep their proportions.
 * @example mixOn('TM07', 0).refund // 0.35; billing 0.44 × 0.65/0.86 ≈ 0.333
 */
export function mixOn(teamId: string, daysBefore: number): Record<Reason, number> {
  const def = TEAMS.find((t) => t.id === teamId);
  if (!def) throw new Error(`mixOn: unknown demo team ${teamId}`);
  const mix = { ...def.mix };
  const shift = PATTERNS.mixShift;
  if (teamId === shift.team && daysBefore < shift.days) {
    const rest = 1 - mix[shift.reason];
    for (const reason of REASONS) mix[reason] *= (1 - shift.shiftedShare) / rest;
    mix[shift.reason] = shift.shiftedShare;
  }
  return mix;
}

/** One row per team, day and reason with a count above 0, in team, date, reason order. */
export function generateContactVolumes(
  seed: number,
  agentDays: readonly AgentDay[],
): ContactVolume[] {
  const totals = new Map<string, Map<string, number>>();
  for (const row of agentDays) {
    const byDate = totals.get(row.team_id) ?? new Map<string, number>();
    byDate.set(row.date, (byDate.get(row.date) ?? 0) + row.contacts_handled);
    totals.set(row.team_id, byDate);
  }
  const rows: ContactVolume[] = [];
  for (const teamId of [...totals.keys()].sort()) {
    const rng = createRandom(seed, `contacts:${teamId}`);
    const byDate = totals.get(teamId) as Map<string, number>;
    for (const date of [...byDate.keys()].sort()) {
      const mix = mixOn(teamId, daysBetween(date, DEMO_ANCHOR));
      // Multinomial as a chain of binomials: each reason takes its share of what is left.
      let left = byDate.get(date) as number;
      let shareLeft = 1;
      REASONS.forEach((reason, i) => {
        const count =
          i === REASONS.length - 1
            ? left
            : rng.binomial(left, Math.min(1, mix[reason] / shareLeft));
        shareLeft -= mix[reason];
        left -= count;
        if (count > 0) rows.push({ date, team_id: teamId, reason, count });
      });
    }
  }
  return rows;
}
