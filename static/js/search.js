/* Keyboard for the header search box (templates/core/search/_box.html); htmx does the fetching.
   ArrowDown from the box goes into the list, ArrowUp/ArrowDown move in it, Escape closes the list
   and returns to the box; a click elsewhere closes it. No inline script (CSP). */
(function () {
  if (window.appSearchReady) return;
  window.appSearchReady = true;
  const box = () => document.getElementById("app-search-q");
  const list = () => document.getElementById("app-search-results");
  const links = () => Array.from(list().querySelectorAll("a.search-hit"));
  function close(focusBox) {
    list().replaceChildren();
    if (focusBox) box().focus();
  }
  document.addEventListener("keydown", event => {
    const form = event.target.closest && event.target.closest("form[data-search]");
    if (!form || !list()) return;
    const items = links();
    const index = items.indexOf(event.target);
    if (event.key === "Escape" && list().childElementCount) {
      event.preventDefault();
      close(true);
    } else if (event.key === "ArrowDown" && items.length) {
      event.preventDefault();
      items[Math.min(index + 1, items.length - 1)].focus();
    } else if (event.key === "ArrowUp" && index >= 0) {
      event.preventDefault();
      if (index === 0) box().focus(); else items[index - 1].focus();
    }
  });
  document.addEventListener("click", event => {
    if (list() && !event.target.closest("form[data-search]")) close(false);
  });
})();
