// What the engine's tests share: the index tests/searchfixture.py writes with the build's
// own code, a fetch that reads it from disk and records every request, and the engine.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const ENGINE = new URL("../../docs/assets/javascripts/cisotra-search-index.js", import.meta.url);
const STEMMERS = new URL("../../docs/assets/javascripts/snowball/", import.meta.url);

/* The folder the pytest test wrote the fixture into (CISOTRA_SEARCH_FIXTURE), or one written now. */
export function fixtureFolder() {
  if (!process.env.CISOTRA_SEARCH_FIXTURE) {
    const folder = mkdtempSync(join(tmpdir(), "cisotra-search-"));
    const venv = join(ROOT, ".venv", "bin", "python");
    execFileSync(existsSync(venv) ? venv : "python3", [join(ROOT, "tests", "searchfixture.py"), folder], { stdio: "inherit" });
    process.env.CISOTRA_SEARCH_FIXTURE = folder;
  }
  return process.env.CISOTRA_SEARCH_FIXTURE;
}

export function expected() {
  return JSON.parse(readFileSync(join(fixtureFolder(), "expected.json"), "utf8"));
}

/* Every request the engine makes, the files it asked for that do not exist (a 404 in a
   browser's console), and a switch that makes the network fail. */
export const network = { requests: [], missing: [], down: false };

globalThis.fetch = async (url) => {
  const address = new URL(url);
  if (address.protocol !== "file:") { throw new Error("a request for another place than the index: " + url); }
  network.requests.push(address.pathname);
  if (network.down) { throw new TypeError("fetch failed"); }
  const path = fileURLToPath(address);
  if (!existsSync(path)) {
    network.missing.push(path);
    return { ok: false, status: 404, json: async () => { throw new Error("not JSON"); } };
  }
  const text = readFileSync(path, "utf8");
  return { ok: true, status: 200, json: async () => JSON.parse(text) };
};

export const engine = await import(ENGINE.href);
export const typos = await import(new URL("cisotra-search-typos.js", ENGINE).href);

/* Language `tag`'s index in `folder` (a built site's search/ folder, or the fixture's). */
export function openIndex(tag, rules, folder = fixtureFolder()) {
  return engine.open(pathToFileURL(join(folder, "/")), tag, rules, STEMMERS);
}

/* The pages of an index, from its page files, in page-number order. */
export function pagesOf(folder, tag) {
  const { pages } = JSON.parse(readFileSync(join(folder, tag, "index.json"), "utf8"));
  return Array.from({ length: pages }, (_, number) =>
    JSON.parse(readFileSync(join(folder, tag, "pages", number + ".json"), "utf8")));
}
