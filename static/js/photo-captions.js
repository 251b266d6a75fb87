/* Several photos in one upload, each with its own caption: <form data-photo-captions> holding file inputs
   (camera and gallery, both name="file" multiple), a [data-caption-list] box and a [data-caption-single] box.
   When files are chosen, one labelled caption box per file (with a thumbnail for a photo) replaces the single
   box; what was typed is kept if the choice changes. The server pairs captions with files in order. */
(function () {
  document.querySelectorAll("form[data-photo-captions]").forEach(form => {
    const list = form.querySelector("[data-caption-list]");
    const single = form.querySelector("[data-caption-single]");
    const inputs = Array.from(form.querySelectorAll("input[type=file]"));
    const typed = new Map();
    const singleBox = single.querySelector("input[name=caption]");

    function keyOf(file) { return `${file.name}|${file.size}|${file.lastModified}`; }

    function rebuild() {
      list.querySelectorAll("input[name=caption]").forEach(box => typed.set(box.dataset.key, box.value));
      list.querySelectorAll("img[data-preview]").forEach(img => URL.revokeObjectURL(img.src));
      list.replaceChildren();
      const files = inputs.flatMap(input => Array.from(input.files || []));
      files.forEach((file, index) => {
        const row = document.createElement("div");
        row.className = "d-flex gap-2 align-items-center mb-2";
        if (file.type.startsWith("image/")) {
          const img = document.createElement("img");
          img.src = URL.createObjectURL(file);
          img.alt = "";
          img.dataset.preview = "1";
          img.className = "rounded border w-4r";
          row.append(img);
        }
        const wrap = document.createElement("div");
        wrap.className = "flex-grow-1";
        const id = `photo-caption-${index}`;
        const label = document.createElement("label");
        label.className = "form-label small mb-0";
        label.htmlFor = id;
        label.textContent = `คำอธิบายภาพที่ ${index + 1} (${file.name})`;
        const box = document.createElement("input");
        Object.assign(box, { type: "text", name: "caption", id, maxLength: 300, className: "form-control form-control-sm" });
        box.dataset.key = keyOf(file);
        box.value = typed.get(box.dataset.key) || (singleBox ? singleBox.value : "");
        wrap.append(label, box);
        row.append(wrap);
        list.append(row);
      });
      const many = files.length > 0;
      single.hidden = many;
      single.querySelectorAll("input").forEach(input => { input.disabled = many; });
    }
    inputs.forEach(input => input.addEventListener("change", rebuild));
  });
})();
