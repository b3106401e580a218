/**
 * Who the demo organisation is: four sites in four time zones, two teams each, with
 * each team's coverage (weekdays only, or seven days with quieter weekends), its usual
 * handle time and its usual mix of contact reasons, plus local first and last names
 * per site so the people look like the places.
 */

/** Names written as one space-separated string, so the lists stay readable. */
const words = (text: string): readonly string[] => text.split(' ');

export interface SiteDef {
  site: string;
  timezone: string;
  firstNames: readonly string[];
  lastNames: readonly string[];
}

export const SITES: readonly SiteDef[] = [
  {
    site: 'Manchester',
    timezone: 'Europe/London',
    firstNames: words(
      'Amelia Oliver Isla Harry Ava Jack Freya George Ruby Noah Evie Leo Grace Alfie Poppy Charlie Sophie Oscar Lily Arthur Millie Jacob Chloe Theo Imogen Sam Ellie Reece Priya Aaron',
    ),
    lastNames: words(
      'Smith Jones Taylor Brown Williams Wilson Johnson Davies Robinson Wright Thompson Evans Walker White Roberts Green Hall Wood Jackson Clarke Patel Khan Hughes Lewis Hill Cooper Ward Moore Turner Baker',
    ),
  },
  {
    site: 'Manila',
    timezone: 'Asia/Manila',
    firstNames: words(
      'Maria Jose Angel Mark Kristine John Jasmine Paolo Camille Miguel Andrea Carlo Nicole Rafael Patricia Joshua Bea Gabriel Trisha Ramon Joy Kevin Liza Adrian Mae Paulo Grace Enzo Ria Nathan',
    ),
    lastNames: words(
      'Santos Reyes Cruz Bautista Ocampo Garcia Mendoza Torres Tomas Andrada Castillo Flores Villanueva Ramos Castro Rivera Aquino Navarro Salazar Mercado Dizon Manalo Gonzales Lopez Soriano Pascual Domingo Valdez Lim Tan',
    ),
  },
  {
    site: 'Austin',
    timezone: 'America/Chicago',
    firstNames: words(
      'Emma Liam Olivia Mason Sophia Ethan Madison Logan Abigail Lucas Harper Caleb Avery Wyatt Ella Diego Sofia Hunter Camila Tyler Brooklyn Jordan Kayla Marcus Alexis Dylan Jenna Carlos Taylor Austin',
    ),
    lastNames: words(
      'Garcia Martinez Hernandez Lopez Miller Davis Anderson Thomas Moore Martin Jackson Lee Perez Harris Clark Ramirez Young King Scott Nguyen Adams Baker Nelson Carter Mitchell Campbell Parker Reed Cook Rogers',
    ),
  },
  {
    site: 'Kraków',
    timezone: 'Europe/Warsaw',
    firstNames: words(
      'Zuzanna Jakub Julia Antoni Zofia Jan Hanna Szymon Maja Filip Lena Kacper Alicja Mateusz Oliwia Michał Natalia Wojciech Amelia Piotr Wiktoria Tomasz Agnieszka Paweł Karolina Marek Ewa Krzysztof Magda Łukasz',
    ),
    lastNames: words(
      'Nowak Kowalski Wiśniewski Wójcik Kowalczyk Kamiński Lewandowski Zieliński Szymański Woźniak Dąbrowski Kozłowski Jankowski Mazur Kwiatkowski Krawczyk Piotrowski Grabowski Nowakowski Pawłowski Michalski Nowicki Adamczyk Dudek Zając Wieczorek Jabłoński Król Majewski Olszewski',
    ),
  },
];

export const REASONS = [
  'billing',
  'refund',
  'delivery',
  'returns',
  'account',
  'technical',
  'cancellation',
  'other',
] as const;
export type Reason = (typeof REASONS)[number];

export interface TeamDef {
  id: string;
  name: string;
  site: string;
  /** `weekdays`: Monday to Friday only; `seven_days`: every day, quieter weekends. */
  coverage: 'weekdays' | 'seven_days';
  /** The team's usual handle time in seconds (phone-heavy teams are slower). */
  ahtSeconds: number;
  /** Usual share of each contact reason; sums to 1. */
  mix: Readonly<Record<Reason, number>>;
}

export const TEAMS: readonly TeamDef[] = [
  {
    id: 'TM01',
    name: 'Manchester Orders',
    site: 'Manchester',
    coverage: 'weekdays',
    ahtSeconds: 390,
    mix: {
      billing: 0.1,
      refund: 0.08,
      delivery: 0.34,
      returns: 0.14,
      account: 0.12,
      technical: 0.06,
      cancellation: 0.1,
      other: 0.06,
    },
  },
  {
    id: 'TM02',
    name: 'Manchester Returns',
    site: 'Manchester',
    coverage: 'weekdays',
    ahtSeconds: 420,
    mix: {
      billing: 0.06,
      refund: 0.2,
      delivery: 0.12,
      returns: 0.4,
      account: 0.06,
      technical: 0.04,
      cancellation: 0.07,
      other: 0.05,
    },
  },
  {
    id: 'TM03',
    name: 'Manila Tech Support',
    site: 'Manila',
    coverage: 'seven_days',
    ahtSeconds: 540,
    mix: {
      billing: 0.05,
      refund: 0.04,
      delivery: 0.05,
      returns: 0.04,
      account: 0.22,
      technical: 0.5,
      cancellation: 0.04,
      other: 0.06,
    },
  },
  {
    id: 'TM04',
    name: 'Manila Customer Care',
    site: 'Manila',
    coverage: 'seven_days',
    ahtSeconds: 400,
    mix: {
      billing: 0.14,
      refund: 0.1,
      delivery: 0.24,
      returns: 0.12,
      account: 0.16,
      technical: 0.08,
      cancellation: 0.08,
      other: 0.08,
    },
  },
  {
    id: 'TM05',
    name: 'Austin Payments',
    site: 'Austin',
    coverage: 'weekdays',
    ahtSeconds: 450,
    mix: {
      billing: 0.42,
      refund: 0.18,
      delivery: 0.04,
      returns: 0.04,
      account: 0.14,
      technical: 0.04,
      cancellation: 0.08,
      other: 0.06,
    },
  },
  {
    id: 'TM06',
    name: 'Austin Retention',
    site: 'Austin',
    coverage: 'seven_days',
    ahtSeconds: 480,
    mix: {
      billing: 0.16,
      refund: 0.08,
      delivery: 0.06,
      returns: 0.08,
      account: 0.12,
      technical: 0.05,
      cancellation: 0.38,
      other: 0.07,
    },
  },
  {
    id: 'TM07',
    name: 'Kraków Billing',
    site: 'Kraków',
    coverage: 'weekdays',
    ahtSeconds: 430,
    mix: {
      billing: 0.44,
      refund: 0.14,
      delivery: 0.05,
      returns: 0.05,
      account: 0.16,
      technical: 0.04,
      cancellation: 0.06,
      other: 0.06,
    },
  },
  {
    id: 'TM08',
    name: 'Kraków Delivery',
    site: 'Kraków',
    coverage: 'weekdays',
    ahtSeconds: 370,
    mix: {
      billing: 0.05,
      refund: 0.08,
      delivery: 0.48,
      returns: 0.16,
      account: 0.08,
      technical: 0.04,
      cancellation: 0.05,
      other: 0.06,
    },
  },
];

/** The organisation's email domain (reserved for examples, so nothing is ever sent). */
export const EMAIL_DOMAIN = 'northwind.example';
