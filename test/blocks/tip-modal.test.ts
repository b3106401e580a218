import { describe, expect, it } from 'vitest';
import { CALLBACK, TIP_FIELD } from '../../blocks/ids.ts';
import { buildTipModal, readTipSubmission } from '../../blocks/tip-modal.ts';
import { expectValidBlocks } from './check.ts';

const values = (metric: string | null, text: string | null, named = false) => ({
  [TIP_FIELD.metric.block]: {
    [TIP_FIELD.metric.action]: { selected_option: metric ? { value: metric } : null },
  },
  [TIP_FIELD.text.block]: { [TIP_FIELD.text.action]: { value: text } },
  [TIP_FIELD.consent.block]: {
    [TIP_FIELD.consent.action]: { selected_options: named ? [{ value: 'named' }] : [] },
  },
});

describe('tip modal', () => {
  it('asks for a metric, up to 500 characters, and consent', () => {
    const modal = buildTipModal();
    expect(modal.callback_id).toBe(CALLBACK.tipModal);
    expect(JSON.stringify(modal)).toContain('"max_length":500');
    expectValidBlocks(modal.blocks, 'modal');
    expect(modal).toMatchSnapshot();
  });

  it('reads a good submission', () => {
    expect(readTipSubmission(values('fcr', '  Ask what else they need.  ', true))).toEqual({
      ok: true,
      metric: 'fcr',
      text: 'Ask what else they need.',
      consentNamed: true,
    });
  });

  it('returns an error per bad field, keyed by block_id', () => {
    const result = readTipSubmission(values(null, '   '));
    expect(result).toEqual({
      ok: false,
      errors: {
        [TIP_FIELD.metric.block]: 'Pick the metric your tip helps with.',
        [TIP_FIELD.text.block]: 'Write your tip (a sentence or two).',
      },
    });
  });

  it('refuses 501 characters (a crafted submission skips the client limit)', () => {
    const result = readTipSubmission(values('csat', 'x'.repeat(501)));
    expect(result).toEqual({
      ok: false,
      errors: { [TIP_FIELD.text.block]: 'Keep it to 500 characters; this one has 501.' },
    });
  });

  it('refuses a metric that is not one of ours', () => {
    expect(readTipSubmission(values('speed', 'ok'))).toMatchObject({ ok: false });
  });
});
