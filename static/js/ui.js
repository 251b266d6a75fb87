/* Small behaviours that used to be inline script or style="" attributes, so that the
   Content-Security-Policy can refuse both (script-src 'self'; style-src 'self'):
   - <select data-autosubmit>        submits its form when changed (was onchange="this.form.submit()")
   - <form data-bootstrap-fields>    gives Django's plain widgets Bootstrap's classes
   - <div data-progress="42">        a progress bar's width, set through the CSSOM (which CSP allows)
   - <span data-color="#198754">     a colour computed per row
   - <button data-copy="input-id">   copies that input's value (a new API token) to the clipboard
   Applied on page load and to content htmx swaps in. */
(function () {
  function apply(root) {
    root.querySelectorAll("form[data-bootstrap-fields]").forEach(form => {
      form.querySelectorAll("select").forEach(el => el.classList.add("form-select"));
      form.querySelectorAll("input[type=text], input[type=search], input[type=number], textarea").forEach(el => el.classList.add("form-control"));
    });
    root.querySelectorAll("[data-progress]").forEach(el => {
      const value = Math.max(0, Math.min(100, parseFloat(el.dataset.progress) || 0));
      el.style.width = `${value}%`;
    });
    root.querySelectorAll("[data-color]").forEach(el => { el.style.color = el.dataset.color; });
  }
  document.addEventListener("change", event => {
    const el = event.target.closest("[data-autosubmit]");
    if (el && el.form) el.form.requestSubmit ? el.form.requestSubmit() : el.form.submit();
  });
  document.addEventListener("click", event => {
    const button = event.target.closest("[data-copy]");
    if (!button) return;
    const input = document.getElementById(button.dataset.copy);
    input.select();
    const done = () => { if (button.dataset.copied) button.textContent = button.dataset.copied; };
    if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(input.value).then(done, () => {});
    else if (document.execCommand("copy")) done();
  });
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", () => apply(document));
  else apply(document);
  document.addEventListener("htmx:load", event => apply(event.detail.elt.parentNode || event.detail.elt));
})();
