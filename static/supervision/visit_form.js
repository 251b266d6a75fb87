// Visit form: Bootstrap classes, formset rows, and a localStorage copy of what was typed,
// restored on reload when the server autosave did not get through (e.g. the connection dropped).
(function () {
  const form = document.getElementById("visit-form");
  if (!form) return;
  form.querySelectorAll("input[type=text], input[type=number], textarea, input:not([type])").forEach(el => el.classList.add("form-control"));
  form.querySelectorAll("select").forEach(el => el.classList.add("form-select"));
  const key = "nites:" + form.dataset.draftKey;

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

  function snapshot() {
    const data = {};
    new FormData(form).forEach((v, k) => { if (k !== "csrfmiddlewaretoken") (data[k] = data[k] || []).push(v); });
    return data;
  }
  function saveLocal() {
    try { localStorage.setItem(key, JSON.stringify({savedAt: Date.now() / 1000, data: snapshot()})); } catch (e) { /* storage full */ }
  }
  function restore(data) {
    [["t", "teachers"], ["f", "follow_ups"]].forEach(([prefix, name]) => {
      const want = parseInt((data[`${prefix}-TOTAL_FORMS`] || ["0"])[0], 10);
      const total = form.querySelector(`#id_${prefix}-TOTAL_FORMS`);
      while (total && parseInt(total.value, 10) < want) addRow(name, prefix);
    });
    form.querySelectorAll("input, select, textarea").forEach(el => {
      if (!el.name || el.name === "csrfmiddlewaretoken" || !(el.name in data)) return;
      const values = data[el.name];
      if (el.type === "checkbox" || el.type === "radio") el.checked = values.includes(el.value);
      else if (el.type !== "file") el.value = values[0];
    });
  }
  const banner = document.getElementById("local-restore");
  let restored = false;
  const stored = localStorage.getItem(key);
  if (stored) {
    const copy = JSON.parse(stored);
    if (copy.savedAt > parseFloat(form.dataset.serverSaved || "0")) {
      restore(copy.data);
      restored = true;
      banner.classList.remove("d-none");
      // htmx wires the form on DOMContentLoaded; send the restored copy once it has.
      window.addEventListener("load", () => { if (window.htmx) htmx.trigger(form, "change"); });
    } else {
      localStorage.removeItem(key);
    }
  }
  form.addEventListener("input", saveLocal);
  form.addEventListener("change", saveLocal);
  document.body.addEventListener("htmx:afterRequest", (evt) => {
    if (evt.detail.elt !== form) return;
    const status = document.getElementById("autosave-status");
    if (evt.detail.successful) {
      localStorage.removeItem(key);
      if (restored) {  // the one restore banner now says the copy reached the server
        restored = false;
        banner.textContent = banner.dataset.savedText;
        banner.classList.replace("alert-warning", "alert-success");
      }
    } else {
      status.innerHTML = '<span class="small text-danger"><i class="bi bi-wifi-off"></i> ยังบันทึกขึ้นเซิร์ฟเวอร์ไม่ได้ ข้อมูลเก็บไว้ในเครื่องนี้แล้ว</span>';
    }
  });
  form.addEventListener("submit", () => saveLocal());
})();
