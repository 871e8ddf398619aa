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
  // A share link's data: taken out of the address bar at once (a reload never applies it
  // again) and kept for the planner; one too long to be an interview is only measured.
  function takeLink() {
    var hash = location.hash;
    if (!/^#(interview|answers)=/.test(hash)) return false;
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
  var snapshot = null;
  try {
    snapshot = JSON.parse(localStorage.getItem("interview-followup:snapshot"));
  } catch (error) {
    return;
  }
  if (!snapshot || typeof snapshot !== "object" || snapshot.version !== 2) return;
  if (snapshot.bundle !== app.getAttribute("data-bundle") || snapshot.day !== today()) {
    // Not the reader's plan as of today: say so rather than show the default plan.
    document.getElementById("fu-plan").innerHTML =
      '<p class="fu-status">Bringing your plan up to date for today\u2026</p>';
    document.getElementById("fu-plan-intro").hidden = true;
    app.setAttribute("data-painted", "stale");
    return;
  }
  paint(snapshot);
  window.followupPainted = snapshot.html;  // the planner leaves alone what is the same
  app.setAttribute("data-painted", "snapshot");
  performance.mark("followup-own-plan");

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
