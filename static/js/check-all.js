/* <input type="checkbox" data-check-all="visits"> ticks or clears every input[name=visits] on the page. */
(function () {
  document.addEventListener("change", event => {
    const all = event.target.closest("[data-check-all]");
    if (!all) return;
    document.querySelectorAll(`input[type=checkbox][name="${all.dataset.checkAll}"]`).forEach(box => { box.checked = all.checked; });
  });
})();
