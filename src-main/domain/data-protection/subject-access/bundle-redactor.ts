import { anonymise } from '../anonymiser/anonymise';
import type { Hit, IdentifierFinder } from '../anonymiser/find';
import type { BundleRedaction, BundleText, RedactionKind } from './bundle-schema';

/**
 * Free text for the bundle: run through the one anonymiser, which looks for everyone the
 * casebook names. What is the requester's own (their names, date of birth, phone, e-mail,
 * address, including what they share with someone else) stays as written, and so do plain
 * dates and reference numbers, which are part of their story; everyone else becomes their part
 * in the case ("[the other party]"), or "[another person]" when they belong to another case,
 * and contact details the casebook does not list become their kind ("[phone number]"), since
 * they may be someone else's. Every redaction is kept with where it was, for the review.
 */
export class Redactor {
  readonly redactions: BundleRedaction[] = [];

  constructor(
    private readonly finder: IdentifierFinder,
    private readonly requesterKeys: ReadonlySet<string>,
  ) {}

  private keep = (h: Hit): boolean => h.keys.some((k) => this.requesterKeys.has(k)) || (!h.known && (h.kind === 'date' || h.kind === 'reference'));

  /** The text with others taken out, or undefined when there is none. */
  text(at: { case: string; where: string; labels: ReadonlyMap<string, string> }, name: string, raw: string | undefined): BundleText | undefined {
    if (raw === undefined || raw.trim() === '') return undefined;
    const r = anonymise(raw.trim(), this.finder, { keep: this.keep, personLabel: (k) => at.labels.get(k) ?? '[another person]' });
    for (const x of r.replacements) this.redactions.push({ case: at.case, where: `${at.where}, ${name.toLowerCase()}`, kind: x.kind as RedactionKind, label: x.label });
    return { name, text: r.text, marks: r.replacements.map((x) => ({ start: x.start, end: x.end })) };
  }

  /** Someone shown by their part only: their name, date of birth and contact details left out. */
  person(at: { case: string; where: string }, label: string): void {
    this.redactions.push({ case: at.case, where: at.where, kind: 'person', label });
  }
}
