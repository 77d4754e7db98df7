// Autocomplete for the search box: makes it a combobox whose listbox of suggestions comes from
// /api/suggest as the user types (WAI-ARIA Authoring Practices, "combobox with listbox popup").
// The page works without it; this only adds suggestions. A native <datalist> was used before: the
// browser filters its options by what is typed (Chromium shows only those whose value or label
// holds every typed word), which hid the suggestions that do not repeat the typed text: Zhou →
// "Chou En-lai" (a variant of the name), urgu → "Ürgüplü", treaty Zho → treaty "Chou En-lai".
//
// The server decides what completes what (search/query.py, last_terms): each name or place comes
// with the whole box it leaves ("query": the last term completed, what came before it kept) and how
// many documents that search finds; choosing it puts that in the box. Choosing a title opens its
// document, or, for a title many documents hold, puts the search of their titles in the box. Down and Up move through the list (opening it), Enter chooses, Escape closes it, a click
// chooses; it closes when the box loses focus. Text from the server goes in by textContent only.
(function () {
  const box = document.getElementById("q");
  const list = document.getElementById("suggestions");
  if (!box || !list) return;
  const status = document.createElement("p");  // says how many suggestions came, to a screen reader
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  list.after(status);
  box.setAttribute("role", "combobox");
  box.setAttribute("aria-autocomplete", "list");
  box.setAttribute("aria-controls", list.id);
  box.setAttribute("aria-expanded", "false");
  let timer = null;
  let last = box.value.trimEnd();  // the text the list is for (or being asked for)
  let asked = 0;  // requests made; only the answer to the latest one fills the list
  let items = [];  // the suggestions shown, as /api/suggest gave them
  let active = -1;  // the option the arrow keys reached, -1 for none
  // As /api/suggest: two characters, or one Han, kana or Hangul character (周, 김: often a surname).
  const syllable = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]$/u;
  const number = new Intl.NumberFormat("en");

  function expanded() {
    return !list.hidden;
  }

  function open() {
    if (!items.length) return;
    list.hidden = false;
    box.setAttribute("aria-expanded", "true");
  }

  function close() {
    mark(-1);
    list.hidden = true;
    box.setAttribute("aria-expanded", "false");
  }

  function empty() {
    items = [];
    list.replaceChildren();
    status.textContent = "";
    close();
  }

  function mark(index) {  // the option the arrow keys reached; its id in aria-activedescendant
    const options = list.children;
    if (active >= 0 && options[active]) options[active].setAttribute("aria-selected", "false");
    active = index;
    if (index < 0) {
      box.removeAttribute("aria-activedescendant");
      return;
    }
    options[index].setAttribute("aria-selected", "true");
    box.setAttribute("aria-activedescendant", options[index].id);
    options[index].scrollIntoView({ block: "nearest" });
  }

  function option(item, index) {
    const li = document.createElement("li");
    li.id = "suggestion-" + index;
    li.className = "suggestion";
    li.setAttribute("role", "option");
    li.setAttribute("aria-selected", "false");
    const text = document.createElement("span");
    text.className = "text";
    text.textContent = item.text;
    const about = document.createElement("span");  // which kind it is, and what choosing a name or place finds
    about.className = "about";
    about.textContent = item.kind === "title" && item.identifier ? "title"
      : item.kind + " · " + number.format(item.documents) + (item.documents === 1 ? " document" : " documents");
    li.append(text, " ", about);
    return li;
  }

  function fill(answer) {
    items = answer.filter(function (item) { return item && typeof item.text === "string"; });
    active = -1;
    box.removeAttribute("aria-activedescendant");
    list.replaceChildren(...items.map(option));
    status.textContent = items.length ? items.length + (items.length === 1 ? " suggestion" : " suggestions") : "";
    if (items.length && document.activeElement === box) open();
    else close();
  }

  function choose(index) {
    const item = items[index];
    clearTimeout(timer);
    asked++;  // an answer still on its way is for the text before the choice
    if (item.kind === "title" && item.identifier) {
      close();
      window.location.assign("/documents/" + encodeURIComponent(item.identifier));
      return;
    }
    box.value = item.query;
    last = box.value.trimEnd();
    empty();
    box.focus();
    box.setSelectionRange(box.value.length, box.value.length);
  }

  box.addEventListener("input", function () {
    clearTimeout(timer);
    // The list is for the text before this change: gone at once, so that no key or click chooses a
    // suggestion that would replace what was typed since (the answer for the new text refills it).
    if (items.length && box.value.trimEnd() !== last) {
      empty();
      last = null;  // no list is shown or asked for: the text, even typed back as it was, is asked again
    }
    timer = setTimeout(async function () {
      const text = box.value.trimEnd();
      if (text === last) return;
      last = text;
      const request = ++asked;
      const typed = text.trim();
      // too little typed to suggest (suggestions for earlier text would mislead), or more than the
      // box takes (put there by a script: its address could outgrow what the server reads)
      if ((typed.length < 2 && !syllable.test(typed)) || (box.maxLength > 0 && text.length > box.maxLength)) {
        empty();
        return;
      }
      try {
        const response = await fetch("/api/suggest?" + new URLSearchParams({ q: text, limit: "8" }));
        const answer = response.ok ? await response.json() : [];
        if (request !== asked) return;  // a slower answer to earlier letters: the box has moved on
        fill(Array.isArray(answer) ? answer : []);
      } catch (error) { /* suggestions are optional */ }
    }, 150);
  });

  box.addEventListener("keydown", function (event) {
    if (event.isComposing || event.ctrlKey || event.metaKey) return;
    switch (event.key) {
      case "ArrowDown":
        if (!items.length) return;
        event.preventDefault();
        if (!expanded()) open();
        mark(active + 1 < items.length ? active + 1 : 0);
        break;
      case "ArrowUp":
        if (!items.length) return;
        event.preventDefault();
        if (!expanded()) open();
        mark(active > 0 ? active - 1 : items.length - 1);
        break;
      case "Enter":  // with no option reached, the form submits what the box holds
        if (expanded() && active >= 0) {
          event.preventDefault();
          choose(active);
        }
        break;
      case "Escape":  // closes the list; with it closed, the search box's own Escape empties the box
        if (expanded()) {
          event.preventDefault();
          close();
        }
        break;
      case "ArrowLeft": case "ArrowRight": case "Home": case "End":
        mark(-1);  // back to editing the box
        break;
    }
  });
  box.addEventListener("blur", close);
  list.addEventListener("mousedown", function (event) { event.preventDefault(); });  // the box keeps the focus
  list.addEventListener("click", function (event) {
    const chosen = event.target.closest("[role=option]");
    if (chosen) choose(Array.prototype.indexOf.call(list.children, chosen));
  });
  window.addEventListener("pagehide", close);  // not open over the page when coming back to it
})();
