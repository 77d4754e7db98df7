// Autocomplete for the search box: fills its <datalist> from /api/suggest as the user types.
// The page works without it; this only adds suggestions. Choosing a name or place puts its query
// in the box, as /api/suggest gives it (a name quoted, a place quoted in its field: place:"Artern"),
// shown with how many documents that search finds; choosing a title opens that document's page.
(function () {
  const box = document.getElementById("q");
  const list = document.getElementById("suggestions");
  if (!box || !list) return;
  let timer = null;
  let last = "";
  let asked = 0;  // requests made; only the answer to the latest one fills the list
  let titles = new Map();  // a title suggestion's text → its document's identifier
  // As /api/suggest: two characters, or one Han, kana or Hangul character (周, 김: often a surname).
  const syllable = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]$/u;
  box.addEventListener("input", function (event) {
    clearTimeout(timer);
    // A title chosen from the list (the browser replaces the box's text with the option's, an
    // input without inputType "insertText"): open its document rather than search its words.
    // Typing or pasting the same words by hand searches them, as ever.
    const chosen = event.inputType === "insertReplacementText" || event.inputType === undefined;
    if (chosen && titles.has(box.value)) {
      window.location.assign("/documents/" + encodeURIComponent(titles.get(box.value)));
      return;
    }
    timer = setTimeout(async function () {
      const text = box.value.trim();
      if (text === last) return;
      last = text;
      const request = ++asked;
      if (text.length < 2 && !syllable.test(text)) {
        titles = new Map();
        list.replaceChildren();  // too little typed to suggest: suggestions for earlier text would mislead
        return;
      }
      try {
        const response = await fetch("/api/suggest?" + new URLSearchParams({ q: text, limit: "8" }));
        const items = response.ok ? await response.json() : [];
        if (request !== asked) return;  // a slower answer to earlier letters: the box has moved on
        const shown = new Map();
        list.replaceChildren(...items.map(function (item) {
          const option = document.createElement("option");
          if (item.kind === "title") {
            option.value = option.label = item.text;
            shown.set(item.text, item.identifier);
          } else {  // a name or place: its search, with the number of documents it finds
            option.value = item.query;
            option.label = item.text + " (" + item.documents + ")";
          }
          return option;
        }));
        titles = shown;
      } catch (error) { /* suggestions are optional */ }
    }, 150);
  });
})();
