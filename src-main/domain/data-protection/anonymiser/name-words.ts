/**
 * Names that are also everyday English words. Matched only when written with a capital (or in
 * capitals), or as part of the person's fuller name, or after a title ("Mr Brown"), so that "I
 * hope", "the brown door" or "she will" in a note are left alone while "Hope said" and
 * "HOPE" are caught. Any name not on this list is matched in any case.
 */
const WORDS = `
able ash bank banks bell bird black bloom bond booth bush butcher brook brooks brown bull
carpenter chance cook cooper cross crown dale dawn day dean drake dove duke early east
english fair faith fields fisher fletcher ford forest fox frank free french frost gardener
gay glass gold golding good grace grant gray green grey guy hall hart heart hill hills holly
hood hope house hunt hunter ivy jack jay joy july june just king knight lamb lane law lea
lee little long love lucky mark marsh mason may mercy miles mill miller moon moore moss
nash new newman north norman page palmer park parker parsons patience pearl penny
pike pine pool pope porter power price prince pretty rich river rivers rock rose ross
ruby rush sage salt savage scott shepherd short sky small smith snow south spring stone
storm street summer summers swan sweet taylor thorn tucker turner victor violet wade walker
wall ward warren waters weaver webb west white wild will williams wing winter wise wolf
wood woods wren young
`;

export const NAME_WORDS: ReadonlySet<string> = new Set(WORDS.split(/\s+/).filter(Boolean));

/** Titles that make the next word a name however it is written. */
export const TITLES: ReadonlySet<string> = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'sir', 'dame', 'lady', 'lord', 'master']);

/** Parts of names too common to identify anyone on their own ("de", "van", "al"). */
export const PARTICLES: ReadonlySet<string> = new Set(['a', 'al', 'ap', 'bin', 'bint', 'ben', 'da', 'das', 'de', 'del', 'della', 'der', 'di', 'do', 'dos', 'du', 'el', 'la', 'le', 'mac', 'mc', 'o', 'san', 'st', 'ten', 'ter', 'van', 'von', 'y', 'ibn', 'abu']);
