/**
 * The fast `$group` must return exactly what mingo's own `$group` returns: same groups,
 * same first-seen order, same values (float sums added in the same order). mingo's
 * `$group` is the independent oracle here.
 */
import fc from 'fast-check';
import { Context } from 'mingo';
import { Aggregator } from 'mingo/aggregator';
import * as accumulatorOperators from 'mingo/operators/accumulator';
import * as expressionOperators from 'mingo/operators/expression';
import * as pipelineOperators from 'mingo/operators/pipeline';
import { describe, expect, it } from 'vitest';
import { planGroup } from '../../src/store/embedded/fast-group.ts';
import { mingoOptions } from '../../src/store/embedded/mingo-context.ts';

const plainContext = Context.init({
  accumulator: accumulatorOperators,
  expression: expressionOperators,
  pipeline: pipelineOperators,
});
const viaMingo = (docs: object[], group: object) =>
  new Aggregator([{ $group: group }], { context: plainContext }).run(
    docs as Record<string, unknown>[],
  );
const viaFast = (docs: object[], group: object) =>
  new Aggregator([{ $group: group }], mingoOptions).run(docs as Record<string, unknown>[]);

const MISSING = Symbol('missing');
/** Key values: few distinct ones so groups collide; null, missing, mixed types. */
const keyValue = fc.constantFrom<unknown>('a', 'b', 'c', 1, 2, '1', null, true, MISSING);
/** Summed values: numbers (incl. fractions and NaN), numeric strings, null, arrays, missing. */
const anyValue = fc.oneof(
  fc.integer({ min: -1000, max: 1000 }),
  fc.double({ min: -1e6, max: 1e6, noDefaultInfinity: true }),
  fc.constantFrom<unknown>(Number.NaN, '7', 'x', null, [1, 2], { n: 1 }, false, MISSING),
);
/** Values for $min/$max: no NaN (mingo's comparator is not a total order with it; the fast path hands those to mingo). */
const orderedValue = fc.oneof(
  fc.integer({ min: -50, max: 50 }),
  fc.constantFrom<unknown>('p', 'q', null, true, MISSING),
);

const doc = fc
  .record({ k1: keyValue, k2: keyValue, v: anyValue, w: anyValue, m: orderedValue })
  .map((r) => Object.fromEntries(Object.entries(r).filter(([, value]) => value !== MISSING)));

const groupSpecs: Record<string, object> = {
  'a field-path key': { _id: '$k1', s: { $sum: '$v' }, n: { $sum: 1 }, t: { $sum: '$w' } },
  'an object key': { _id: { a: '$k1', b: '$k2' }, s: { $sum: '$v' }, h: { $sum: 0.5 } },
  'a null key with min, max, first, last': {
    _id: null,
    lo: { $min: '$m' },
    hi: { $max: '$m' },
    f: { $first: '$v' },
    l: { $last: '$k1' },
  },
  'an object key with min and max': {
    _id: { a: '$k1' },
    lo: { $min: '$m' },
    hi: { $max: '$m' },
    s: { $sum: '$v' },
  },
  'an operator expression': {
    _id: '$k2',
    c: { $max: { $concat: [{ $toString: '$k1' }, '|x'] } },
    s: { $sum: '$w' },
  },
};

describe('fast $group', () => {
  for (const [what, group] of Object.entries(groupSpecs)) {
    it(`returns exactly mingo's $group result for ${what}`, () => {
      // the spec takes the fast path (else this would compare mingo with itself)
      expect(planGroup(group as Record<string, unknown>, mingoOptions as never)).not.toBeNull();
      fc.assert(
        fc.property(fc.array(doc, { maxLength: 60 }), (docs) => {
          expect(viaFast(docs, group)).toStrictEqual(viaMingo(docs, group));
        }),
        { numRuns: 300 },
      );
    });
  }

  it('falls back to mingo for group keys it does not handle (arrays, objects)', () => {
    const docs = [
      { k: [1, 2], v: 1 },
      { k: [1, 2], v: 2 },
      { k: { a: 1 }, v: 4 },
    ];
    // [1,2] twice → 1 + 2; {a:1} once → 4
    expect(viaFast(docs, { _id: '$k', s: { $sum: '$v' } })).toEqual([
      { _id: [1, 2], s: 3 },
      { _id: { a: 1 }, s: 4 },
    ]);
  });

  it('ignores missing and non-numeric values in $sum, as MongoDB does', () => {
    const docs = [
      { t: 'x', v: 2 },
      { t: 'x' },
      { t: 'x', v: '3' },
      { t: 'x', v: null },
      { t: 'x', v: 5 },
    ];
    // only 2 and 5 are numbers: 7
    expect(viaFast(docs, { _id: '$t', s: { $sum: '$v' } })).toEqual([{ _id: 'x', s: 7 }]);
  });
});
