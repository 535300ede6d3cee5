// Prefixes at every split depth: every word of an index's pages is found by each of its
// beginnings of 3 letters and more, and by its first 2 letters unless those ask for one more.
//
//   node --import ./tests/js/esm.mjs tests/js/prefixes.mjs SEARCH_FOLDER RULES_JSON [TAG …]
//
// checks a built site's index (its search/ folder; RULES_JSON maps each language tag to what
// the pages hand the browser) and prints one line per language; the exit status is 1 when a
// prefix fails. tests/test_site_search.py runs it on a site built with small shards, and
// bench/search.py on bench/site.py's content.
import { engine, openIndex, pagesOf } from "./fixture.mjs";

/* {words, prefixes, failures: [{word, prefix, missing, total, more}]} for one language's index. */
export async function checkPrefixes(index, pages) {
  const where = new Map(); // a word's form → the pages that have it
  const spelled = new Map(); // a word's form → the word as a page writes it
  pages.forEach((page, number) => {
    const text = [page.title, ...page.sections.flatMap((section) => [section[0], section[2]])].join(" ");
    for (const match of text.normalize("NFC").matchAll(engine.WORD)) {
      if (index.termsOf(match[0]).length !== 1) { continue; } // one letter: no term
      const form = index.form(match[0]);
      if (!where.has(form)) { where.set(form, new Set()); spelled.set(form, match[0]); }
      where.get(form).add(number);
    }
  });
  const failures = [];
  let prefixes = 0;
  for (const [form, word] of spelled) {
    const letters = Array.from(word);
    for (let size = 2; size <= letters.length; size += 1) {
      const prefix = letters.slice(0, size).join("");
      const found = await index.search(prefix);
      prefixes += 1;
      const results = new Set(found.results);
      const missing = Array.from(where.get(form)).filter((page) => !results.has(page));
      if (missing.length && !(size === 2 && found.more)) {
        failures.push({ word, prefix, missing: missing.length, total: found.total, more: found.more });
      }
    }
  }
  return { words: spelled.size, prefixes, failures };
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split("/").pop())) {
  const [folder, rulesJson, ...tags] = process.argv.slice(2);
  const rules = JSON.parse(rulesJson);
  let failed = false;
  for (const tag of tags.length ? tags : Object.keys(rules)) {
    const index = await openIndex(tag, rules[tag], folder);
    const checked = await checkPrefixes(index, pagesOf(folder, tag));
    failed ||= checked.failures.length > 0;
    console.log(JSON.stringify({ tag, words: checked.words, prefixes: checked.prefixes, split: index.split.size,
      failures: checked.failures.length, first: checked.failures.slice(0, 5) }));
  }
  process.exit(failed ? 1 : 0);
}
