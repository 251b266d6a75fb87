/* Rows added in place to a Django formset, without save-and-reopen (no inline script: CSP script-src 'self').
   <div data-formset-rows="a">…rows…</div>
   <template data-formset-empty="a">{{ formset.empty_form }} (its names hold __prefix__)</template>
   <button type="button" data-formset-add="a">เพิ่มกิจกรรม</button>
   A click copies the empty form with the next index, raises a-TOTAL_FORMS, numbers the row's heading ("__number__")
   and puts the cursor in its first text box. A row left blank is skipped by the formset; an order left at 0 is
   given the row's place by the service. */
(function () {
  document.addEventListener("click", event => {
    const button = event.target.closest("[data-formset-add]");
    if (!button) return;
    const prefix = button.dataset.formsetAdd;
    const total = document.getElementById(`id_${prefix}-TOTAL_FORMS`);
    const template = document.querySelector(`template[data-formset-empty="${prefix}"]`);
    const rows = document.querySelector(`[data-formset-rows="${prefix}"]`);
    if (!total || !template || !rows) return;
    const index = parseInt(total.value, 10) || 0;
    const html = template.innerHTML.replace(/__prefix__/g, String(index)).replace(/__number__/g, String(index + 1));
    rows.insertAdjacentHTML("beforeend", html);
    total.value = String(index + 1);
    const row = rows.lastElementChild;
    const first = row.querySelector("textarea, input[type=text]");
    if (first) first.focus();
  });
})();
