import type { CJS_STAGES } from '../domain/cases/case';

/**
 * What a synthetic referral can look like: the referral sources listed in product.md, with the
 * organisations that send them and the criminal-justice stage a case from that source is
 * usually at, and offence categories with plausible short descriptions.
 */
type CjsStage = (typeof CJS_STAGES)[number];

export interface SourceSpec {
  source: string;
  weight: number;
  organisations: readonly string[];
  cjs: readonly CjsStage[];
  /** Youth sources send cases where the person responsible is under 18. */
  youth?: boolean;
  /** Self-referrals have no referrer. */
  self?: boolean;
}

export const SOURCES: readonly SourceSpec[] = [
  { source: 'Police', weight: 30, organisations: ['West Midlands Police', 'Dyfed-Powys Police', 'Thames Valley Police', 'Greater Manchester Police'], cjs: ['none', 'out-of-court'] },
  { source: 'Probation', weight: 12, organisations: ['Probation Service (victim liaison)', 'Probation Service, Coventry', 'Probation Service, Cardiff'], cjs: ['community-sentence', 'post-release'] },
  { source: 'Prison', weight: 8, organisations: ['HMP Birmingham', 'HMP Parc', 'HMP Styal', 'HMP Leeds'], cjs: ['custody'] },
  { source: 'Youth offending team', weight: 10, organisations: ['Warwickshire Youth Justice Service', 'Swansea Youth Justice Service', 'Leeds Youth Offending Team'], cjs: ['out-of-court', 'community-sentence'], youth: true },
  { source: 'Victim services', weight: 10, organisations: ['Victim Support', 'Victim and Witness Hub', 'Rape Crisis (referral)'], cjs: ['none', 'pre-sentence', 'community-sentence', 'custody'] },
  { source: 'Court', weight: 5, organisations: ['Coventry Crown Court', 'Cardiff Magistrates’ Court'], cjs: ['pre-sentence'] },
  { source: 'Self-referral (person harmed)', weight: 7, organisations: [], cjs: ['none', 'community-sentence', 'custody', 'post-release'], self: true },
  { source: 'Self-referral (person responsible)', weight: 4, organisations: [], cjs: ['none', 'community-sentence', 'post-release'], self: true },
  { source: 'Health/GP', weight: 3, organisations: ['Riverside Medical Practice', 'Community Mental Health Team'], cjs: ['none'] },
  { source: 'Education', weight: 4, organisations: ['Northfield Academy', 'Ysgol Gyfun y Cwm', 'St Mary’s High School'], cjs: ['none', 'out-of-court'], youth: true },
  { source: 'Housing or ASB team', weight: 5, organisations: ['Council ASB Team', 'Orbit Housing', 'Cartrefi Cymru'], cjs: ['none', 'out-of-court'] },
  { source: 'Other', weight: 2, organisations: ['Community mediation service', 'Faith community'], cjs: ['none'] },
];

export interface OffenceSpec {
  category: string;
  weight: number;
  /** Sensitive-case flags from product.md; a non-empty list puts the case on the stricter pathway. */
  sensitive: readonly string[];
  descriptions: readonly string[];
}

export const OFFENCES: readonly OffenceSpec[] = [
  { category: 'Burglary', weight: 14, sensitive: [], descriptions: ['Entry to the home through a rear window while the family was away; jewellery and a laptop taken.', 'Shed and garage broken into; bicycles and tools taken.', 'Break-in at a small shop overnight; till damaged and stock taken.'] },
  { category: 'Assault', weight: 14, sensitive: [], descriptions: ['Punch thrown outside a pub after an argument; the person harmed needed stitches.', 'Fight between neighbours over parking; bruising to face and arm.', 'Assault on a bus driver during a dispute about a fare.'] },
  { category: 'Criminal damage', weight: 12, sensitive: [], descriptions: ['Graffiti sprayed on a community centre and its windows smashed.', 'Car tyres slashed and wing mirrors broken on a residential street.', 'Damage to a school minibus after a party.'] },
  { category: 'Theft', weight: 12, sensitive: [], descriptions: ['Shoplifting from a local pharmacy over several weeks.', 'Theft of a handbag from a café table.', 'Theft from an employer: cash taken from the till over three months.'] },
  { category: 'Robbery', weight: 6, sensitive: ['Serious violence'], descriptions: ['Mobile phone taken by force from a student at a bus stop.', 'Robbery of a delivery rider; a knife was shown.'] },
  { category: 'Harassment', weight: 6, sensitive: ['Stalking or harassment'], descriptions: ['Repeated abusive messages to a former friend over social media.', 'Months of unwanted visits and calls to a former partner’s workplace.'] },
  { category: 'Hate crime', weight: 5, sensitive: ['Hate crime'], descriptions: ['Racist abuse shouted at a shopkeeper and the shop window damaged.', 'Homophobic abuse and a push on a night out.', 'Anti-Muslim graffiti on a family’s front door.'] },
  { category: 'Domestic abuse', weight: 4, sensitive: ['Domestic abuse'], descriptions: ['Controlling and coercive behaviour over two years, ended by a police report.', 'Assault by an adult son on his mother at the family home.'] },
  { category: 'Anti-social behaviour', weight: 8, sensitive: [], descriptions: ['Noise, intimidation and littering by a group of teenagers outside flats.', 'Repeated dumping of rubbish on a neighbour’s drive.'] },
  { category: 'Vehicle crime', weight: 5, sensitive: [], descriptions: ['Car taken without consent and crashed into a garden wall.', 'Catalytic converter stolen from a charity’s minibus.'] },
  { category: 'Death by dangerous driving', weight: 1, sensitive: ['Bereavement by crime', 'Serious violence'], descriptions: ['A pedestrian was killed by a driver who was speeding; the family asked about meeting him.'] },
  { category: 'Arson', weight: 2, sensitive: [], descriptions: ['Wheelie bins set alight against the wall of a church hall.'] },
  { category: 'Fraud', weight: 3, sensitive: [], descriptions: ['An older man was persuaded to pay for roof repairs that were never done.', 'Online shopping fraud against a small business.'] },
];

export const ACCESSIBILITY_NEEDS = [
  'Needs information in Easy Read.',
  'Hearing impaired: use a BSL interpreter for meetings.',
  'Wheelchair user: ground-floor venue needed.',
  'Anxiety in groups: prefers short meetings with breaks.',
  'Dyslexic: read documents aloud before signing.',
] as const;

export const STREETS = ['Station Road', 'Heol y Parc', 'Church Lane', 'Victoria Street', 'Mill Close', 'Ffordd Penrhos', 'Albert Terrace', 'Meadow View'] as const;
export const TOWNS = [
  ['Coventry', 'CV1'],
  ['Leamington Spa', 'CV32'],
  ['Swansea', 'SA1'],
  ['Cardiff', 'CF10'],
  ['Birmingham', 'B15'],
  ['Leeds', 'LS6'],
  ['Nuneaton', 'CV11'],
  ['Aberystwyth', 'SY23'],
] as const;

export const PRONOUNS = ['she/her', 'he/him', 'they/them'] as const;
