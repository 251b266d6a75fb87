/* Quick phrases: <button data-phrase="ทราบ" data-phrase-target="id_instruction"> adds its words to that box
   (after what is already there) and puts the cursor at the end, so the director can go on typing. */
(function () {
  document.addEventListener("click", event => {
    const button = event.target.closest("[data-phrase]");
    if (!button) return;
    const box = document.getElementById(button.dataset.phraseTarget);
    if (!box) return;
    const current = box.value.trim();
    box.value = current ? `${current} ${button.dataset.phrase}` : button.dataset.phrase;
    box.focus();
    box.setSelectionRange(box.value.length, box.value.length);
    box.dispatchEvent(new Event("input", { bubbles: true }));
  });
})();
