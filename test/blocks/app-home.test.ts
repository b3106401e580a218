/**
 * App Home's team rows and their "Open" buttons: one per row, each asking for its own
 * team, within the Home tab's 100 blocks even for far more teams than a real organisation.
 */

import { describe, expect, it } from 'vitest';
import { buildAppHomeView } from '../../blocks/app-home.ts';
import { ACTION } from '../../blocks/ids.ts';
import { decodeQuery } from '../../src/domain/query.ts';
import type { TeamReport } from '../../src/domain/report-types.ts';
import { expectValidBlocks } from './check.ts';
import { billingNorth, largestOrg, reportFrame } from './fixtures.ts';

type Accessory = { action_id?: string; value?: string; text?: { text: string } };

/** The team ids the Open buttons of a view ask for, in order. */
function openedTeams(blocks: readonly unknown[]): string[] {
  return blocks.flatMap((b) => {
    const accessory = (b as { accessory?: Accessory }).accessory;
    if (accessory?.action_id !== ACTION.openTeam) return [];
    return [decodeQuery(accessory.value)?.team ?? '?'];
  });
}

/** 60 teams of the largest org, repeated with new ids and names until there are `count`. */
function manyTeams(count: number): TeamReport[] {
  const base = largestOrg().teams;
  return Array.from({ length: count }, (_, i) => {
    const team = base[i % base.length] as TeamReport;
    return { ...team, id: `X${i}`, name: `Team number ${i} of a very large organisation` };
  });
}

describe('App Home team rows', () => {
  it('puts an Open button labelled "Open" on each team a lead leads, asking for that team', () => {
    const north = billingNorth();
    const south = { ...billingNorth(), id: 'T9', name: 'Billing South' };
    const view = buildAppHomeView({
      report: { ...reportFrame, teams: [north, south] },
      leadTeams: [north, south],
    });
    expect(openedTeams(view.blocks)).toEqual([north.id, 'T9']);
    const labels = view.blocks.flatMap((b) => {
      const a = (b as { accessory?: Accessory }).accessory;
      return a ? [a.text?.text] : [];
    });
    expect(labels).toEqual(['Open', 'Open']);
    // The button sits on the row that names its team.
    const row = view.blocks.find((b) => openedTeams([b])[0] === 'T9') as { text: { text: string } };
    expect(row.text.text).toBe('*Billing South*');
    expectValidBlocks(view.blocks, 'home');
  });

  it('gives a director one row with an Open button per team: 60 teams, 60 buttons', () => {
    const org = largestOrg();
    const view = buildAppHomeView({ report: org, director: true });
    expect(openedTeams(view.blocks)).toEqual(org.teams.map((t) => t.id));
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    expectValidBlocks(view.blocks, 'home');
  });

  it('keeps a director’s Home of 150 teams within 100 blocks, every team still named', () => {
    const teams = manyTeams(150);
    const view = buildAppHomeView({ report: { ...reportFrame, teams }, director: true });
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    expectValidBlocks(view.blocks, 'home');
    const buttons = openedTeams(view.blocks);
    // The first teams keep their button, in order; the others are listed after a note.
    expect(buttons.length).toBeGreaterThan(0);
    expect(buttons).toEqual(teams.slice(0, buttons.length).map((t) => t.id));
    const all = JSON.stringify(view.blocks);
    expect(all).toContain(`${150 - buttons.length} more teams are listed below without a button`);
    for (const team of teams) expect(all).toContain(`*${team.name}*`);
  });

  it('shows a lead of 60 teams 8 rows with buttons and points to the rest', () => {
    const org = largestOrg();
    const view = buildAppHomeView({ report: org, leadTeams: org.teams });
    expect(openedTeams(view.blocks)).toEqual(org.teams.slice(0, 8).map((t) => t.id));
    expect(JSON.stringify(view.blocks)).toContain('52 more teams');
    expectValidBlocks(view.blocks, 'home');
  });

  it('gives an agent’s own Home no Open button', () => {
    const view = buildAppHomeView({
      report: { ...reportFrame, teams: [billingNorth()] },
      agent: { team: billingNorth(), agentId: 'A3' },
    });
    expect(openedTeams(view.blocks)).toEqual([]);
  });
});
