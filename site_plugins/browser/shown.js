// Runs right after browser/early.js (inlined, allowed by its hash), and even if it failed:
// the checklist held back by browser/hold.js is shown.
document.documentElement.classList.remove("fu-own-plan-coming");
