// Registers the guide's service worker (sw.js at the site's root, two folders above this
// file) once the page has loaded. When a new version of the guide takes over while this
// page is open, the worker says so (this page keeps its own version's files) and the
// page offers a reload.
(function () {
  if (!("serviceWorker" in navigator) || !document.currentScript) return;
  var root = new URL("../../", document.currentScript.src);
  navigator.serviceWorker.addEventListener("message", function (event) {
    if (event.data && event.data.type === "followup-updated") announce();
  });
  if (navigator.serviceWorker.startMessages) navigator.serviceWorker.startMessages();
  window.addEventListener("load", function () {
    navigator.serviceWorker.register(new URL("sw.js", root).href,
                                     {scope: root.pathname, updateViaCache: "none"})
      .catch(function () { /* no worker (private mode, file://): the site works online */ });
  });

  function announce() {
    if (document.getElementById("fu-update")) return;
    var box = document.createElement("div");
    box.id = "fu-update";
    box.className = "md-typeset";  // the theme's text size and button style
    box.setAttribute("role", "status");
    box.style.cssText = "position:fixed;inset:auto .5rem .5rem .5rem;margin-left:auto;" +
      "max-width:20rem;z-index:10;padding:.6rem .8rem;border-radius:.2rem;" +
      "border:1px solid var(--md-primary-fg-color,#3f51b5);" +
      "background:var(--md-default-bg-color,#fff);color:var(--md-default-fg-color,#000);" +
      "box-shadow:0 .2rem .6rem rgba(0,0,0,.35)";
    var words = document.createElement("p");
    words.style.margin = "0 0 .5rem";
    words.textContent = "A new version of this guide is ready.";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-button";  // as the checklist's buttons
    button.textContent = "Reload";
    button.addEventListener("click", function () { location.reload(); });
    box.appendChild(words);
    box.appendChild(button);
    document.body.appendChild(box);
  }
})();
