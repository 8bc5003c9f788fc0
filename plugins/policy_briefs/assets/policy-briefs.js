// Notes' popovers: closed when the reader follows a link in one, or moves the focus out of one.
// (Opening and closing by button, Escape and a click outside are the browser's own popover behaviour.)
"use strict";

document.addEventListener("click", (event) => {
  const link = event.target instanceof Element ? event.target.closest(".pb-popover a[href]") : null;
  const note = link ? link.closest(".pb-popover") : null;
  if (note && note.matches(":popover-open")) note.hidePopover();
});

// The element the address's #fragment names, if it starts with `prefix` (null for a fragment that
// is not percent-encoded text, as #passage-%E0: decoding it would throw and stop this script).
const reached = (prefix) => {
  if (!location.hash.startsWith(`#${prefix}`)) return null;
  try {
    return document.getElementById(decodeURIComponent(location.hash.slice(1)));
  } catch {
    return null;
  }
};

// A passage reached by its link is outlined whole, as one box: a link or a name inside it splits it
// in pieces, and only the first piece is the link's target. Each piece is lined above and below,
// the first on its start too and the last on its end.
const TARGET_CLASSES = ["pb-passage--target", "pb-passage--target-start", "pb-passage--target-end"];
const outlinePassage = () => {
  for (const piece of document.querySelectorAll("mark.pb-passage--target")) piece.classList.remove(...TARGET_CLASSES);
  const first = reached("passage-");
  const note = first && first.matches("mark.pb-passage[data-note]") ? first.dataset.note : "";
  if (!note) return;
  const pieces = [...document.querySelectorAll(`mark.pb-passage[data-note="${CSS.escape(note)}"]`)];
  for (const piece of pieces) piece.classList.add("pb-passage--target");
  pieces[0].classList.add("pb-passage--target-start");
  pieces[pieces.length - 1].classList.add("pb-passage--target-end");
};
outlinePassage();
window.addEventListener("hashchange", outlinePassage);

// A name reached by its address (an entry's "Mentioned in" links to each) is outlined, not left
// with the focus the browser gives a reached link: the theme would show its tooltip over the very
// sentence the reader came to read. (The keyboard goes on from it all the same.)
const unfocusReachedName = () => {
  const reached = document.activeElement;
  if (reached instanceof HTMLAnchorElement && reached.matches("a.pb-link:target")) reached.blur();
};
window.addEventListener("load", () => requestAnimationFrame(unfocusReachedName));
window.addEventListener("hashchange", () => requestAnimationFrame(unfocusReachedName));

document.addEventListener("focusout", (event) => {
  const note = event.target instanceof Element ? event.target.closest(".pb-popover") : null;
  const next = event.relatedTarget;
  if (note && next instanceof Node && !note.contains(next) && note.matches(":popover-open")) note.hidePopover();
});

// A click on a highlighted passage opens its note, as its marker does. A link in the passage is
// followed instead (but for a name linked again, which reads as the passage's text: its first
// mention is the link to follow), and clicks that select text (a drag, a double or triple click)
// open nothing: the note opens once no second click has followed.
const SECOND_CLICK_WAIT = 300; // ms
let pendingNote = 0;

document.addEventListener("click", (event) => {
  clearTimeout(pendingNote);
  const passage = event.target instanceof Element ? event.target.closest("mark.pb-passage[data-note]") : null;
  const control = passage ? event.target.closest("a[href], button") : null;
  const plain = !(event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) && event.button === 0; // (not to open it elsewhere)
  if (control && plain && control.matches("a.pb-link--again")) event.preventDefault();
  else if (control) return;
  if (!passage || event.detail > 1) return;
  const id = passage.dataset.note.replace(/^note-/, "pop-");
  const note = document.getElementById(id);
  const marker = document.querySelector(`button.pb-marker[popovertarget="${CSS.escape(id)}"]`);
  if (!note || !marker) return;
  pendingNote = setTimeout(() => {
    if (document.getSelection().isCollapsed && !note.matches(":popover-open")) marker.click();
  }, SECOND_CLICK_WAIT);
});

