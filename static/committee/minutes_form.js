// Minutes form: one form for every agenda item. htmx autosaves while typing; static/js/autosave.js
// keeps a localStorage copy that restores what the server did not get, and leaving the page
// (a link, closing the tab) sends what was typed with sendBeacon, so no item's text is lost.
(function () {
  const form = document.getElementById("minutes-form");
  if (!form) return;
  window.draftAutosave(form, {
    beacon: true,
    failText: "ยังบันทึกขึ้นเซิร์ฟเวอร์ไม่ได้ ข้อความเก็บไว้ในเครื่องนี้แล้ว",
  });
})();
