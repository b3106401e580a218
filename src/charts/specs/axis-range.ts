/**
 * The y range of a value chart: the data's span padded by 10% on each side (so points
 * on the limits are not cut by the frame), clipped to what the metric can take, and
 * rounded outwards to a whole step. Fixed in the spec, so a reader (or a test) knows
 * exactly where a value lands.
 * @example axisRange([80, 90], { floor: 0, ceiling: 100 }) // { min: 78, max: 92 }
 */
export function axisRange(
  values: number[],
  bounds: { floor: number; ceiling?: number },
): { min: number; max: number } {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) throw new Error('axisRange requires at least one finite value');
  let lo = Math.min(...finite);
  let hi = Math.max(...finite);
  if (hi === lo) {
    // A flat series still needs a visible band around it.
    const half = Math.abs(lo) * 0.05 || 1;
    lo -= half;
    hi += half;
  }
  const pad = (hi - lo) * 0.1;
  const step = niceStep((hi - lo + 2 * pad) / 8);
  const min = Math.max(bounds.floor, Math.floor((lo - pad) / step) * step);
  const max = Math.min(
    bounds.ceiling ?? Number.POSITIVE_INFINITY,
    Math.ceil((hi + pad) / step) * step,
  );
  return { min: round(min), max: round(max) };
}

/** 1, 2 or 5 times a power of ten, at least `raw`. */
function niceStep(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) if (m * power >= raw) return m * power;
  return 10 * power;
}

function round(value: number): number {
  return Number(value.toFixed(6));
}
