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
  // After "Erase my progress" (checklists.js).
  document.addEventListener("advocacy-guide:erased", () => {
    const control = document.querySelector("[data-offline-control]");
    if (sw && control) sw.getRegistration(control.dataset.offlineScope).then((r) => r && load().then((m) => m.offerRemoval()));
  });
  if (window.document$) document$.subscribe(init);
  else init();
})();
