/**
 * Where each thing that blocks a case is put right (issue 14: "blockers link to their fix").
 * The gates (workflow-gates.ts, outcomes/closure.ts) say what is wrong in plain words; this
 * says which part of the case page clears it, so the Next step panel, "close blocked" and a
 * refused booking can link straight there. A test runs every message the gates produce
 * through it, so a new message without a place to fix it fails there, not on screen.
 */
export type FixPlace = 'team' | 'people' | 'contacts' | 'consent' | 'risk' | 'process' | 'agreement';

export interface BlockerFix {
  place: FixPlace;
  /** The link's words: what to do there ("Record a contact"). */
  label: string;
}

const FIXES: readonly [RegExp, BlockerFix][] = [
  [/^There is no person (harmed|responsible) taking part/, { place: 'people', label: 'Go to people' }],
  [/^Assign a lead facilitator|^The lead facilitator, .* is no longer active|cannot lead a case|the lead must be an Advanced practitioner|assign a co-facilitator|^The co-facilitator, .* is no longer active|cannot co-facilitate/, { place: 'team', label: 'Assign the team' }],
  [/^Record a contact with the person/, { place: 'contacts', label: 'Record a contact' }],
  [/has withdrawn consent\.$|has not given consent to element/, { place: 'consent', label: 'Record consent' }],
  [/has no risk assessment\.$|^Assess the risk for|due for review on .*; re-assess first\.$/, { place: 'risk', label: 'Assess the risk' }],
  [/risk assessment is not signed off\.$|risk assessment must be signed off by/, { place: 'risk', label: 'Sign off the risk assessment' }],
  [/risk assessment found them not suitable\.$|was assessed as not suitable: record/, { place: 'people', label: 'Mark them as not taking part' }],
  [/risk assessment allows an indirect process only\.$/, { place: 'risk', label: 'See the risk assessment' }],
  [/^Cancel or record the .* before closing\.$/, { place: 'process', label: 'Go to meetings' }],
  [/^Actions? [0-9, and]+ (is|are) still open: record whether/, { place: 'agreement', label: 'Record progress' }],
];

export function fixFor(problem: string): BlockerFix | undefined {
  return FIXES.find(([re]) => re.test(problem))?.[1];
}
