/**
 * Dates as people write them, found in folded text (folded-text.ts): 01/05/1980, 1.5.80,
 * 1980-05-01, 1 May 1980, 1st of May 1980, the first of May 1980, May 1st, 1980. Each is read
 * as day, month and year (two-digit years as both 19xx and 20xx) so a date of birth is caught in
 * whatever form a note uses, and any other date can be made relative in a case study.
 */
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const ORDINAL_WORDS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth', 'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'nineteenth', 'twentieth'];
const DAY_WORD = `((?:twenty|thirty)[- ]?(?:${ORDINAL_WORDS.slice(0, 9).join('|')})|${ORDINAL_WORDS.join('|')}|thirtieth)`;
const DAY = `(\\d{1,2})(?:st|nd|rd|th)?`;
const YEAR = "(\\d{4}|'?\\d{2})";

const FORMS: { re: RegExp; read: (m: RegExpExecArray) => [string, string, string] }[] = [
  { re: /(?<![\d./-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\d/-])/g, read: (m) => [m[3]!, m[2]!, m[1]!] },
  { re: /(?<![\d./-])(\d{1,2})[./-](\d{1,2})[./-](\d{4}|\d{2})(?![\d./-]?\d)/g, read: (m) => [m[1]!, m[2]!, m[3]!] },
  { re: new RegExp(`(?<![\\p{L}\\d])${DAY}\\s+(?:of\\s+)?${MONTH},?\\s+${YEAR}(?!\\d)`, 'gu'), read: (m) => [m[1]!, m[2]!, m[3]!] },
  { re: new RegExp(`(?<![\\p{L}\\d])(?:the\\s+)?${DAY_WORD}\\s+(?:of\\s+)?${MONTH},?\\s+${YEAR}(?!\\d)`, 'gu'), read: (m) => [m[1]!, m[2]!, m[3]!] },
  { re: new RegExp(`(?<![\\p{L}])${MONTH}\\s+(?:the\\s+)?${DAY},?\\s+${YEAR}(?!\\d)`, 'gu'), read: (m) => [m[2]!, m[1]!, m[3]!] },
];

function dayNumber(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  const w = s.replace(/[- ]/g, '');
  for (const [tens, base] of [['twenty', 20], ['thirty', 30]] as const) {
    if (w === `${tens.slice(0, -1)}ieth`) return base;
    if (w.startsWith(tens)) return base + ORDINAL_WORDS.indexOf(w.slice(tens.length)) + 1;
  }
  return ORDINAL_WORDS.indexOf(w) + 1;
}

function monthNumber(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  return MONTHS.indexOf(s.slice(0, 3)) + 1;
}

const pad = (n: number) => String(n).padStart(2, '0');

export interface DateInText {
  start: number;
  end: number;
  /** Every ISO date the text may mean (two for a two-digit year). */
  dates: string[];
}

export function datesInText(folded: string): DateInText[] {
  const out: DateInText[] = [];
  for (const form of FORMS) {
    form.re.lastIndex = 0;
    for (let m = form.re.exec(folded); m; m = form.re.exec(folded)) {
      const [d, mo, y] = form.read(m);
      const day = dayNumber(d);
      const month = monthNumber(mo);
      if (day < 1 || day > 31 || month < 1 || month > 12) continue;
      const yy = y.replace("'", '');
      const years = yy.length === 4 ? [yy] : [`19${yy}`, `20${yy}`];
      out.push({ start: m.index, end: m.index + m[0].length, dates: years.map((year) => `${year}-${pad(month)}-${pad(day)}`) });
    }
  }
  return out;
}
