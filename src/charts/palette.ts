/**
 * Okabe–Ito colours (Okabe & Ito 2008, "Color Universal Design"): distinguishable with
 * the common colour-vision deficiencies. Meaning is never carried by colour alone: signal
 * markers also differ in shape, reference lines in dash pattern, tiers in position and label.
 */
export const OKABE_ITO = {
  black: '#000000',
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
} as const;

/** Text and chrome. Grey #595959 on white is 7:1 contrast. */
export const INK = {
  text: '#222222',
  muted: '#595959',
  grid: '#E6E6E6',
  band: 'rgba(86,180,233,0.16)',
} as const;

/** The daily series and other "the data itself" marks. */
export const SERIES_COLOR = OKABE_ITO.blue;

/** Tier colours: ordered dark (top) → light → warm (lagging); labels and order carry the meaning too. */
export const TIER_COLORS = {
  top: OKABE_ITO.blue,
  average: OKABE_ITO.skyBlue,
  lagging: OKABE_ITO.vermillion,
  insufficient_data: '#D9D9D9',
} as const;

/** Sequential blues for ordered stages (light → dark), so the order reads without a legend. */
export const STAGE_COLORS = ['#C6DBEF', '#6BAED6', '#2171B5', '#08306B'] as const;
