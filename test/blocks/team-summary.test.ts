import { describe, expect, it } from 'vitest';
import { ACTION } from '../../blocks/ids.ts';
import { buildMetricDetailBlocks } from '../../blocks/metric-detail.ts';
import { buildTeamSummaryBlocks } from '../../blocks/team-summary.ts';
import { decodeQuery } from '../../src/domain/query.ts';
import { expectValidBlocks } from './check.ts';
import { billingNorth, reportFrame } from './fixtures.ts';

const chart = {
  fileId: 'F0CHART1',
  title: 'CSAT, daily',
  altText: 'CSAT daily: stable around 87%, no signals.',
};

describe('buildTeamSummaryBlocks', () => {
  const summary = (
    audience: 'lead' | 'agent' | 'channel' | 'director',
    canShare = audience === 'lead',
  ) =>
    buildTeamSummaryBlocks({
      team: billingNorth(),
      report: reportFrame,
      audience,
      query: { view: 'team', team: 'T1' },
      canShare,
      charts: [chart],
    });

  it('gives every metric its value with the n it rests on, and its health with why', () => {
    const text = JSON.stringify(summary('lead').blocks);
    // 0.8734 → 87.3%; 1204 → "1,204 survey responses"; 312 s → 5m 12s
    expect(text).toContain('*CSAT*: 87.3% (n = 1,204 survey responses)');
    expect(text).toContain('*Handle time*: 5m 12s (n = 3,300 contacts)');
    expect(text).toContain(':red_circle: At risk: rose about 1.5s a day over 28 days (p = 0.004)');
    expect(text).toContain('Watch: below its lower limit on 2 days: 12 and 20 Oct');
  });

  it('never shows efficiency without quality beside it: quality metrics come first', () => {
    const sections = summary('lead')
      .blocks.filter((b) => b.type === 'section')
      .map((b) => JSON.stringify(b));
    const order = [
      '*CSAT*',
      '*First-contact resolution*',
      '*QA score*',
      '*Handle time*',
      '*Answer rate*',
    ].map((label) => sections.findIndex((s) => s.includes(label)));
    expect(order).toEqual([0, 1, 2, 3, 4]);
  });

  it('warns when speed is bought with quality', () => {
    expect(JSON.stringify(summary('lead').blocks)).toContain(
      ':warning: Handle time is improving while CSAT is declining: speed may be bought with quality.',
    );
  });

  it('shows charts through slack_file with their alt text', () => {
    const image = summary('lead').blocks.find((b) => b.type === 'image');
    expect(image).toMatchObject({ slack_file: { id: 'F0CHART1' }, alt_text: chart.altText });
  });

  it('offers Share only when the viewer may share, and no buttons at all when shared to a channel', () => {
    const ids = (m: ReturnType<typeof summary>) =>
      m.blocks.flatMap((b) =>
        b.type === 'actions' ? b.elements.map((e) => ('action_id' in e ? e.action_id : '')) : [],
      );
    expect(ids(summary('lead'))).toContain(ACTION.share);
    expect(ids(summary('agent'))).not.toContain(ACTION.share);
    expect(ids(summary('channel'))).toEqual([]);
  });

  it('never says "lagging" to an agent (no tier mix for agents)', () => {
    expect(JSON.stringify(summary('agent'))).not.toMatch(/lagging/i);
    expect(JSON.stringify(summary('lead'))).toContain('1 lagging');
  });

  it('metric buttons carry the query for that metric of the same team', () => {
    const actions = summary('lead').blocks.find(
      (b) => b.type === 'actions' && b.block_id === 'teamhealth_metrics',
    );
    const aht =
      actions?.type === 'actions'
        ? actions.elements.find((e) => 'action_id' in e && e.action_id === `${ACTION.metric}:aht`)
        : undefined;
    expect(decodeQuery(aht && 'value' in aht ? aht.value : undefined)).toEqual({
      view: 'metric',
      team: 'T1',
      metric: 'aht',
    });
  });

  it('has a text fallback naming the team and counting health', () => {
    // Billing North: csat, fcr, qa healthy; answer_rate watch; aht at risk.
    expect(summary('lead').text).toBe(
      'Billing North: 3 healthy, 1 to watch, 1 at risk over 28 days.',
    );
  });

  it('is valid Block Kit', () => expectValidBlocks(summary('lead').blocks));

  it('matches its snapshot', () => expect(summary('lead')).toMatchSnapshot());
});

describe('buildMetricDetailBlocks', () => {
  const detail = (metric: 'aht' | 'csat') =>
    buildMetricDetailBlocks({
      team: billingNorth(),
      metric,
      report: reportFrame,
      query: { view: 'metric', team: 'T1', metric },
      canShare: true,
    });

  it('shows handle time with the quality metrics beside it', () => {
    const text = JSON.stringify(detail('aht').blocks);
    expect(text).toContain('Beside it (quality)');
    expect(text).toContain('CSAT 87.3%');
    expect(text).toContain('QA score 86.5');
  });

  it('falls back to a one-line summary', () => {
    expect(detail('aht').text).toBe('Billing North Handle time: 5m 12s (n = 3,300), At risk.');
  });

  it('gives handle time (XmR) its one pair of limits', () => {
    expect(JSON.stringify(detail('aht').blocks)).toMatch(/limits .+ – /);
  });

  it('says a p′ metric’s limits vary with each day’s n, with no single pair of limits', () => {
    const text = JSON.stringify(detail('csat').blocks);
    expect(text).toContain('the limits vary with each day’s n (survey responses)');
    expect(text).not.toMatch(/limits [\d–-]/);
  });

  it('is valid Block Kit', () => expectValidBlocks(detail('csat').blocks));

  it('matches its snapshot', () => expect(detail('aht')).toMatchSnapshot());
});
