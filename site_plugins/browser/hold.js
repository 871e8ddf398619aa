// Runs just before the checklist is parsed (inlined, allowed by its hash). When a returning
// reader's plan was saved as a snapshot, the checklist stays unseen (its introduction
// aside) until browser/early.js has painted that plan or refused it, and browser/shown.js
// shows it: so the first-time form is not shown first and then folded away under them.
try {
  if (localStorage.getItem("interview-followup:snapshot")) {
    document.documentElement.classList.add("fu-own-plan-coming");
  }
} catch (error) { /* storage blocked: nothing was saved to paint */ }
