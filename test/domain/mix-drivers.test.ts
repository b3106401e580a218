/**
 * One rule for a mix shift's drivers (docs/metrics.md, "Contact-reason mix"): |adjusted
 * residual| > 1.96 when the mix shifted. The change post and the contact-mix chart must
 * name the same reasons, down to a residual of exactly ±1.96, which is on the limit and
 * so a driver in neither.
 */
import { describe, expect, it } from 'vitest';
import { changeLine } from '../../blocks/team-charts.ts';
import { contactMixSpec } from '../../src/charts/specs/contact-mix.ts';
import { METRICS, type Metric } from '../../src/domain/metrics.ts';
import { isMixDriver } from '../../src/domain/mix-drivers.ts';
import type { ContactMix, MetricReport, MixDriver } from '../../src/domain/report-types.ts';
import { type TeamState, teamChanges } from '../../src/domain/team-changes.ts';

describe('isMixDriver', () => {
  it('is strict at ±1.96: on the limit is not a driver, just past it is', () => {
    const shifted = { shift: true };
    expect(isMixDriver(shifted, { residual: 1.96 })).toBe(false);
    expect(isMixDriver(shifted, { residual: -1.96 })).toBe(false);
    expect(isMixDriver(shifted, { residual: 1.9601 })).toBe(true);
    expect(isMixDriver(shifted, { residual: -1.9601 })).toBe(true);
  });

  it('names no driver when the mix did not shift, however large the residual', () => {
    expect(isMixDriver({ shift: false }, { residual: 5 })).toBe(false);
  });
});

describe('the change post and the contact-mix chart name the same drivers', () => {
  const driver = (reason: string, before: number, after: number, residual: number): MixDriver => ({
    reason,
    before,
    after,
    residual,
    countBefore: before * 1000,
    countAfter: after * 200,
  });
  // Shares 0.2 → 0.3, 0.3 → 0.2 and 0.5 → 0.5; residuals by hand-picked value, one on the
  // limit exactly on each side: only Billing (2.4 > 1.96) drives the shift.
  const mix: ContactMix = {
    shift: true,
    chiSquare: 25,
    df: 2,
    p: 0.00001,
    drivers: [
      driver('Billing', 0.2, 0.3, 2.4),
      driver('Password', 0.3, 0.2, -1.96),
      driver('Other', 0.5, 0.5, 1.96),
    ],
    nBefore: 1000,
    nAfter: 200,
    baseline: { from: '2026-10-20', to: '2026-11-16' },
    recent: { from: '2026-11-17', to: '2026-11-23' },
  };
  const healthy = { health: 'healthy', stability: { signals: [] } } as unknown as MetricReport;
  const state = (contactMix: ContactMix): TeamState => ({
    metrics: Object.fromEntries(METRICS.map((m) => [m, healthy])) as Record<Metric, MetricReport>,
    contactMix,
  });

  it('the post names Billing only', () => {
    const changes = teamChanges(state({ ...mix, shift: false }), state(mix), '2026-11-23');
    expect(changes).toEqual([{ kind: 'mix_shift', drivers: ['Billing'] }]);
    expect(changes.map(changeLine)).toEqual([
      '*Contact reasons* shifted in the last 7 days, led by Billing',
    ]);
  });

  it('the chart highlights Billing only: its ▲ label, its driver bar and its alt text', () => {
    const spec = contactMixSpec({ teamName: 'A', mix });
    expect(spec.config?.data.labels).toEqual(['▲ Billing', 'Password', 'Other']);
    const datasets = (spec.config?.data.datasets ?? []) as { label: string; data: unknown[] }[];
    expect(datasets.find((d) => d.label === '▲▼ Driver, last 7 days')?.data).toEqual([
      30,
      null,
      null,
    ]);
    expect(spec.altText).toBe(
      'Contact reasons for A shifted in the last 7 days (p < 0.001): Billing rose from 20.0% to 30.0%.',
    );
  });
});
