import { describe, expect, it } from 'vitest';
import { tierMovement } from '../../src/analytics/movement.ts';

describe('tierMovement', () => {
  it('counts previous → current tiers and skips agents without a tier in either window', () => {
    const m = tierMovement([
      { previous: 'top', current: 'top' },
      { previous: 'top', current: 'average' },
      { previous: 'lagging', current: 'average' },
      { previous: 'lagging', current: 'average' },
      { previous: 'insufficient_data', current: 'top' },
      { previous: null, current: 'lagging' },
    ]);
    expect(m).toEqual({
      top: { top: 1, average: 1, lagging: 0 },
      average: { top: 0, average: 0, lagging: 0 },
      lagging: { top: 0, average: 2, lagging: 0 },
    });
  });
});
