/* On a phone the sub-navigation is one scrolling row: bring the current page's pill into view. */
(function () {
  function centre(nav) {
    const active = nav.querySelector(".active");
    if (active && nav.scrollWidth > nav.clientWidth) {
      nav.scrollLeft += active.getBoundingClientRect().left - nav.getBoundingClientRect().left
        - (nav.clientWidth - active.offsetWidth) / 2;
    }
  }
  function all() { document.querySelectorAll(".app-subnav").forEach(centre); }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", all); } else { all(); }
  document.addEventListener("htmx:afterSettle", all);
})();
