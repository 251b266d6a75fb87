/* The tool suggested by the visit type: <select data-tool-suggest> whose options carry data-visit-type.
   When the visit type changes, the first tool meant for it is chosen, unless the supervisor picked a tool
   herself; a short note says so (aria-live). No inline script: the Content-Security-Policy stays strict. */
(function () {
  document.querySelectorAll("select[data-tool-suggest]").forEach(tool => {
    const form = tool.form;
    const type = form && form.querySelector("[name=visit_type]");
    if (!type) return;
    const note = document.createElement("div");
    note.className = "small text-success";
    note.setAttribute("aria-live", "polite");
    tool.after(note);
    let chosenByHand = false;
    tool.addEventListener("change", () => { chosenByHand = true; note.textContent = ""; });
    type.addEventListener("change", () => {
      if (chosenByHand) return;
      const match = Array.from(tool.options).find(o => o.dataset.visitType === type.value);
      tool.value = match ? match.value : "";
      note.textContent = match ? `เลือก “${match.text}” ให้ตามประเภทการนิเทศ เปลี่ยนได้` : "ประเภทนี้ยังไม่มีเครื่องมือเฉพาะ";
    });
  });
})();
