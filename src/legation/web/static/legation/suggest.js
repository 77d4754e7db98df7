// Autocomplete for the search box: fills its <datalist> from /api/suggest as the user types.
// The page works without it; this only adds suggestions.
(function () {
  const box = document.getElementById("q");
  const list = document.getElementById("suggestions");
  if (!box || !list) return;
  let timer = null;
  let last = "";
  let asked = 0;  // requests made; only the answer to the latest one fills the list
  // As /api/suggest: two characters, or one Han, kana or Hangul character (周, 김: often a surname).
  const syllable = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]$/u;
  box.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(async function () {
      const text = box.value.trim();
      if (text === last) return;
      last = text;
      const request = ++asked;
      if (text.length < 2 && !syllable.test(text)) {
        list.replaceChildren();  // too little typed to suggest: suggestions for earlier text would mislead
        return;
      }
      try {
        const response = await fetch("/api/suggest?" + new URLSearchParams({ q: text, limit: "8" }));
        const items = response.ok ? await response.json() : [];
        if (request !== asked) return;  // a slower answer to earlier letters: the box has moved on
        list.replaceChildren(...items.map(function (item) {
          const option = document.createElement("option");
          const counted = item.kind === "name" || item.kind === "place";  // authority records: quoted, with their documents
          option.value = counted ? '"' + item.text + '"' : item.text;
          option.label = counted ? item.text + " (" + item.documents + ")" : item.text;
          return option;
        }));
      } catch (error) { /* suggestions are optional */ }
    }, 150);
  });
})();
