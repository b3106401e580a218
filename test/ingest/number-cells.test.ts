/**
 * The digit readers behind count and amount: the same verdict as /^\d+$/ (with
 * Number.isSafeInteger) and /^\d+(\.\d+)?$/, without a regex per cell. Values by hand.
 */
import { describe, expect, it } from 'vitest';
import { decimalOf, wholeNumberOf } from '../../src/ingest/rows/field-reader.ts';

describe('wholeNumberOf', () => {
  it('reads ASCII digits, leading zeros included', () => {
    expect(wholeNumberOf('0')).toBe(0);
    expect(wholeNumberOf('0042')).toBe(42);
    expect(wholeNumberOf('123456789012345')).toBe(123456789012345);
  });

  it('reads 2^53 − 1 = 9007199254740991, the largest safe integer, and refuses 2^53', () => {
    expect(wholeNumberOf('9007199254740991')).toBe(9007199254740991);
    expect(wholeNumberOf('9007199254740992')).toBe(-1);
  });

  it('refuses signs, points, exponents, spaces, other digits and empty text', () => {
    for (const text of ['-3', '+3', '2.5', '1e3', ' 4', '4 ', '٣', '', '0x10']) {
      expect(wholeNumberOf(text), text).toBe(-1);
    }
  });
});

describe('decimalOf', () => {
  it('reads whole numbers and one decimal point between digits', () => {
    expect(decimalOf('12')).toBe(12);
    expect(decimalOf('12.5')).toBe(12.5);
    expect(decimalOf('0.25')).toBe(0.25);
    expect(decimalOf('1234567890123456.5')).toBe(1234567890123456.5);
  });

  it('refuses a point at either end, two points, signs and exponents', () => {
    for (const text of ['.5', '5.', '1.2.3', '-1', '1e3', '', ' 1', 'abc']) {
      expect(decimalOf(text), text).toBe(-1);
    }
  });
});
