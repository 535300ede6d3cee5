/* The search index of the page's language (hooks/cisotra/searchindex.py), read in the browser.

   A query's words become terms exactly as the build made the index's terms
   (hooks/cisotra/search.py): lower case by the language's rules, stemmed (a Snowball
   stemmer, or Slovenian's endings), then folded. Each word is looked up in one file: the
   shard of its first letters, or the prefix file of a key split into longer ones. The
   manifest (index.json) lists every file there is, so nothing is asked for in vain. A word
   that finds nothing is compared with the words of its near files (one letter wrong,
   missing, extra or two swapped), and their pages rank below exact matches. A query is
   bounded by the limits the page hands over (QUERY_LIMITS in search.py): its first words
   and characters, and a number of requests it never exceeds.

   Tested on its own by tests/js (node --test), on an index the build's code wrote. */

export const WORD = /[\p{L}\p{N}]+/gu;
const MIN_TERM = 2;
const MAX_TERM = 40;
const PREFIX_MIN = 3; // a split key this long has a prefix file (searchindex.py)
// A term a little shorter than the query's is another form of its word ("workshop" for
// "workshops" where the stemmer keeps the s); one much shorter is another word.
const SHORTER_BY = 2;
const SHORTER_MIN = 4;
const EXACT = 1;
const LONGER = 0.8; // the query's word begins it: a word still being typed, or a longer form
const SHORTER = 0.7;
// One letter away (cisotra-search-typos.js): a page's score s becomes TYPO * s / (s + TYPO_HALF),
// always below TYPO, so below every match of what was typed (at least SHORTER times a score of 1).
export const TYPO = 0.5;
const TYPO_HALF = 10;
const EXCERPT = 220; // characters around the first matched word
const BEGINNING = 3; // letters of a word compared with the matched terms' before it is stemmed

export function fold(text) {
  return text.normalize("NFD").replace(/\p{M}/gu, "").replace(/ς/g, "σ").replace(/ı/g, "i").replace(/ß/g, "ss");
}

/* The first `count` letters (code points, as the build counts them). */
export function first(text, count) {
  return Array.from(text).slice(0, count).join("");
}

export function length(text) {
  return Array.from(text).length;
}

/* A form as an entry writes it: the letters after the term, after a "<" for each of the term's
   last letters it does not share (searchindex.tail). */
export function untail(term, tail) {
  let cut = 0;
  while (tail[cut] === "<") { cut += 1; }
  const letters = Array.from(term);
  return letters.slice(0, letters.length - cut).join("") + tail.slice(cut);
}

/* An entry of a shard: [gap, score, …, "form", …, "=synonym", …]. */
export function entry(term, listed) {
  const pages = [];
  const strings = [term];
  const synonyms = [];
  let i = 0;
  let page = 0;
  for (; i < listed.length && typeof listed[i] === "number"; i += 2) {
    page += listed[i];
    pages.push([page, listed[i + 1]]);
  }
  for (; i < listed.length; i += 1) {
    if (listed[i][0] === "=") { synonyms.push(listed[i].slice(1)); } else { strings.push(untail(term, listed[i])); }
  }
  return { term, pages, strings, synonyms };
}

/* A key set as the manifest writes it: {all but the last letter: the last letters}. */
export function keySet(written) {
  const keys = new Set();
  for (const [head, lasts] of Object.entries(written || {})) {
    for (const last of Array.from(lasts)) { keys.add(head + last); }
  }
  return keys;
}

// Chromium keeps a module whose fetch failed as failed at its address for the page's life: a
// later try must ask at another address. Each module this engine loads is asked for again at
// ?attempt=<the engine's own attempt>.<this module's failures so far>, so that a new copy of the
// engine (cisotra-search.js loads one after a failure) does not meet an old failure either.
const loadedAs = new URL(import.meta.url).searchParams.get("attempt") || "0";
const failures = new Map();
async function importAgain(url) {
  const tries = failures.get(url) || 0;
  const asked = new URL(url);
  if (tries || loadedAs !== "0") { asked.searchParams.set("attempt", `${loadedAs}.${tries}`); }
  try {
    return await import(asked.href);
  } catch (error) {
    failures.set(url, tries + 1);
    throw error;
  }
}

