// Runs on the checklist page before Python starts (inlined, allowed by its hash).
// It keeps a note of every field the reader changes so the planner applies it when it
// is ready, says that the planner is starting, and paints a returning reader's own plan
// from the snapshot the widget saved on their last visit, when that snapshot is of
// today and of this build; a snapshot of another day is never shown as current.
(function () {
  var app = document.getElementById("fu-app");
  if (!app) return;
  // The planner's way to localStorage: a full or blocked storage answers false or null
  // here, since an error thrown in JavaScript escapes MicroPython's try/except.
  window.followupRead = function (key) {
    try { return localStorage.getItem(key); } catch (error) { return null; }
  };
  window.followupWrite = function (key, text) {
    try { localStorage.setItem(key, text); return true; } catch (error) { return false; }
  };
  window.followupRemove = function (key) {
    try { localStorage.removeItem(key); } catch (error) { /* nothing to take out */ }
  };
  // Another tab changed the saved checklist (not only its snapshot): tell the planner.
  window.addEventListener("storage", function (event) {
    var key = event.key;
    if (key === null || (key.indexOf("interview-followup:") === 0 &&
                         key !== "interview-followup:snapshot")) {
      document.dispatchEvent(new Event("followup-stored"));
    }
  });
  // A fresh interview id, made here: a millisecond count crossing into MicroPython is cut
  // to 32 bits.
  window.followupNewId = function () {
    return "i" + Date.now().toString(36) + Math.random().toString(36).slice(2, 8);
  };
  window.followupKeys = function (prefix) {  // as JSON text: one plain value to pass over
    var found = [];
    try {
      for (var i = 0; i < localStorage.length; i++) {
        var key = localStorage.key(i);
        if (key !== null && key.indexOf(prefix) === 0) found.push(key);
      }
    } catch (error) { /* blocked: nothing found */ }
    return JSON.stringify(found);
  };
  // A share link's (or a calendar entry's restore link's) data: taken out of the address
  // bar at once (a reload never applies it again) and kept for the planner; one too long
  // to be an interview is only measured.
  function takeLink() {
    var hash = location.hash;
    if (!/^#(interview|answers|restore)=/.test(hash)) return false;
    window.followupLink = hash.length <= 20020 ? hash : { tooLong: hash.length };
    history.replaceState(null, "", location.pathname + location.search);
    return true;
  }
  takeLink();
  // A link pasted into the address bar of an open checklist arrives without a reload.
  window.addEventListener("hashchange", function () {
    if (takeLink()) document.dispatchEvent(new Event("followup-link"));
  });
  var typed = window.followupTyped = [];
  function note(event) {
    var id = event.target && event.target.id;
    if (id && typed.indexOf(id) < 0) typed.push(id);
  }
  document.getElementById("fu-form").addEventListener("input", note);
  document.getElementById("fu-form").addEventListener("change", note);
  document.getElementById("fu-status").textContent = "Starting the planner\u2026";
  app.setAttribute("data-state", "starting");
  // What a snapshot may fill, and how. Another project on the same origin (a GitHub
  // Pages user site) can write localStorage too, so a snapshot is checked before any of it
  // is painted: only these places, only plain values, and markup only as DOMPurify
  // (assets/dompurify/purify.min.js, loaded just before this script) returns it unchanged
  // under an allow-list of what the planner draws (no timeline: its picture carries a
  // <style>, and the planner draws it). Anything else and the snapshot is not used.
  var PLACES = {
    html: ["fu-plan", "fu-drafts", "fu-which", "fu-choices-fields"],
    text: ["fu-next", "fu-answers-summary", "fu-warnings"],
    open: ["fu-answers", "fu-choices", "fu-timeline-box", "fu-drafts-box"]
  };
  var PURIFY = {
    ALLOWED_TAGS: ["body", "a", "abbr", "br", "button", "details", "div", "em", "fieldset", "h3",
                   "h4", "input", "label", "legend", "li", "option", "p", "section", "span",
                   "strong", "summary", "textarea", "ul"],
    ALLOWED_ATTR: ["class", "id", "href", "title", "for", "type", "name", "value",
                   "checked", "selected", "rows", "hidden", "role", "aria-label",
                   "aria-describedby", "aria-hidden"],
    ALLOW_DATA_ATTR: true,
    FORCE_BODY: true  // a leading <base> or <meta> stays where it can be seen, and refused
  };
  var OWN_LINK = /^(?:mailto:|\.\.?\/|#)/;  // the guide's own pages, or an email draft
  var snapshot = null;
  try {
    snapshot = JSON.parse(localStorage.getItem("interview-followup:snapshot"));
  } catch (error) {
    return;
  }
  if (!snapshot || typeof snapshot !== "object" || snapshot.version !== 2) return;
  if (!trusted(snapshot)) {  // not what the planner saved: dropped, the planner paints
    window.followupRemove("interview-followup:snapshot");
    app.setAttribute("data-painted", "refused");
    return;
  }
  if (snapshot.bundle !== app.getAttribute("data-bundle") || snapshot.day !== today()) {
    // Not the reader's plan as of today: say so rather than show the default plan.
    document.getElementById("fu-plan").innerHTML =
      '<p class="fu-status">Bringing your plan up to date for today\u2026</p>';
    document.getElementById("fu-plan-intro").hidden = true;
    app.setAttribute("data-painted", "stale");
    return;
  }
  paint(snapshot);
  window.followupPainted = snapshot.drawn;  // the planner leaves alone what is the same
  app.setAttribute("data-painted", "snapshot");
  performance.mark("followup-own-plan");

  function trusted(saved) {
    var purify = window.DOMPurify;
    if (!purify || !purify.isSupported) return false;
    purify.addHook("uponSanitizeAttribute", function (node, data) {
      if (data.attrName === "href" && !OWN_LINK.test(data.attrValue)) data.keepAttr = false;
    });
    // The timeline carries its own <style>: the planner draws it, never a snapshot.
    if (saved.html && typeof saved.html === "object") delete saved.html["fu-timeline-picture"];
    if (!own(saved.html, PLACES.html, "string") || !own(saved.text, PLACES.text, "string") ||
        !own(saved.open, PLACES.open, "boolean") || !own(saved.hidden, null, "boolean") ||
        !own(saved.values, null, null)) return false;
    saved.drawn = {};  // as the planner drew it: what its first draw compares with
    for (var id in saved.html) {  // what is painted is what DOMPurify returns
      saved.drawn[id] = saved.html[id];
      saved.html[id] = purify.sanitize(saved.html[id], PURIFY);
      if (purify.removed.some(changed)) return false;
    }
    for (var key in saved.values || {}) {
      // a choice's radio is not on the page until the choices are painted
      var field = document.getElementById(key), value = saved.values[key];
      if ((field && !(field.closest("#fu-form") || key === "fu-which")) ||
          (typeof value !== "string" && typeof value !== "boolean")) return false;
    }
    for (var row in saved.hidden || {}) {
      var place = document.getElementById(row);
      if (!place || !(place.closest("#fu-form") || row === "fu-plan-intro" ||
                      row === "fu-answers")) return false;
    }
    return true;
  }
  // What DOMPurify took out of a snapshot, less the empty <remove> it puts in front of
  // every input itself under FORCE_BODY (counted in `removed` too: every snapshot was refused).
  function changed(entry) {
    var node = entry.element;
    return !(node && node.nodeName === "REMOVE" && !node.firstChild && !entry.attribute);
  }
  function own(map, places, kind) {
    if (map === undefined) return true;
    if (!map || typeof map !== "object" || Array.isArray(map)) return false;
    for (var id in map) {
      if (places && places.indexOf(id) < 0) return false;
      if (kind && typeof map[id] !== kind) return false;
    }
    return true;
  }
  function today() {
    var now = new Date();
    return now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
  }
  function pad(number) {
    return (number < 10 ? "0" : "") + number;
  }
  function each(map, apply) {
    for (var id in map || {}) {
      var element = document.getElementById(id);
      if (element && typed.indexOf(id) < 0) apply(element, map[id]);
    }
  }
  function paint(saved) {
    each(saved.html, function (element, html) { element.innerHTML = html; });
    each(saved.text, function (element, text) { element.textContent = text; });
    each(saved.values, function (element, value) {
      if (element.type === "checkbox") element.checked = value === true;
      else element.value = value;
    });
    each(saved.hidden, function (element, hidden) { element.hidden = hidden === true; });
    each(saved.open, function (element, open) { element.open = open === true; });
  }
})();
