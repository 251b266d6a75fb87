// Draft safety net for an htmx-autosaved form (the visit form, the minutes form): a localStorage copy
// of what was typed, restored on reload when the server autosave did not get it (the connection
// dropped); one banner (#local-restore) that turns green once the restored copy reaches the server;
// a message in #autosave-status when the server cannot be reached.
// options.beforeRestore(data): make room for the copy first (e.g. add formset rows).
// options.failText: the offline message. options.beacon: leaving the page (a link, closing the tab)
// sends what was typed to form.dataset.autosaveUrl with sendBeacon, before the delayed autosave fired.
window.draftAutosave = function (form, options = {}) {
  const key = "nites:" + form.dataset.draftKey;
  const banner = document.getElementById("local-restore");
  let dirty = false;
  let restored = false;
  let submitting = false;

  function snapshot() {
    const data = {};
    new FormData(form).forEach((v, k) => { if (k !== "csrfmiddlewaretoken") (data[k] = data[k] || []).push(v); });
    return data;
  }
  function saveLocal() {
    dirty = true;
    try { localStorage.setItem(key, JSON.stringify({savedAt: Date.now() / 1000, data: snapshot()})); } catch (e) { /* storage full */ }
  }
  function restore(data) {
    if (options.beforeRestore) options.beforeRestore(data);
    form.querySelectorAll("input, select, textarea").forEach(el => {
      if (!el.name || el.name === "csrfmiddlewaretoken" || !(el.name in data)) return;
      const values = data[el.name];
      if (el.type === "checkbox" || el.type === "radio") el.checked = values.includes(el.value);
      else if (el.type !== "file") el.value = values[0];
    });
  }
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
    if (evt.detail.successful) {
      dirty = false;
      localStorage.removeItem(key);
      if (restored) {  // the one restore banner now says the copy reached the server
        restored = false;
        banner.textContent = banner.dataset.savedText;
        banner.classList.replace("alert-warning", "alert-success");
      }
    } else {
      document.getElementById("autosave-status").innerHTML =
        '<span class="small text-danger"><i class="bi bi-wifi-off"></i> ' + options.failText + "</span>";
    }
  });
  form.addEventListener("submit", () => { submitting = true; saveLocal(); });
  if (options.beacon) {
    window.addEventListener("pagehide", () => {
      if (!dirty || submitting || !navigator.sendBeacon) return;
      if (navigator.sendBeacon(form.dataset.autosaveUrl, new FormData(form))) dirty = false;
    });
  }
};
