// Notes' popovers: closed when the reader follows a link in one, or moves the focus out of one.
// (Opening and closing by button, Escape and a click outside are the browser's own popover behaviour.)
"use strict";

document.addEventListener("click", (event) => {
  const link = event.target instanceof Element ? event.target.closest(".pb-popover a[href]") : null;
  const note = link ? link.closest(".pb-popover") : null;
  if (note && note.matches(":popover-open")) note.hidePopover();
});

document.addEventListener("focusout", (event) => {
  const note = event.target instanceof Element ? event.target.closest(".pb-popover") : null;
  const next = event.relatedTarget;
  if (note && next instanceof Node && !note.contains(next) && note.matches(":popover-open")) note.hidePopover();
});
