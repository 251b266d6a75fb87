// Visit form: Bootstrap classes, formset rows, and (static/js/autosave.js) a localStorage copy of what
// was typed, restored on reload when the server autosave did not get through (e.g. the connection dropped).
(function () {
  const form = document.getElementById("visit-form");
  if (!form) return;
  form.querySelectorAll("input[type=text], input[type=number], textarea, input:not([type])").forEach(el => el.classList.add("form-control"));
  form.querySelectorAll("select").forEach(el => el.classList.add("form-select"));

  function addRow(name, prefix) {
    const total = form.querySelector(`#id_${prefix}-TOTAL_FORMS`);
    const html = document.getElementById(name + "-empty").innerHTML.replace(/__prefix__/g, total.value);
    const button = form.querySelector(`[data-add-row=${name}]`);
    button.insertAdjacentHTML("beforebegin", html);
    total.value = parseInt(total.value, 10) + 1;
    button.previousElementSibling.querySelectorAll("input, textarea").forEach(el => el.classList.add("form-control"));
    button.previousElementSibling.querySelectorAll("select").forEach(el => el.classList.add("form-select"));
  }
  form.querySelectorAll("[data-add-row]").forEach(b => b.addEventListener("click", () => addRow(b.dataset.addRow, b.dataset.prefix)));

  window.draftAutosave(form, {
    // A copy with more teacher or follow-up rows than the page has: add the rows first.
    beforeRestore(data) {
      [["t", "teachers"], ["f", "follow_ups"]].forEach(([prefix, name]) => {
        const want = parseInt((data[`${prefix}-TOTAL_FORMS`] || ["0"])[0], 10);
        const total = form.querySelector(`#id_${prefix}-TOTAL_FORMS`);
        while (total && parseInt(total.value, 10) < want) addRow(name, prefix);
      });
    },
    failText: "ยังบันทึกขึ้นเซิร์ฟเวอร์ไม่ได้ ข้อมูลเก็บไว้ในเครื่องนี้แล้ว",
  });
})();
