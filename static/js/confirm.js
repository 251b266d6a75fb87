/* Confirmation before an irreversible step: <button data-confirm="ข้อความ"> or <form data-confirm="...">.
   One script for every page (no inline onclick), so a Content-Security-Policy can forbid inline script. */
(function () {
  document.addEventListener("click", function (event) {
    const button = event.target.closest("button[data-confirm], input[type=submit][data-confirm]");
    if (button && !window.confirm(button.dataset.confirm)) {
      event.preventDefault();
    }
  });
  document.addEventListener("submit", function (event) {
    const form = event.target;
    if (form.dataset.confirm && !event.submitter?.dataset.confirm && !window.confirm(form.dataset.confirm)) {
      event.preventDefault();
    }
  });
})();
