// The browser's query engine (docs/assets/javascripts/cisotra-search-index.js) on its own, under
// Node's test runner, on the index the build's code writes of tests/fixtures/search/ (see
// fixture.mjs). tests/test_search_engine_js.py runs this file as part of the Python suite.
import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, test } from "node:test";

import { engine, expected, fixtureFolder, network, openIndex, pagesOf, typos } from "./fixture.mjs";
import { checkPrefixes } from "./prefixes.mjs";

const EXPECTED = expected();
const TAGS = Object.keys(EXPECTED);
// Letters a visitor might type by mistake, each language's own among them.
const ALPHABETS = {
  en: "abcdefghijklmnopqrstuvwxyz",
  sl: "abcčdefghijklmnoprsštuvzž",
  de: "abcdefghijklmnopqrstuvwxyzäöü", // not ß: it is ss once folded, two letters for one
  it: "abcdefghilmnopqrstuvzàèéìòù",
  el: "αβγδεζηθικλμνξοπρστυφχψωάέήίόύώ",
  tr: "abcçdefgğhıijklmnoöprsştuüvyz",
};

async function index(tag) {
  return openIndex(tag, EXPECTED[tag].rules);
}

function words(tag) {
  return Object.entries(EXPECTED[tag].words);
}

function includesAll(found, pages) {
  const results = new Set(found.results);
  return pages.every((page) => results.has(page));
}

describe("terms", () => {
  for (const tag of TAGS) {
    test(`${tag}: the engine makes the build's term and form of every word`, async () => {
      const opened = await index(tag);
      const differ = words(tag)
        .filter(([word, made]) => opened.term(word) !== made.term || opened.form(word) !== made.form)
        .map(([word, made]) => [word, made.term, opened.term(word), made.form, opened.form(word)]);
      assert.deepEqual(differ, []);
    });
  }
});

describe("the index's files", () => {
  test("the fixture splits keys at several depths in every language", () => {
    for (const tag of TAGS) {
      const depths = new Set(EXPECTED[tag].split.map((key) => Array.from(key).length));
      assert.ok(depths.has(2) && depths.has(3) && depths.has(4), `${tag}: ${[...depths]}`);
    }
  });

  test("nothing is asked for that the index does not have, whatever is typed", async () => {
    network.missing.length = 0;
    const odd = ["xenophobia", "Zypern", "ψυχολογική", "zingari", "Ljubljana", "...!?", "(seminar", "«σε",
      "qqqq", "0000", "ẞ", "İı", "ꙮꙮ", "𝔰𝔢𝔪", "e\u0301te\u0301"];
    for (const tag of TAGS) {
      const opened = await index(tag);
      for (const query of odd) { await opened.search(query); }
      for (const [word] of words(tag)) {
        for (let size = 1; size <= Array.from(word).length; size += 1) {
          await opened.search(Array.from(word).slice(0, size).join(""));
        }
      }
    }
    assert.deepEqual(network.missing, []);
  });

  test("a word whose first letters have no shard finds nothing, without a request", async () => {
    const opened = await index("en");
    const before = network.requests.length;
    const found = await opened.search("xq");
    assert.equal(found.total, 0);
    assert.equal(found.more, "");
    assert.equal(network.requests.length, before);
  });
});

describe("prefixes", () => {
  for (const tag of TAGS) {
    test(`${tag}: every word's beginnings of 3 letters and more find its pages; 2 letters find them or ask for one more`, async () => {
      const checked = await checkPrefixes(await index(tag), pagesOf(fixtureFolder(), tag));
      assert.ok(checked.words > 50 && checked.prefixes > 300, JSON.stringify(checked));
      assert.deepEqual(checked.failures, []);
    });
  }

  test("two letters of a split key find their own term and ask for one more letter", async () => {
    const opened = await index("it");
    const [key] = EXPECTED.it.split.filter((split) => split === "di");
    assert.equal(key, "di", "the Italian fixture splits 'di'");
    const found = await opened.search("di");
    assert.equal(found.more, "di");
    const pages = EXPECTED.it.words.di.pages;
    assert.ok(pages.length && includesAll(found, pages), JSON.stringify(found.results));
    // A word followed by more words is complete: it is looked up without asking for a letter.
    assert.equal((await opened.search("di lavoro")).more, "");
    assert.equal((await opened.search("lavoro di ")).more, "");
  });

  test("two letters that are no split key find their own word and ask for a third", async () => {
    const opened = await index("en");
    const found = await opened.search("to");
    assert.equal(found.more, "to");
    assert.ok(!EXPECTED.en.split.includes("to") && includesAll(found, EXPECTED.en.words.to.pages));
    assert.ok(found.results.every((page) => EXPECTED.en.words.to.pages.includes(page)), "only the word itself");
  });

  test("one letter asks for another, also after other words", async () => {
    const opened = await index("en");
    assert.deepEqual([(await opened.search("s")).more, (await opened.search("s")).total], ["s", 0]);
    const after = await opened.search("seminars s");
    assert.equal(after.more, "s");
    assert.ok(after.total > 0);
  });
});

