/**
 * Which reasons drove a contact-mix shift (docs/metrics.md, "Contact-reason mix"): when
 * the mix shifted, the reasons whose adjusted standardised residual for the recent cell is
 * beyond ±1.96, the two-sided 5% point of the normal distribution. Beyond is strict: a
 * residual of exactly ±1.96 is on the limit and not a driver, as a point on a funnel limit
 * is inside. The change post (team-changes.ts) and the contact-mix chart both ask here, so
 * the post names the reasons the chart highlights.
 */
import type { ContactMix, MixDriver } from './report-types.ts';

const DRIVER_RESIDUAL = 1.96;

/**
 * @param mix the team's contact mix (only its `shift` is read)
 * @param driver one reason of it (only its `residual` is read)
 * @returns true when the mix shifted and |residual| > 1.96
 * @example isMixDriver({ shift: true }, { residual: -2.5 }) // true
 * @example isMixDriver({ shift: true }, { residual: 1.96 }) // false: on the limit
 * @example isMixDriver({ shift: false }, { residual: 4 }) // false: no shift, no drivers
 */
export function isMixDriver(
  mix: Pick<ContactMix, 'shift'>,
  driver: Pick<MixDriver, 'residual'>,
): boolean {
  return mix.shift && Math.abs(driver.residual) > DRIVER_RESIDUAL;
}
