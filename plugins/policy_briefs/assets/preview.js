// `mkdocs serve` only: the page shows what the preview's last build warned of, as the terminal
// does, so that a mistake that takes a note, a link or a whole page away is seen where it shows.
"use strict";

(() => {
  const SHOWN = 12;
  const source = new URL("preview-problems.json", document.currentScript.src);
  fetch(source, { cache: "no-store" })
    .then((response) => (response.ok ? response.json() : null))
    .then((data) => {
      const problems = data && Array.isArray(data.problems) ? data.problems : [];
      if (!problems.length) return;
      const banner = document.createElement("aside");
      banner.className = "pb-preview-problems";
      banner.setAttribute("aria-label", "Problems in the preview's last build");
      const title = document.createElement("p");
      title.textContent = `${problems.length} ${problems.length === 1 ? "problem" : "problems"} in the last build (shown in the preview only):`;
      const list = document.createElement("ul");
      for (const message of problems.slice(0, SHOWN)) {
        const item = document.createElement("li");
        item.textContent = message;
        list.append(item);
      }
      if (problems.length > SHOWN) {
        const more = document.createElement("li");
        more.textContent = `and ${problems.length - SHOWN} more: the terminal lists them all`;
        list.append(more);
      }
      banner.append(title, list);
      (document.querySelector(".md-main") || document.body).prepend(banner);
    })
    .catch(() => {});
})();
