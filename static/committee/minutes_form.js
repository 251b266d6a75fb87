// Minutes form: one form for every agenda item. htmx autosaves while typing (the visit form's
// mechanism); a localStorage copy restores what the server did not get, and leaving the page
// (a link, closing the tab) sends what was typed with sendBeacon, so no item's text is lost.
(function () {
  const form = document.getElementById("minutes-form");
  if (!form) return;
  const key = "nites:" + form.dataset.draftKey;
  let dirty = false;

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
    form.querySelectorAll("input, textarea").forEach(el => {
      if (el.name && el.name !== "csrfmiddlewaretoken" && el.name in data && el.type !== "file") el.value = data[el.name][0];
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
      dirty = false;
      localStorage.removeItem(key);
      if (restored) {
        restored = false;
        banner.textContent = banner.dataset.savedText;
        banner.classList.replace("alert-warning", "alert-success");
      }
    } else {
      status.innerHTML = '<span class="small text-danger"><i class="bi bi-wifi-off"></i> ยังบันทึกขึ้นเซิร์ฟเวอร์ไม่ได้ ข้อความเก็บไว้ในเครื่องนี้แล้ว</span>';
    }
  });
  let submitting = false;
  form.addEventListener("submit", () => { submitting = true; saveLocal(); });
  // Leaving through a link before the delayed autosave fired: send what was typed now.
  window.addEventListener("pagehide", () => {
    if (!dirty || submitting || !navigator.sendBeacon) return;
    if (navigator.sendBeacon(form.dataset.autosaveUrl, new FormData(form))) dirty = false;
  });
})();
