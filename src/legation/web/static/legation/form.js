// The search form. Its address says only what was asked: empty boxes, and a choice left at what
// the search does anyway (data-default: sort by relevance, dates overlapping), are left out of it,
// as the page's own links leave them out (?q=Mao, not ?q=Mao&start_date=&end_date=&…).
//
// And it shows the search of the address its page is on. Back on a page of results, the browser
// put into the form what had been typed or chosen there before it was submitted (a later search's
// dates and sort) beside the earlier search's results, and the next search sent them unseen.
// autocomplete="off" on the form keeps the browser from restoring its controls into a page it loads
// again; a page the back-forward cache kept whole is reset here to what its HTML says.
(function () {
  document.querySelectorAll("form.search").forEach(function (form) {
    // A paste longer than the box takes is cut by the browser without a word (a passage of 1,152
    // characters searched as its first 798, cut inside a word: a fresh user); say so beside the box.
    const box = form.querySelector("input[name=q][maxlength]");
    if (box) {
      const note = document.createElement("p");
      note.className = "pasted";  // styled as a notice, not one of the search's (p.notice)
      note.id = "q-cut";
      note.setAttribute("role", "status");
      note.hidden = true;
      (box.closest(".combobox") || box).after(note);
      box.addEventListener("paste", function (event) {
        // a one-line box drops the line breaks of what is pasted (HTML's value sanitization): they take no room
        const pasted = (event.clipboardData ? event.clipboardData.getData("text") : "").replace(/[\r\n]/g, "");
        const room = box.maxLength - box.value.length + (box.selectionEnd - box.selectionStart);
        if (pasted.length <= room) return;
        const cut = pasted.length - room;
        note.hidden = false;
        note.textContent = "The search box takes up to " + box.maxLength.toLocaleString("en") + " characters: the last " +
          (cut === 1 ? "one" : cut.toLocaleString("en")) + " of what you pasted " + (cut === 1 ? "was" : "were") +
          " left out. Search a few of its rarer words, or a quoted phrase of it, instead.";
      });
      box.addEventListener("input", function () {
        if (box.value.length < box.maxLength) note.hidden = true;
      });
    }
    // A form with nothing left to send goes to its address as such: a browser adds "?" to it.
    form.addEventListener("submit", function (event) {
      if (new FormData(form).keys().next().done) {  // the formdata handler below has dropped the empties
        event.preventDefault();
        window.location.assign(form.action);
      }
    });
    form.addEventListener("formdata", function (event) {
      const data = event.formData;
      for (const control of form.elements) {
        if (!control.name || !data.has(control.name)) continue;
        if (data.getAll(control.name).length !== 1) continue;
        const value = control.value.trim();
        if (value === "" || (control.dataset.default !== undefined && value === control.dataset.default)) {
          data.delete(control.name);
        } else if (control.name !== "q" && value !== control.value) {
          data.set(control.name, value);  // " 1958 " was sent as start_date=+1958+
        }
      }
    });
  });
  window.addEventListener("pageshow", function (event) {
    if (!event.persisted) return;
    document.querySelectorAll("form.search").forEach(function (form) {
      form.reset();
    });
  });
})();

// The way back to the results. A document's page links back to the search it was opened from, which
// the server reads from the Referer header; a document reached from another document ("More like
// this", a related document, a note's "Document 523") or opened in a tab of its own had none, and
// "← Search" led to an empty search box: the query, filters and page were lost after one step (a
// fresh researcher). The page of results shown last is kept in the tab's session storage, and in
// the browser's local storage for a tab opened on a document alone, and offered there instead.
(function () {
  const KEY = "legation:results";
  try {
    if (location.pathname === "/" && location.search && document.querySelector("form.search")) {
      sessionStorage.setItem(KEY, location.pathname + location.search);
      localStorage.setItem(KEY, location.pathname + location.search);
      return;
    }
    const back = document.querySelector("p.back a[data-back=search]");
    const kept = sessionStorage.getItem(KEY) || localStorage.getItem(KEY);
    if (back && kept && kept.startsWith("/?")) {  // this site's search page only, whatever was stored
      back.href = kept;
      back.textContent = "← Back to the results";
    }
  } catch (e) {
    // storage refused (a browser's private mode may): the link stays as the page wrote it
  }
})();
