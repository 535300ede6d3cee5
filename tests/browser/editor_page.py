"""The browser editor (/admin/, Sveltia CMS) in a browser context of its own, on a local copy of the repository.

Sveltia CMS works on a local folder through the File System Access API ("Work with Local
Repository", offered on 127.0.0.1). Headless Chromium shows no folder picker, so the picker is
replaced by the browser's own private file system (OPFS), filled with the project's docs/ and
data/ and an empty .git folder. What the editor saves lands there and is read back.

Every request to another host is refused and recorded, and so is every violation of the page's
Content-Security-Policy. Used by test_admin_editor.py and test_editor_partner_tasks.py.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

# The repository's folder, in the browser's private file system, handed out by the folder picker.
LOCAL_REPOSITORY = """
window.showDirectoryPicker = async () =>
  (await navigator.storage.getDirectory()).getDirectoryHandle("repo", {create: true});
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.effectiveDirective} ${event.blockedURI}`);
});
"""
FILL = """async (files) => {
  const repo = await (await navigator.storage.getDirectory()).getDirectoryHandle("repo", {create: true});
  await repo.getDirectoryHandle(".git", {create: true});
  for (const [path, text] of Object.entries(files)) {
    const parts = path.split("/");
    let folder = repo;
    for (const part of parts.slice(0, -1)) folder = await folder.getDirectoryHandle(part, {create: true});
    const writer = await (await folder.getFileHandle(parts.at(-1), {create: true})).createWritable();
    await writer.write(text);
    await writer.close();
  }
}"""
READ = """async (path) => {
  let folder = await (await navigator.storage.getDirectory()).getDirectoryHandle("repo");
  const parts = path.split("/");
  for (const part of parts.slice(0, -1)) folder = await folder.getDirectoryHandle(part);
  const file = await (await folder.getFileHandle(parts.at(-1))).getFile();
  return Array.from(new Uint8Array(await file.arrayBuffer()));
}"""
LIST = """async (path) => {
  let folder = await (await navigator.storage.getDirectory()).getDirectoryHandle("repo");
  for (const part of path.split("/")) folder = await folder.getDirectoryHandle(part);
  const names = [];
  for await (const [name] of folder.entries()) names.push(name);
  return names.sort();
}"""
# What Sveltia CMS 0.221.1 fetches by itself and the page's policy refuses: GitHub's status, which
# it shows when GitHub has an outage. Caught by the script; the editor works without it.
REFUSED = {"connect-src https://www.githubstatus.com/api/v2/status.json"}
# And, once a PDF is uploaded, the library that would draw its first page as a thumbnail (from a CDN):
# the file shows with a plain icon instead.
PDF_PREVIEW = "script-src-elem https://unpkg.com/pdfjs-dist@6.3.289/build/pdf.min.mjs"
# Axe rules about what the site writes into the page (its language, its title), asserted; the rest
# is about Sveltia CMS's interface, printed. (Its viewport too: Sveltia CMS sets its own, with
# maximum-scale=1, which axe reports as meta-viewport.)
OUR_PAGE_RULES = {"html-has-lang", "html-lang-valid", "document-title", "meta-refresh"}


class Editor:
    """The editor's page in its own browser context, working on a local copy of the repository."""

    def __init__(self, browser, base: str, project: Path, locale: str = "en-US") -> None:
        self.own = urlsplit(base).netloc
        self.context = browser.new_context(
            viewport={"width": 1280, "height": 900}, service_workers="block", locale=locale
        )
        self.elsewhere: list[str] = []
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.context.route("**/*", self._only_the_site)
        self.context.add_init_script(LOCAL_REPOSITORY)
        self.page = self.context.new_page()
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        # The system's file dialog is caught from the start: Chromium opens it at most once at a time, and one
        # opened before anything listens stays open (seen: a later Upload then opened none).
        self.page.on("filechooser", lambda chooser: None)
        self.response = self.page.goto(base + "admin/", wait_until="load")
        files = {
            path.relative_to(project).as_posix(): path.read_text(encoding="utf-8")
            for folder in ("docs", "data")
            for path in sorted((project / folder).rglob("*"))
            if path.suffix in (".md", ".yml")
        }
        self.page.evaluate(FILL, files)
        self.local = (
            self.page.locator("button")
            .filter(has_text="Local Repository")
            .or_(self.page.locator("button").filter(has_text="lokalem Repository"))
        )
        self.local.first.wait_for()

    def open_local_repository(self) -> None:
        self.local.first.click()
        self.page.get_by_text("Project data").first.wait_for()

    def _only_the_site(self, route) -> None:
        if urlsplit(route.request.url).netloc == self.own:
            route.continue_()
        else:
            self.elsewhere.append(route.request.url)
            route.abort()

    def violations(self) -> set[str]:
        return set(self.page.evaluate("window.__cspViolations"))

    def field(self, name: str, control: str = "input"):
        return self.page.locator(f"section[data-key-path={name}] {control}").first

    def new_post(self, title: str, photo: Path | None = None) -> None:
        self.page.get_by_text("News posts", exact=True).first.click()
        self.page.get_by_role("button", name="New").first.click()
        for _ in range(3):  # a new entry's form may still be set up when it first shows
            self.field("title").fill(title)
            self.page.wait_for_timeout(300)
            if self.field("title").input_value() == title:
                break
        self.field("date").fill("2026-12-07")
        self.field("summary", "textarea").fill("The partners met.")
        self.field("body", "[contenteditable]").fill("The partners met.")
        if photo:
            self.field("image", "input[type=file]").set_input_files(photo)
            self.page.locator("section[data-key-path=image] img[src^='blob:']").first.wait_for(state="attached")
        self.page.get_by_role("button", name="Save").first.click()
        self.page.get_by_role("button", name="New").first.wait_for()

    def read(self, path: str) -> bytes:
        return bytes(self.page.evaluate(READ, path))

    def names(self, path: str) -> list[str]:
        return self.page.evaluate(LIST, path)


# Every file of the repository's folder but .git/: its path → its bytes, base64-encoded.
EVERY_FILE = """async () => {
  const found = {};
  async function walk(folder, prefix) {
    for await (const [name, handle] of folder.entries()) {
      if (handle.kind === "directory") {
        if (!(prefix === "" && name === ".git")) await walk(handle, prefix + name + "/");
      } else {
        const bytes = new Uint8Array(await (await handle.getFile()).arrayBuffer());
        let text = "";
        for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
        found[prefix + name] = btoa(text);
      }
    }
  }
  await walk(await (await navigator.storage.getDirectory()).getDirectoryHandle("repo"), "");
  return found;
}"""


# ---------------------------------------------------------------------------
# The keyboard alone: Tab and Shift+Tab move, arrows choose, Enter and Space act, text is typed.

FOCUSED = """() => {
  const e = document.activeElement;
  const by = (e.getAttribute("aria-labelledby") || "").split(" ")[0];
  const item = e.closest(".item[role=group]");
  return {
    tag: e.tagName,
    role: e.getAttribute("role"),
    name: (e.getAttribute("aria-label") || e.innerText || "").trim().slice(0, 80),
    label: ((by && document.getElementById(by)?.innerText) || "").trim().slice(0, 80),
    value: "value" in e ? String(e.value) : "",
    item: item ? item.innerText.trim().split("\\n").at(-1) : null,
  };
}"""


def focused(page) -> dict:
    """What has the focus: its tag, role, accessible name (aria-label or text), the text of the label it names,
    its value, and the summary of the list item it is in (what a sighted partner reads next to it)."""
    return page.evaluate(FOCUSED)


def tab_to(page, want, limit: int = 120, back: bool = False) -> dict:
    """Press Tab (Shift+Tab with `back`) until the focused element is the one `want` says, as a partner would."""
    seen = None
    for _ in range(limit):
        page.keyboard.press("Shift+Tab" if back else "Tab")
        seen = focused(page)
        if want(seen):
            return seen
    raise AssertionError(f"never reached with {'Shift+Tab' if back else 'Tab'} in {limit} steps; last {seen}")


def to_label(page, label: str, back: bool = False) -> dict:
    """Tab to the control of the field labelled `label`."""
    return tab_to(page, lambda seen: seen["label"] == label, back=back)


def to_button(page, name: str, back: bool = False, limit: int = 120) -> dict:
    """Tab to the control whose accessible name is `name`, or holds it (an icon's word before it: 'add\\nAdd …')."""
    return tab_to(page, lambda seen: seen["name"] == name or seen["name"].endswith("\n" + name), limit=limit, back=back)


def arrow_to(page, name: str, limit: int = 30) -> dict:
    """In a list, a menu or a grid: ArrowDown, then ArrowUp, until the item named `name` (one line of its
    text, beside an icon's word or a count) has the focus."""
    for key in ("ArrowDown", "ArrowUp"):
        for _ in range(limit):
            seen = focused(page)
            if name in seen["name"].split("\n"):
                return seen
            page.keyboard.press(key)
    raise AssertionError(f"{name!r} never reached with the arrow keys; last {focused(page)}")


def isolated(name: str) -> str:
    """A name as Sveltia CMS 0.221.1 writes it into a label: between Unicode's first-strong isolates."""
    return f"\u2068{name}\u2069"
