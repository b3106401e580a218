import { describe, expect, it } from 'vitest';
import { buildAppHomeView } from '../../blocks/app-home.ts';
import { buildContactMixBlocks } from '../../blocks/contact-mix.ts';
import {
  buildDirectorDigestBlocks,
  digestBody,
  packLines,
  whyLines,
  whySection,
} from '../../blocks/director-digest.ts';
import { buildHelpBlocks } from '../../blocks/help.ts';
import { buildTeamSummaryBlocks } from '../../blocks/team-summary.ts';
import { buildTiersBlocks } from '../../blocks/tiers.ts';
import { expectValidBlocks } from './check.ts';
import { billingNorth, largestOrg, reportFrame } from './fixtures.ts';

const sectionTexts = (blocks: { type: string }[]) =>
  blocks.flatMap((b) =>
    b.type === 'section' && 'text' in b ? [(b as { text: { text: string } }).text.text] : [],
  );

describe('the largest realistic organisation (60 teams × 16 agents)', () => {
  const org = largestOrg();

  it('fits the director digest in one message of ≤ 50 blocks, every team named', () => {
    const m = buildDirectorDigestBlocks({ report: org });
    expect(m.blocks.length).toBeLessThanOrEqual(50);
    for (const text of sectionTexts(m.blocks)) expect(text.length).toBeLessThanOrEqual(3000);
    const all = JSON.stringify(m.blocks);
    for (const team of org.teams) expect(all).toContain(`*${team.name}*`);
    expectValidBlocks(m.blocks);
  });

  it('lists every alert: 60 teams × (5 declining metrics + mix shift + balance) = 420', () => {
    const m = buildDirectorDigestBlocks({ report: org });
    // The alerts are the sections from "*Alerts*" on (the "Why" above has bullets too).
    const texts = sectionTexts(m.blocks);
    const bullets = texts
      .slice(texts.findIndex((text) => text.startsWith('*Alerts*')))
      .join('\n')
      .split('\n')
      .filter((line) => line.startsWith('• '));
    expect(bullets).toHaveLength(420);
  });

  it('shows the “Why” in whole lines, then how many more and where to read them', () => {
    const lines = whyLines(org);
    const m = buildDirectorDigestBlocks({ report: org });
    const why = sectionTexts(m.blocks).find((text) => text.startsWith('*Why*'));
    if (!why) throw new Error('the digest has no Why section');
    expect(why.length).toBeLessThanOrEqual(3000);
    const [, ...shown] = why.split('\n');
    const note = shown.pop() as string;
    // Every line shown is one of the report's lines, whole and in order; the note counts
    // the rest.
    expect(shown.length).toBeGreaterThan(0);
    expect(shown).toEqual(lines.slice(0, shown.length));
    expect(note).toBe(
      `_…and ${lines.length - shown.length} more team metrics on watch or at risk: \`/teamhealth team <name>\` shows why._`,
    );
  });

  it('shows every “Why” line, and no note, when they fit', () => {
    const lines = ['• *A* · CSAT: below its lower limit on 12 Oct', '• *B* · QA score: falling'];
    expect(whySection(lines)).toBe(`*Why*\n${lines.join('\n')}`);
  });

  it('names the one line left out in the singular', () => {
    // 30 lines of 90 characters and their newlines, after '*Why*\n': 6 + 30 × 91 = 2,736,
    // with room for the note (85 at most); a 31st line of 300 would make 3,036.
    const lines = [
      ...Array.from({ length: 30 }, (_, i) => `• ${String(i).padStart(2, '0')} ${'x'.repeat(85)}`),
      `• 30 ${'y'.repeat(295)}`,
    ];
    const text = whySection(lines);
    expect(text.length).toBeLessThanOrEqual(3000);
    expect(text.split('\n').slice(1, -1)).toEqual(lines.slice(0, 30));
    expect(text.split('\n').at(-1)).toBe(
      '_…and 1 more team metric on watch or at risk: `/teamhealth team <name>` shows why._',
    );
  });

  it('says visibly how many blocks were left out when the budget is smaller than the content', () => {
    const blocks = digestBody(org, 3);
    expect(blocks).toHaveLength(3);
    expect(JSON.stringify(blocks[2])).toMatch(/and \d+ more not shown here/);
  });

  it('fits a director’s App Home in ≤ 100 blocks', () => {
    const view = buildAppHomeView({ report: org, director: true });
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    expectValidBlocks(view.blocks, 'home');
  });

  it('fits the Home of a lead of all 60 teams in ≤ 100 blocks, pointing to the rest', () => {
    const view = buildAppHomeView({ report: org, leadTeams: org.teams });
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    expect(JSON.stringify(view.blocks)).toContain('52 more teams'); // 8 shown of 60
    expectValidBlocks(view.blocks, 'home');
  });

  it('keeps a 16-agent team’s summary and tiers valid', () => {
    const [team] = org.teams;
    if (!team) throw new Error('largestOrg() built no teams');
    expectValidBlocks(
      buildTeamSummaryBlocks({
        team,
        report: org,
        audience: 'lead',
        query: { view: 'team' },
        canShare: true,
      }).blocks,
    );
    const tiers = buildTiersBlocks({ team, report: org, audience: 'lead' });
    expectValidBlocks(tiers.blocks);
    for (const text of sectionTexts(tiers.blocks)) expect(text.length).toBeLessThanOrEqual(3000);
  });

  it('the digest matches its snapshot (two teams)', () => {
    expect(
      buildDirectorDigestBlocks({ report: { ...org, teams: org.teams.slice(0, 2) } }),
    ).toMatchSnapshot();
  });
});

describe('packLines', () => {
  it('packs lines into as few texts as fit', () => {
    expect(packLines(['aaa', 'bbb', 'ccc'], 7)).toEqual(['aaa\nbbb', 'ccc']);
  });
  it('cuts a single over-long line with an ellipsis', () => {
    expect(packLines(['abcdefghij'], 5)).toEqual(['abcd…']);
  });
});

describe('App Home per role', () => {
  const report = { ...reportFrame, teams: [billingNorth()] };
  it('shows an agent their own view without the word lagging', () => {
    const view = buildAppHomeView({ report, agent: { team: billingNorth(), agentId: 'A3' } });
    expect(JSON.stringify(view)).toContain('Your numbers');
    expect(JSON.stringify(view)).not.toMatch(/lagging/i);
  });
  it('shows someone with no role how to get access', () => {
    expect(JSON.stringify(buildAppHomeView({ report }))).toContain('To get access');
  });
  it('matches its snapshot (lead)', () => {
    expect(buildAppHomeView({ report, leadTeams: [billingNorth()] })).toMatchSnapshot();
  });
});

describe('contact mix and help', () => {
  it('reports a shift with its drivers', () => {
    const m = buildContactMixBlocks({ team: billingNorth(), report: reportFrame });
    const text = JSON.stringify(m.blocks);
    expect(text).toContain('The mix shifted');
    expect(text).toContain('*refund*: 20.0% → 35.0%');
    expect(m.text).toBe('Billing North: the contact-reason mix shifted (p p < 0.001).');
    expect(m).toMatchSnapshot();
  });
  it('help lists digest only for directors', () => {
    expect(JSON.stringify(buildHelpBlocks({ director: false }).blocks)).not.toContain(
      '/teamhealth digest',
    );
    expect(JSON.stringify(buildHelpBlocks({ director: true }).blocks)).toContain(
      '/teamhealth digest',
    );
    expect(buildHelpBlocks({ problem: 'I don’t know “x”.' })).toMatchSnapshot();
  });
});
