/* "Keep this guide on this phone", on every page: loads saved-copy-app.js only on a press, or once saved. */
(() => {
  const sw = navigator.serviceWorker;
  const app = new URL("saved-copy-app.js", document.currentScript.src);
  const load = () => import(app);
  const saved = (language) => {
    try { return localStorage.getItem("advocacy-guide:saved-copy:" + language) === "1"; } catch (error) { return false; }
  };
  const init = () => {
    const control = document.querySelector("[data-offline-control]");
    if (!sw || !control || !control.dataset.offlineBytes) return; // `mkdocs serve` leaves it empty
    control.hidden = false;
    if (sw.controller || saved(control.dataset.offlineLanguage)) load().then((m) => m.start());
  };
  document.addEventListener("click", (event) => {
    const button = event.target.closest("[data-offline]");
    if (button && sw) load().then((m) => m.press(button));
  });
  // "Erase my progress" (checklists.js, whose click handler runs first) takes this flag too:
  // if it went, offer to remove the saved copy as well.
  let before = false;
  const erase = (event) => event.target.closest('[data-checklist-action="erase"]');
  const language = () => document.querySelector("[data-offline-control]")?.dataset.offlineLanguage;
  document.addEventListener("click", (event) => { if (erase(event)) before = saved(language()); }, true);
  document.addEventListener("click", (event) => {
    if (erase(event) && before && !saved(language())) load().then((m) => m.offerRemoval());
  });
  if (window.document$) document$.subscribe(init);
  else init();
})();
