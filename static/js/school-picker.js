/* Recipient picker: progressive enhancement over <select multiple data-school-picker>.
   Without script the plain multi-select still works. With it, the select is hidden (it stays the form's
   value) and the user gets a search box, the chosen schools as removable buttons, and every school as a
   checkbox grouped by its cluster (the option's data-cluster), with "เลือกทั้งกลุ่ม" per cluster.
   No inline style or script: the Content-Security-Policy stays strict. */
(function () {
  let counter = 0;

  function el(tag, attrs, text) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => node.setAttribute(k, v));
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function groupsOf(select) {
    const groups = new Map();
    Array.from(select.options).forEach(option => {
      const cluster = option.dataset.cluster || "ไม่สังกัดกลุ่มโรงเรียน";
      if (!groups.has(cluster)) groups.set(cluster, []);
      groups.get(cluster).push(option);
    });
    return new Map([...groups.entries()].sort((a, b) => a[0].localeCompare(b[0], "th")));
  }

  function build(select) {
    const id = `school-picker-${++counter}`;
    const box = el("div", { class: "school-picker border rounded p-2 mb-1", "data-picker-for": select.name });
    const search = el("input", { type: "search", class: "form-control form-control-sm mb-2", id: `${id}-q`,
      placeholder: "พิมพ์ชื่อโรงเรียนหรือกลุ่มโรงเรียนเพื่อค้นหา", "aria-label": "ค้นหาสถานศึกษา", autocomplete: "off" });
    const summary = el("div", { class: "small mb-1", "aria-live": "polite", id: `${id}-count` });
    const chosen = el("div", { class: "d-flex flex-wrap gap-1 mb-2", "data-picker-chosen": "1" });
    const list = el("div", { class: "scroll-y-20r border-top pt-1", "data-picker-list": "1" });
    const checks = new Map();

    groupsOf(select).forEach((options, cluster) => {
      const group = el("fieldset", { class: "mb-2", "data-cluster": cluster });
      const legend = el("legend", { class: "small fw-semibold mb-1 d-flex gap-2 align-items-center fs-6" });
      legend.append(el("span", {}, `${cluster} (${options.length} แห่ง)`));
      const all = el("button", { type: "button", class: "btn btn-link btn-sm p-0", "data-picker-all": cluster }, "เลือกทั้งกลุ่ม");
      legend.append(all);
      group.append(legend);
      options.forEach(option => {
        const wrap = el("div", { class: "form-check" });
        const cid = `${id}-o${option.value}`;
        const check = el("input", { type: "checkbox", class: "form-check-input", id: cid, value: option.value });
        check.checked = option.selected;
        check.addEventListener("change", () => { option.selected = check.checked; refresh(); });
        wrap.append(check, el("label", { class: "form-check-label", for: cid }, option.text));
        group.append(wrap);
        checks.set(option.value, { check, option, wrap, group });
      });
      all.addEventListener("click", () => {
        const visible = options.filter(o => !checks.get(o.value).wrap.hidden);
        const target = visible.some(o => !o.selected);
        visible.forEach(o => { o.selected = target; checks.get(o.value).check.checked = target; });
        refresh();
      });
      list.append(group);
    });

    function refresh() {
      chosen.replaceChildren();
      const selected = Array.from(select.selectedOptions);
      summary.textContent = selected.length ? `เลือกแล้ว ${selected.length} แห่ง` : "ยังไม่ได้เลือกสถานศึกษา";
      selected.forEach(option => {
        const chip = el("button", { type: "button", class: "btn btn-sm btn-outline-primary",
          "aria-label": `เอา ${option.text} ออก`, "data-picker-remove": option.value }, `${option.text} ×`);
        chip.addEventListener("click", () => { option.selected = false; checks.get(option.value).check.checked = false; refresh(); });
        chosen.append(chip);
      });
    }

    search.addEventListener("input", () => {
      const words = search.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
      checks.forEach(({ option, wrap }) => {
        const text = `${option.text} ${option.dataset.cluster || ""}`.toLowerCase();
        wrap.hidden = !words.every(w => text.includes(w));
      });
      list.querySelectorAll("fieldset").forEach(group => {
        group.hidden = !Array.from(group.querySelectorAll(".form-check")).some(w => !w.hidden);
      });
    });
    search.addEventListener("keydown", event => { if (event.key === "Enter") event.preventDefault(); });

    box.append(search, summary, chosen, list);
    select.hidden = true;
    select.setAttribute("aria-hidden", "true");
    select.tabIndex = -1;
    select.after(box);
    const label = document.querySelector(`label[for="${select.id}"]`);
    if (label) label.htmlFor = search.id;
    refresh();
  }

  function apply(root) {
    root.querySelectorAll("select[multiple][data-school-picker]:not([data-picker-ready])").forEach(select => {
      select.dataset.pickerReady = "1";
      build(select);
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", () => apply(document));
  else apply(document);
})();
