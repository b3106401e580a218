import { describe, expect, it } from 'vitest';
import { decodeQuery, encodeQuery, parseCommandText } from '../../src/domain/query.ts';
import { en } from '../../src/messages/en.ts';
import { t } from '../../src/messages/t.ts';
import { isFutureDated } from '../../src/slack/middleware/future-timestamp.ts';

describe('parseCommandText', () => {
  it.each([
    ['', { kind: 'query', query: { view: 'default' } }],
    ['  help ', { kind: 'help' }],
    ['team Billing North', { kind: 'query', query: { view: 'team', team: 'Billing North' } }],
    ['metric AHT', { kind: 'query', query: { view: 'metric', metric: 'aht' } }],
    [
      'metric csat Returns East',
      { kind: 'query', query: { view: 'metric', metric: 'csat', team: 'Returns East' } },
    ],
    ['metric', { kind: 'usage', problem: 'bad_metric', input: '' }],
    ['metric speed', { kind: 'usage', problem: 'bad_metric', input: 'speed' }],
    ['tiers', { kind: 'query', query: { view: 'tiers' } }],
    ['mix T2', { kind: 'query', query: { view: 'mix', team: 'T2' } }],
    [
      'enablement refund-policy-v2',
      { kind: 'query', query: { view: 'enablement', initiative: 'refund-policy-v2' } },
    ],
    ['digest', { kind: 'query', query: { view: 'digest' } }],
    ['leaderboard please', { kind: 'usage', problem: 'unknown', input: 'leaderboard please' }],
  ])('reads %j', (text, expected) => {
    expect(parseCommandText(text)).toEqual(expected);
  });
});

describe('button values', () => {
  it('round-trip a query', () => {
    const query = { view: 'metric' as const, team: 'T1', metric: 'qa' as const, days: 14 };
    expect(decodeQuery(encodeQuery(query))).toEqual(query);
  });
  it.each([
    ['not json', 'hello'],
    ['an unknown field', '{"v":"team","role":"director"}'],
    ['an unknown view', '{"v":"everything"}'],
    ['a metric we do not have', '{"v":"metric","m":"speed"}'],
    ['a silly window', '{"v":"team","d":100000}'],
  ])('reject %s', (_what, value) => {
    expect(decodeQuery(value)).toBeNull();
  });
  it('stay far below Slack’s 2,000-character value limit', () => {
    expect(
      encodeQuery({
        view: 'enablement',
        team: 'x'.repeat(200),
        initiative: 'y'.repeat(200),
        days: 91,
      }).length,
    ).toBeLessThan(2000);
  });
});

describe('t', () => {
  it('fills placeholders and formats numbers', () => {
    expect(t('helpful.done', { author: 'Sam', count: 1204 })).toBe(
      'Thanks! Sam will be glad it helped (1,204 found it helpful).',
    );
  });
  it('refuses to send a half-filled sentence', () => {
    expect(() => t('helpful.done', { author: 'Sam' })).toThrow(
      'message "helpful.done" needs the parameter "count"',
    );
  });
  it('has no empty English message', () => {
    for (const [key, text] of Object.entries(en)) expect(text.trim(), key).not.toBe('');
  });
});

describe('isFutureDated', () => {
  const at = (ts: number) => ({ headers: { 'x-slack-request-timestamp': String(ts) } });
  const now = 1_800_000_000_000; // ms
  it('lets through up to 5 minutes ahead, refuses beyond', () => {
    expect(isFutureDated(at(1_800_000_300), now)).toBe(false);
    expect(isFutureDated(at(1_800_000_301), now)).toBe(true);
  });
  it('leaves requests without the header to Bolt (health checks)', () => {
    expect(isFutureDated({ headers: {} }, now)).toBe(false);
  });
});