// One edit of `word` at `position`: [kind, the word as typed].
function edits(word, position, alphabet) {
  const letters = Array.from(word);
  const lower = Array.from(alphabet);
  const other = lower[(lower.indexOf(letters[position].toLowerCase()) + 7 + lower.length) % lower.length];
  const out = [
    ["wrong", [...letters.slice(0, position), other, ...letters.slice(position + 1)]],
    ["missing", [...letters.slice(0, position), ...letters.slice(position + 1)]],
    ["extra", [...letters.slice(0, position), other, ...letters.slice(position)]],
  ];
  if (position + 1 < letters.length && letters[position] !== letters[position + 1]) {
    out.push(["swapped", [...letters.slice(0, position), letters[position + 1], letters[position], ...letters.slice(position + 2)]]);
  }
  return out.map(([kind, typed]) => [kind, typed.join("")]);
}

describe("typos", () => {
  for (const tag of TAGS) {
    test(`${tag}: one letter wrong, missing, extra or two swapped find the word's pages, ranked below the word itself`, async () => {
      const opened = await index(tag);
      const checked = { wrong: 0, missing: 0, extra: 0, swapped: 0 };
      const failures = [];
      let otherWords = 0;
      for (const [word, made] of words(tag)) {
        const letters = Array.from(word);
        if (Array.from(made.form).length < EXPECTED[tag].rules.typo_min + 1) { continue; }
        const exact = await opened.search(word);
        const exactScore = new Map(exact.results.map((page, at) => [page, exact.scores[at]]));
        for (const position of new Set([0, 1, 2, Math.floor(letters.length / 2), letters.length - 1])) {
          for (const [kind, typed] of edits(word, position, ALPHABETS[tag])) {
            if (opened.form(typed) === made.form) { continue; } // the same word, another way to write it
            const alone = await opened.lookup(typed, null);
            const found = await opened.search(typed);
            if (alone.scores.size) {
              // The mistake made another word (or a beginning of one): its pages are the answer.
              if (!includesAll(found, made.pages)) { otherWords += 1; }
              continue;
            }
            checked[kind] += 1;
            if (!includesAll(found, made.pages)) { failures.push([word, kind, typed, found.total]); continue; }
            for (const page of made.pages) {
              const score = found.scores[found.results.indexOf(page)];
              if (!(score < exactScore.get(page))) { failures.push([word, kind, typed, "ranked", score, exactScore.get(page)]); }
            }
          }
        }
      }
      assert.deepEqual(failures, []);
      for (const [kind, count] of Object.entries(checked)) { assert.ok(count >= 10, `${kind}: ${count} checked`); }
      const total = Object.values(checked).reduce((sum, count) => sum + count, 0);
      assert.ok(otherWords < total / 10, `${otherWords} mistakes made other words, of ${total}`);
    });
  }

  test("Greek and Turkish letters: accents, final sigma, dotless ı", async () => {
    const greek = await index("el");
    for (const typed of ["σεμιναριο", "σεμινάριό", "σημινάρια", "σεμιάρια", "σεμνιάρια", "ΣΕΜΙΝΑΡΙΑΣ"]) {
      const found = await greek.search(typed);
      assert.ok(includesAll(found, EXPECTED.el.words["σεμινάρια"].pages), typed);
    }
    const turkish = await index("tr");
    for (const typed of ["toplantilarinda", "toplantılaında", "TOPLANTİLARINDA", "toplnatılarında", "atölyelerdee"]) {
      const found = await turkish.search(typed);
      const word = typed.startsWith("at") ? "Atölyelerde" : "toplantılarında";
      assert.ok(includesAll(found, EXPECTED.tr.words[word].pages), typed);
    }
  });

  test("a word that finds pages is not looked up one letter away", async () => {
    const opened = await index("en");
    const before = network.requests.filter((path) => path.includes("/near/")).length;
    await opened.search("seminars");
    assert.equal(network.requests.filter((path) => path.includes("/near/")).length, before);
  });
});

describe("synonyms", () => {
  for (const tag of TAGS) {
    test(`${tag}: each word of a group finds the others' pages, below the pages with the word itself`, async () => {
      const opened = await index(tag);
      const [group] = EXPECTED[tag].groups;
      const pagesOf = (word) => new Set(Object.entries(EXPECTED[tag].words)
        .filter(([, made]) => made.term === opened.term(word)).flatMap(([, made]) => made.pages));
      const [first, second, absent] = group;
      assert.ok(pagesOf(first).size && pagesOf(second).size && !pagesOf(absent).size, group.join(" "));
      for (const [typed, other] of [[first, second], [second, first], [absent, first]]) {
        const found = await opened.search(typed);
        assert.ok(includesAll(found, [...pagesOf(other)]), `${typed} → ${other}`);
        assert.ok(found.marks.terms.has(opened.term(other)), `${typed} marks ${other}`);
        const own = [...pagesOf(typed)].filter((page) => !pagesOf(other).has(page));
        for (const page of own) {
          for (const through of [...pagesOf(other)].filter((page) => !pagesOf(typed).has(page))) {
            assert.ok(found.results.indexOf(page) < found.results.indexOf(through), `${typed}: ${page} before ${through}`);
          }
        }
      }
      assert.match(EXPECTED[tag].notes.join("\n"), new RegExp(absent));
    });
  }
});