// A search result found in a brief's notes leads to its first note: search holds a brief's notes as
// one section. When the address carries the words searched for (`?h=`, as the theme's search
// highlighting writes it), the note that holds the most of them is shown instead.
const searched = (new URLSearchParams(location.search).get("h") || "")
  .toLowerCase()
  .split(/\s+/)
  .map((word) => word.replace(/^[+-]+|[*~^]+\d*$/g, ""))
  .filter(Boolean);
const firstNote = reached("note-");

if (searched.length && firstNote && firstNote.matches("li.pb-note")) {
  let best = firstNote;
  let most = 0;
  for (const note of firstNote.parentElement.querySelectorAll(":scope > li.pb-note")) {
    const text = note.textContent.toLowerCase();
    const found = searched.filter((word) => text.includes(word)).length;
    if (found > most) [best, most] = [note, found];
  }
  if (best !== firstNote) location.replace(`#${encodeURIComponent(best.id)}`);
}

// A name's preview is the theme's tooltip, shown while the pointer is over the name or the name has
// the focus. On a touch screen, which has no pointer to rest, the first tap on a name in a text shows
// its preview (by giving it the focus) and a second tap follows the link; a link to an entry or actor
// in a list (the glossary, which shows each entry's first sentence beside it; "See also") is followed
// at once. Escape hides a preview until the pointer or the focus moves on, and the pointer may move
// from a name onto its preview, which stays while the pointer is over it (WCAG 1.4.13). A preview
// with no room below its name, near the bottom of the window, opens above it.
let touched = false;
let previewed = null;
document.addEventListener("pointerdown", (event) => { touched = event.pointerType === "touch"; }, true);
document.addEventListener("keydown", () => { touched = false; }, true); // (Enter on a name follows it)
document.addEventListener("click", (event) => {
  const name = touched && event.target instanceof Element ? event.target.closest("a.pb-link[id]") : null; // (a mention has an id)
  if (!name || event.defaultPrevented || name === previewed) return;
  event.preventDefault();
  previewed = name;
  name.focus();
});
document.addEventListener("focusout", (event) => {
  if (event.target === previewed) previewed = null;
});

const HIDDEN = "pb-previews-hidden";
let hiddenOver = null;
document.addEventListener("keydown", (event) => {
  if (event.key !== "Escape" || !document.querySelector(".md-tooltip2--active")) return;
  document.documentElement.classList.add(HIDDEN);
  hiddenOver = document.querySelector("a:hover") || document.activeElement;
});
const showAgain = (event) => {
  const over = event.target instanceof Element ? event.target.closest("a") || event.target : null;
  if (over !== hiddenOver) document.documentElement.classList.remove(HIDDEN);
};
document.addEventListener("pointerover", showAgain);
document.addEventListener("focusin", showAgain);

const GAP = 8; // px between a name and its preview, as the theme leaves it
const placePreview = (tooltip) => {
  const name = document.querySelector(`[aria-describedby="${CSS.escape(tooltip.id)}"]`);
  const box = tooltip.firstElementChild;
  if (!name || !name.matches("a.pb-link") || !box) return; // (the theme places its other tooltips itself)
  tooltip.classList.toggle("pb-preview", true); // (the theme keeps a tooltip the pointer is over: see the stylesheet; `add` would change the class again, and call this again)
  const host = name.getBoundingClientRect();
  const height = box.getBoundingClientRect().height;
  const above = host.bottom + GAP + height > window.innerHeight && host.top - GAP - height >= 0;
  tooltip.classList.toggle("pb-preview-above", above);
};
new MutationObserver((changes) => {
  for (const { target } of changes) {
    if (target.classList.contains("md-tooltip2--active")) placePreview(target);
  }
}).observe(document.body, { subtree: true, attributes: true, attributeFilter: ["class"] });
