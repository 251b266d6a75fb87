// School form: suggest อำเภอ, ตำบล and รหัสไปรษณีย์ of the chosen จังหวัด from the Thai address
// database (GET schools:address_options). The server checks the address again on save.
(function () {
  const form = document.getElementById("school-form");
  if (!form) return;
  const field = name => form.querySelector(`[name=${name}]`);
  const province = field("province"), district = field("district");
  const subdistrict = field("subdistrict"), postalCode = field("postal_code");
  const bare = text => text.trim().replace(/^(จังหวัด|จ\.|อำเภอ|อ\.|เขต|ตำบล|ต\.|แขวง)\s*/, "");
  let districts = {};
  let loaded = null;

  function fill(listId, names) {
    const list = document.getElementById(listId);
    list.replaceChildren(...names.map(name => Object.assign(document.createElement("option"), {value: name})));
  }
  function showSubdistricts() {
    const inDistrict = districts[bare(district.value)];
    const names = inDistrict ? Object.keys(inDistrict) : [...new Set(Object.values(districts).flatMap(Object.keys))];
    fill("subdistrict-options", names);
  }
  async function loadProvince() {
    const name = bare(province.value);
    if (!name || name === loaded) return;
    loaded = name;
    try {
      const response = await fetch(`${form.dataset.addressUrl}?province=${encodeURIComponent(name)}`, {credentials: "same-origin"});
      districts = response.ok ? (await response.json()).districts : {};
    } catch (e) {
      districts = {};  // offline: the form still saves and the server checks the address
    }
    fill("district-options", Object.keys(districts));
    showSubdistricts();
  }
  function suggestPostalCode() {
    const inDistrict = districts[bare(district.value)] || {};
    const code = inDistrict[bare(subdistrict.value)];
    if (code && !postalCode.value) postalCode.value = code;
  }
  province.addEventListener("change", loadProvince);
  district.addEventListener("change", showSubdistricts);
  subdistrict.addEventListener("change", suggestPostalCode);
  loadProvince();
})();