describe("limits", () => {
  const limits = EXPECTED.en.rules.limits;

  test("a query of 2,000 characters searches the first words and says the rest was left out", async () => {
    const opened = await index("en");
    const text = words("en").map(([word]) => word).join(" ").repeat(20).slice(0, 2000);
    const before = network.requests.length;
    const found = await opened.search(text);
    assert.equal(found.cut, true);
    assert.ok(found.requests.length <= limits.requests - limits.shown);
    assert.equal(network.requests.length - before, found.requests.length);
    assert.equal(opened.bounded(text).words.length, limits.words);
    assert.equal((await opened.search("national seminars")).cut, false);
  });

  test("however many words are mistyped, a query stays within its requests", async () => {
    for (const tag of TAGS) {
      const opened = await index(tag);
      const mistyped = words(tag).map(([word]) => "ź" + word.slice(1) + "q").join(" ");
      const found = await opened.search(mistyped);
      assert.ok(found.requests.length <= limits.requests - limits.shown, `${tag}: ${found.requests.length}`);
      assert.equal(found.exhausted, false);
    }
    // The stated bound: 2 files a word, 3 near files and `typo_shards` shards for each mistyped word, then the pages.
    assert.equal(limits.requests, limits.words * 2 + limits.typo_words * (3 + limits.typo_shards) + limits.shown);
  });

  test("a one-word query fetches one file", async () => {
    const opened = await index("de");
    const found = await opened.search("Projekttreffen");
    assert.equal(found.requests.length, 1);
    assert.equal((await opened.search("Projekttreffen")).requests.length, 0); // kept
  });
});

describe("failures", () => {
  test("a network failure rejects the search, and the next search tries again", async () => {
    const opened = await index("el");
    network.down = true;
    try {
      await assert.rejects(opened.search("σεμινάρια"), (error) => error instanceof engine.FetchError && error.status === 0);
    } finally {
      network.down = false;
    }
    const found = await opened.search("σεμινάρια");
    assert.ok(found.total > 0);
  });

  test("an index that is not there says 404 when it is opened", async () => {
    const empty = mkdtempSync(join(tmpdir(), "cisotra-no-index-"));
    await assert.rejects(openIndex("en", EXPECTED.en.rules, empty), (error) => error.status === 404);
  });
});

describe("excerpts", () => {
  test("the words found are marked: by term, by a beginning, by synonym", async () => {
    const opened = await index("de");
    const marked = async (query) => {
      const found = await opened.search(query);
      const page = pagesOf(fixtureFolder(), "de")[found.results[0]];
      return opened.describe(page, found.marks).parts.filter(([, mark]) => mark).map(([text]) => text);
    };
    assert.deepEqual(await marked("Fortbildungen"), ["Fortbildung", "Fortbildungen"]);
    assert.ok((await marked("Fortbild")).includes("Fortbildungen"));
    assert.ok((await marked("Kurs")).includes("Kurs"));
    const page = (await marked("Schulung"));
    assert.ok(page.length > 0, "a synonym's word is marked");
  });
});

describe("helpers", () => {
  test("one edit apart", () => {
    for (const [a, b] of [["seminar", "seminar"], ["seminar", "semimar"], ["seminar", "seminr"], ["seminar", "seminars"],
      ["seminar", "smeinar"], ["σεμινάριο", "σεμινάριά"], ["ışık", "ışk"]]) {
      assert.ok(typos.oneEditApart(a, b) && typos.oneEditApart(b, a), `${a} ${b}`);
    }
    for (const [a, b] of [["seminar", "semnr"], ["seminar", "ranimes"], ["abcd", "badc"], ["ab", "abcd"]]) {
      assert.ok(!typos.oneEditApart(a, b), `${a} ${b}`);
    }
  });

  test("forms and key sets as the build writes them", () => {
    assert.equal(engine.untail("happi", "<y"), "happy");
    assert.equal(engine.untail("fortbild", "ungen"), "fortbildungen");
    assert.equal(engine.untail("δε", "υτερη"), "δευτερη");
    assert.deepEqual(engine.entry("ay", [0, 5, 3, 2, "lar", "<ι", "=ayin"]),
      { term: "ay", pages: [[0, 5], [3, 2]], strings: ["ay", "aylar", "aι"], synonyms: ["ayin"] });
    assert.deepEqual([...engine.keySet({ a: "bc", se: "mn", ş: "e" })], ["ab", "ac", "sem", "sen", "şe"]);
  });
});
