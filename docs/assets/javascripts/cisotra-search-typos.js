/* Words one letter away, for the search engine (cisotra-search-index.js), which loads this
   module only when a word of a query finds nothing.

   A word with one letter wrong, missing, extra, or two letters swapped is compared with the
   words of three near files (hooks/cisotra/searchindex.py explains why three are enough):
   the ones under its first two letters, its second and third, and its first and third. The
   best matches' pages are then read from their shards, at most `typo_shards` of them, and
   rank below every exact match (TYPO). */
import { TYPO, hex, length, untail } from "./cisotra-search-index.js";

const TYPO_TERMS = 8; // words one letter away whose pages are looked up, the best first

/* Whether `a` and `b` differ by at most one letter changed, added or removed, or two
   neighbouring letters swapped (Damerau-Levenshtein distance of at most 1). */
export function oneEditApart(a, b) {
  if (a === b) { return true; }
  const x = Array.from(a);
  const y = Array.from(b);
  if (Math.abs(x.length - y.length) > 1) { return false; }
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) { i += 1; }
  const rest = (list, from) => list.slice(from).join("");
  if (x.length === y.length) {
    if (rest(x, i + 1) === rest(y, i + 1)) { return true; } // one letter changed
    return x[i] === y[i + 1] && x[i + 1] === y[i] && rest(x, i + 2) === rest(y, i + 2); // two swapped
  }
  return x.length > y.length ? rest(x, i + 1) === rest(y, i) : rest(x, i) === rest(y, i + 1);
}

/* The pages of the words one edit away from `found.word`, added to `found`: at most 3 near
   files and `typo_shards` shards. */
export async function lookup(index, found, budget) {
  const typed = [index.form(found.word), index.term(found.word)].filter((text) => length(text) >= index.typoMin);
  if (!typed.length) { return; }
  const letters = Array.from(typed[0]);
  const keys = Array.from(new Set([letters[0] + letters[1], letters[1] + letters[2], letters[0] + letters[2]]))
    .filter((key) => index.near.has(key));
  const lists = await Promise.all(keys.map((key) => index.fetched(index.files, "near/" + hex(key) + ".json", budget)));
  const candidates = new Map();
  for (const list of lists) {
    for (const [term, listed] of Object.entries(list || {})) {
      if (candidates.has(term)) { continue; }
      const strings = [term, ...listed.slice(1).map((tail) => untail(term, tail))];
      // Best first: the word as typed one edit from a word of the pages, then its stem one
      // edit from a term (a stemmer may cut a mistyped word anywhere); among equals, the word
      // on more pages. Whole words only: a beginning one edit from the typed letters matches
      // too many words while the visitor is still typing.
      const rank = typed.findIndex((text) => strings.some((string) => oneEditApart(text, string)));
      if (rank >= 0) { candidates.set(term, [rank, -listed[0]]); }
    }
  }
  const ranked = Array.from(candidates).sort((a, b) => a[1][0] - b[1][0] || a[1][1] - b[1][1] || (a[0] < b[0] ? -1 : 1));
  const homes = new Map();
  let taken = 0;
  for (const [term] of ranked) {
    const home = index.home(term);
    if (!homes.has(home) && homes.size >= index.limits.typo_shards) { continue; }
    if (!homes.has(home)) { homes.set(home, new Set()); }
    homes.get(home).add(term);
    taken += 1;
    if (taken >= TYPO_TERMS) { break; }
  }
  // One shard after the other, best first: the next only while the words found so far are
  // on fewer pages than the results show (a common word needs no second shard).
  for (const [home, wanted] of homes) {
    if (found.scores.size >= index.limits.shown) { break; }
    for (const listed of (await index.shard(home, budget)) || []) {
      if (wanted.has(listed.term)) { index.take(found, listed, TYPO); }
    }
  }
}