async function stemmer(rules, stemmers) {
  if (rules.snowball) {
    const module = await importAgain(new URL(rules.snowball + "-stemmer.js", stemmers).href);
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

export function hex(key) {
  return Array.from(new TextEncoder().encode(key), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/* A failed fetch: `status` is the HTTP status, or 0 when the network failed. */
export class FetchError extends Error {
  constructor(url, status) {
    super(url + ": " + (status || "network error"));
    this.status = status;
  }
}

async function fetchJson(url, options) {
  let response;
  try {
    response = await fetch(url, options);
  } catch (error) {
    throw new FetchError(String(url), 0);
  }
  if (!response.ok) { throw new FetchError(String(url), response.status); }
  return response.json();
}

function addScore(scores, page, score) {
  if (!(scores.get(page) >= score)) { scores.set(page, score); }
}

class Index {
  constructor(base, manifest, tag, stem, rules) {
    this.base = base;
    this.version = manifest.version;
    this.shards = keySet(manifest.shards);
    this.near = keySet(manifest.near);
    this.split = new Set(manifest.split);
    this.tag = tag;
    this.stem = stem;
    this.limits = rules.limits;
    this.typoMin = rules.typo_min;
    this.terms = new Map();
    this.beginnings = new Map();
    this.files = new Map();
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

  /* The word lower-cased and folded, not stemmed: how the index writes forms. */
  form(word) {
    return fold(word.normalize("NFC").toLocaleLowerCase(this.tag));
  }

  beginning(word) {
    let found = this.beginnings.get(word);
    if (found === undefined) {
      found = first(fold(first(word, BEGINNING + 1).toLocaleLowerCase(this.tag)), BEGINNING);
      this.beginnings.set(word, found);
    }
    return found;
  }

  termsOf(text) {
    return Array.from(text.normalize("NFC").matchAll(WORD), (match) => this.term(match[0]))
      .filter((term) => term.length >= MIN_TERM && term.length <= MAX_TERM);
  }

  /* A file of the index, fetched once; null when the query's requests are used up. A failed
     fetch is forgotten, so the next query tries again. */
  fetched(cache, path, budget, parse) {
    if (!cache.has(path)) {
      if (budget) {
        if (budget.left <= 0) { budget.exhausted = true; return Promise.resolve(null); }
        budget.left -= 1;
        budget.made.push(path);
      }
      const loading = fetchJson(new URL(path + "?v=" + this.version, this.base)).then(parse || ((value) => value));
      loading.catch(() => cache.delete(path));
      cache.set(path, loading);
    }
    return cache.get(path);
  }

  shard(key, budget) {
    return this.fetched(this.files, "terms/" + hex(key) + ".json", budget, (written) =>
      Object.entries(written).map(([term, listed]) => entry(term, listed)));
  }

  /* Where the words that begin with `text` are: {shard}, {prefix} (a split key's prefix file),
     or {exact} (a 2-letter split key: its own shard holds its own term only). */
  place(text) {
    const size = length(text);
    let key = first(text, MIN_TERM);
    while (this.split.has(key) && size > length(key)) { key = first(text, length(key) + 1); }
    if (!this.split.has(key)) { return { shard: key }; }
    return size >= PREFIX_MIN ? { prefix: key } : { exact: key };
  }

  /* The shard a term's own entry is in. */
  home(term) {
    const place = this.place(term);
    return place.shard || place.exact || place.prefix;
  }

  /* One word's pages: {scores: Map(page → score), marks, more}; `more` is the word when it
     is two letters, so only that exact term was looked up. One file per candidate (the term,
     and the word as typed when it is not the term). */
  async lookup(word, budget) {
    const typedForm = this.form(word);
    const candidates = Array.from(new Set([this.term(word), typedForm]))
      .filter((text) => text.length >= MIN_TERM && text.length <= MAX_TERM);
    const found = { word, scores: new Map(), marks: { terms: new Set(), prefixes: new Set() }, more: "" };
    await Promise.all(candidates.map(async (typed) => {
      const place = this.place(typed);
      if (place.prefix) {
        const file = await this.fetched(this.files, "prefixes/" + hex(place.prefix) + ".json", budget);
        if (!file) { return; }
        let page = 0;
        for (let i = 0; i < file.top.length; i += 2) {
          page += file.top[i];
          addScore(found.scores, page, file.top[i + 1] * LONGER);
        }
        page = 0;
        for (const gap of file.more) {
          page += gap;
          addScore(found.scores, page, LONGER);
        }
        found.marks.prefixes.add(typed);
        for (const other of file.synonyms || []) { found.marks.terms.add(other); }
        return;
      }
      const key = place.shard || place.exact;
      // Two letters find that word itself; the words they begin are too many to be worth
      // fetching pages for (or, for a split key, in many shards): a third letter finds them.
      const exactOnly = length(typed) <= MIN_TERM;
      const begun = this.shards.has(key) || this.split.has(key); // some word begins so
      if (exactOnly && typed === typedForm && begun) { found.more = typed; }
      if (!this.shards.has(key)) { return; }
      const entries = await this.shard(key, budget);
      for (const listed of entries || []) {
        let factor = 0;
        if (listed.term === typed) { factor = EXACT; }
        else if (exactOnly) { continue; }
        else if (listed.strings.some((string) => string.startsWith(typed))) { factor = LONGER; }
        else if (typed.startsWith(listed.term) && listed.term.length >= SHORTER_MIN && typed.length - listed.term.length <= SHORTER_BY) { factor = SHORTER; }
        if (!factor) { continue; }
        this.take(found, listed, factor);
      }
    }));
    return found;
  }

  take(found, listed, factor) {
    found.marks.terms.add(listed.term);
    for (const other of listed.synonyms) { found.marks.terms.add(other); }
    for (const [page, score] of listed.pages) {
      addScore(found.scores, page, factor === TYPO ? TYPO * score / (score + TYPO_HALF) : score * factor);
    }
  }

  /* The query as searched: its first characters and words (the limits), and whether any was left out. */
  bounded(query) {
    const limits = this.limits;
    let text = query.trim();
    let cut = false;
    if (length(text) > limits.characters) { text = first(text, limits.characters); cut = true; }
    let words = Array.from(text.normalize("NFC").matchAll(WORD), (match) => match[0]);
    if (words.length > limits.words) { words = words.slice(0, limits.words); cut = true; }
    return { words, cut };
  }

  /* Pages with every word of the query, best first: {total, results: [page number], scores,
     marks (for describe), more: a beginning to type one more letter after, or "", cut: whether
     words or characters were left out, requests: the files fetched}. */
  async search(query) {
    const { words, cut } = this.bounded(query);
    const budget = { left: this.limits.requests - this.limits.shown, made: [], exhausted: false };
    // The last word is still being typed unless a space follows it: one letter or two ask
    // for a letter more (two also find that word itself).
    const typing = words.length && !/\s$/u.test(query) ? words[words.length - 1] : null;
    const searched = [];
    const seen = new Set();
    let more = "";
    for (const word of words) {
      const form = this.form(word);
      if (form.length < MIN_TERM) {
        if (word === typing) { more = form; }
        continue;
      }
      // A word is looked up by its term and as typed (a stemmer may cut a beginning short).
      const key = this.term(word) + " " + form;
      if (form.length > MAX_TERM || seen.has(key)) { continue; }
      seen.add(key);
      searched.push(word);
    }
    const none = { total: 0, results: [], scores: [], marks: { terms: new Set(), prefixes: new Set() }, more, cut, requests: budget.made };
    if (!searched.length) { return none; }
    const found = await Promise.all(searched.map((word) => this.lookup(word, budget)));
    const lost = found.filter((each) => !each.scores.size && !each.more).slice(0, this.limits.typo_words);
    if (lost.length) {
      // Only a word that finds nothing needs the typo module: most queries never load it.
      const typos = await importAgain(new URL("cisotra-search-typos.js", import.meta.url).href);
      await Promise.all(lost.map((each) => typos.lookup(this, each, budget)));
    }
    let scores = found[0].scores;
    for (const other of found.slice(1)) {
      const both = new Map();
      for (const [page, score] of scores) {
        if (other.scores.has(page)) { both.set(page, score + other.scores.get(page)); }
      }
      scores = both;
    }
    const marks = { terms: new Set(), prefixes: new Set() };
    for (const each of found) {
      each.marks.terms.forEach((term) => marks.terms.add(term));
      each.marks.prefixes.forEach((prefix) => marks.prefixes.add(prefix));
      if (each.more && each.word === typing) { more = each.more; }
    }
    const results = Array.from(scores.keys()).sort((a, b) => scores.get(b) - scores.get(a) || a - b);
    return {
      total: results.length, results, scores: results.map((page) => scores.get(page)), marks, more, cut,
      requests: budget.made, exhausted: budget.exhausted,
    };
  }

  page(number) {
    return this.fetched(this.pages, "pages/" + number + ".json");
  }

  /* Whether a word of a page is one the query found: its term, or a beginning it was found by. */
  marked(word, marks, beginnings) {
    if (!beginnings.has(this.beginning(word))) { return false; }
    if (marks.terms.has(this.term(word))) { return true; }
    const form = this.form(word);
    for (const prefix of marks.prefixes) {
      if (form.startsWith(prefix)) { return true; }
    }
    return false;
  }

  /* What a result shows: the section where the query's words are, and an excerpt of it as
     [text, matched] parts (text, never HTML). */
  describe(page, marks) {
    const beginnings = new Set([...marks.terms, ...marks.prefixes].map((key) => first(key, BEGINNING)));
    let best = { number: 0, hits: [] };
    page.sections.forEach((section, number) => {
      const hits = [];
      for (const match of section[2].matchAll(WORD)) {
        // Stem only words that could match: a term begins as its word does, lower-cased and folded.
        if (this.marked(match[0], marks, beginnings)) {
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

/* The index of language `tag` under `index` (the site's search/ folder). The manifest is
   checked with the server each time (a new build's index replaces the old one). */
export async function open(index, tag, rules, stemmers) {
  const base = new URL(tag + "/", index);
  const [manifest, stem] = await Promise.all([
    fetchJson(new URL("index.json", base), { cache: "no-cache" }),
    stemmer(rules, stemmers),
  ]);
  return new Index(base, manifest, tag, stem, rules);
}
