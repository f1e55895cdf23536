/**
 * The order of a merged set (an array of records with ids, or of tags). It must come out the
 * same on every machine, whichever side a machine calls "ours", so it depends only on the
 * base and on the sides in their canonical order (by revision), never on which side is ours
 * or preferred:
 * - the elements that were in the base keep the base's order, unless a side reordered them,
 *   in which case the first side (canonical order) that did gives the order;
 * - each side's additions go just before the element that followed them on that side (at the
 *   end if none did, so an entry added last stays last even when others were moved), those of
 *   earlier sides first when two sides added before the same element.
 * Timelines whose every element carries a date are then sorted by it (sortByDate).
 */
export function mergedOrder(baseKeys: readonly string[], sideKeys: readonly (readonly string[])[], survives: (k: string) => boolean): string[] {
  const inBase = new Set(baseKeys);
  const kept = baseKeys.filter(survives);
  const skeleton = keptOrder(
    kept,
    sideKeys.map((ks) => ks.filter((k) => inBase.has(k) && survives(k))),
  );
  const placed = new Set(skeleton);
  const runs = new Map<string | null, string[]>();
  const flush = (anchor: string | null, pending: string[]) => {
    if (pending.length > 0) runs.set(anchor, [...(runs.get(anchor) ?? []), ...pending]);
  };
  for (const keys of sideKeys) {
    let pending: string[] = [];
    for (const k of keys) {
      if (inBase.has(k)) {
        if (!survives(k)) continue;
        flush(k, pending);
        pending = [];
      } else if (!placed.has(k) && survives(k)) {
        placed.add(k);
        pending.push(k);
      }
    }
    flush(null, pending);
  }
  return [...skeleton.flatMap((k) => [...(runs.get(k) ?? []), k]), ...(runs.get(null) ?? [])];
}

/** The order of the surviving base elements: a reordering side's order, else the base's. */
function keptOrder(kept: readonly string[], sideSeqs: readonly string[][]): string[] {
  const source = sideSeqs.find((seq) => !isInOrder(seq, kept));
  if (!source) return [...kept];
  // Elements the reordering side removed but another side kept go after their base predecessor.
  const out = [...source];
  const have = new Set(out);
  kept.forEach((k, i) => {
    if (have.has(k)) return;
    out.splice(i === 0 ? 0 : out.indexOf(kept[i - 1]!) + 1, 0, k);
    have.add(k);
  });
  return out;
}

/** True when `seq` (a subset of `order`) lists its elements in the same relative order. */
function isInOrder(seq: readonly string[], order: readonly string[]): boolean {
  let j = 0;
  for (const k of seq) {
    while (j < order.length && order[j] !== k) j++;
    if (j === order.length) return false;
    j++;
  }
  return true;
}

/** Stable sort by each key's date when every key has one; otherwise the order as it is. */
export function sortByDate(keys: string[], dateOf: (k: string) => string | undefined): string[] {
  const dated = keys.map((k, i) => ({ k, i, d: dateOf(k) }));
  if (dated.some((x) => x.d === undefined)) return keys;
  dated.sort((a, b) => (a.d! < b.d! ? -1 : a.d! > b.d! ? 1 : a.i - b.i));
  return dated.map((x) => x.k);
}
