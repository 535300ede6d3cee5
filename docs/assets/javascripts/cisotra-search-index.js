/* The search index of the page's language (hooks/cisotra/searchindex.py), read in the browser.

   A query's words become terms exactly as the build made the index's terms
   (hooks/cisotra/search.py): lower case by the language's rules, stemmed (a Snowball
   stemmer, or Slovenian's endings), then folded. Only the shards holding the query's terms
   are fetched, then the pages of the first results. */

const WORD = /[\p{L}\p{N}]+/gu;
const MIN_TERM = 2;
const MAX_TERM = 40;
// A term a little shorter than the query's is another form of its word ("workshop" for
// "workshops" where the stemmer keeps the s); one much shorter is another word.
const SHORTER_BY = 2;
const SHORTER_MIN = 4;
const EXACT = 1;
const LONGER = 0.8; // the query's term begins it: a word still being typed, or a longer form
const SHORTER = 0.7;
const EXCERPT = 220; // characters around the first matched word
const BEGINNING = 3; // letters of a word compared with the matched terms' before it is stemmed

export function fold(text) {
  return text.normalize("NFD").replace(/\p{M}/gu, "").replace(/ς/g, "σ").replace(/ı/g, "i").replace(/ß/g, "ss");
}

async function stemmer(rules, stemmers) {
  if (rules.snowball) {
    const module = await import(new URL(rules.snowball + "-stemmer.js", stemmers).href);
    const snowball = new module.default();
    return (word) => snowball.stemWord(word);
  }
  if (rules.suffixes) {
    return (word) => {
      for (const suffix of rules.suffixes) {
        if (word.length - suffix.length >= rules.min && word.endsWith(suffix)) { return word.slice(0, -suffix.length); }
      }
      return word;
    };
  }
  return (word) => word;
}

function hex(key) {
  return Array.from(new TextEncoder().encode(key), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

async function fetchJson(url) {
  const response = await fetch(url);
  if (!response.ok) { throw new Error(url + ": " + response.status); }
  return response.json();
}

class Index {
  constructor(base, manifest, tag, stem) {
    this.base = base;
    this.version = manifest.version;
    this.split = new Set(manifest.split);
    this.tag = tag;
    this.stem = stem;
    this.terms = new Map();
    this.beginnings = new Map();
    this.shards = new Map();
    this.pages = new Map();
  }

  term(word) {
    let found = this.terms.get(word);
    if (found === undefined) {
      found = fold(this.stem(word.normalize("NFC").toLocaleLowerCase(this.tag)));
      this.terms.set(word, found);
    }
    return found;
  }

  beginning(word) {
    let found = this.beginnings.get(word);
    if (found === undefined) {
      found = fold(word.slice(0, BEGINNING + 1).toLocaleLowerCase(this.tag)).slice(0, BEGINNING);
      this.beginnings.set(word, found);
    }
    return found;
  }

  termsOf(text) {
    return Array.from(text.normalize("NFC").matchAll(WORD), (match) => this.term(match[0]))
      .filter((term) => term.length >= MIN_TERM && term.length <= MAX_TERM);
  }

  fetched(cache, path) {
    if (!cache.has(path)) {
      const loading = fetchJson(new URL(path + "?v=" + this.version, this.base));
      loading.catch(() => cache.delete(path)); // a failed fetch (offline) is tried again by the next query
      cache.set(path, loading);
    }
    return cache.get(path);
  }

  shardKey(term) {
    let key = term.slice(0, MIN_TERM);
    while (this.split.has(key) && term.length > key.length) { key = term.slice(0, key.length + 1); }
    return key;
  }

  async matches(term) {
    const shard = await this.fetched(this.shards, "terms/" + hex(this.shardKey(term)) + ".json");
    const scores = new Map();
    const keys = [];
    for (const key of Object.keys(shard)) {
      let factor = 0;
      if (key === term) { factor = EXACT; }
      else if (key.startsWith(term)) { factor = LONGER; }
      else if (term.startsWith(key) && key.length >= SHORTER_MIN && term.length - key.length <= SHORTER_BY) { factor = SHORTER; }
      if (!factor) { continue; }
      keys.push(key);
      const flat = shard[key];
      let page = 0;
      for (let i = 0; i < flat.length; i += 2) {
        page += flat[i];
        const score = flat[i + 1] * factor;
        if (!(scores.get(page) >= score)) { scores.set(page, score); }
      }
    }
    return { scores, keys };
  }

  /* Pages with every word of the query, best first: {total, results: [page number], keys}. */
  async search(query) {
    const terms = Array.from(new Set(this.termsOf(query)));
    if (!terms.length) { return { total: 0, results: [], keys: [] }; }
    const found = await Promise.all(terms.map((term) => this.matches(term)));
    let scores = found[0].scores;
    for (const other of found.slice(1)) {
      const both = new Map();
      for (const [page, score] of scores) {
        if (other.scores.has(page)) { both.set(page, score + other.scores.get(page)); }
      }
      scores = both;
    }
    const results = Array.from(scores.keys()).sort((a, b) => scores.get(b) - scores.get(a) || a - b);
    return { total: results.length, results, keys: found.flatMap((each) => each.keys) };
  }

  page(number) {
    return this.fetched(this.pages, "pages/" + number + ".json");
  }

  /* What a result shows: the section where the query's words are, and an excerpt of it as
     [text, matched] parts (text, never HTML). */
  describe(page, keys) {
    const wanted = new Set(keys);
    const beginnings = new Set(keys.map((key) => key.slice(0, BEGINNING)));
    let best = { number: 0, hits: [] };
    page.sections.forEach((section, number) => {
      const hits = [];
      for (const match of section[2].matchAll(WORD)) {
        // Stem only words that could match: a term begins as its word does, lower-cased and folded.
        if (beginnings.has(this.beginning(match[0])) && wanted.has(this.term(match[0]))) {
          hits.push([match.index, match.index + match[0].length]);
        }
      }
      if (hits.length > best.hits.length) { best = { number, hits }; }
    });
    const [heading, anchor, text] = page.sections[best.number] || ["", "", ""];
    let start = best.hits.length ? Math.max(0, best.hits[0][0] - EXCERPT / 3) : 0;
    if (start > 0) { start = text.indexOf(" ", start) + 1 || start; }
    let end = Math.min(text.length, start + EXCERPT);
    if (end < text.length) { end = text.lastIndexOf(" ", end) > start ? text.lastIndexOf(" ", end) : end; }
    const parts = start > 0 ? [["… ", false]] : [];
    let at = start;
    for (const [from, to] of best.hits) {
      if (from < start || to > end) { continue; }
      parts.push([text.slice(at, from), false], [text.slice(from, to), true]);
      at = to;
    }
    parts.push([text.slice(at, end), false]);
    if (end < text.length) { parts.push([" …", false]); }
    return { path: page.path, title: page.title, heading, anchor, parts };
  }
}

/* The index of language `tag` under `index` (the site's search/ folder). */
export async function open(index, tag, rules, stemmers) {
  const base = new URL(tag + "/", index);
  const [manifest, stem] = await Promise.all([fetchJson(new URL("index.json", base)), stemmer(rules, stemmers)]);
  return new Index(base, manifest, tag, stem);
}
