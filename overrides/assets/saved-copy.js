/* "Keep this guide on this phone" (partials/saved-copy.html), on every page and kept tiny: the
   rest, saved-copy-app.js, loads only when the reader presses the control, when this page is
   already served by the saved copy's worker, or when this language was saved (a flag set at
   saving time). A reader who never presses it gets no service worker. */
(() => {
  const sw = navigator.serviceWorker;
  const app = new URL("saved-copy-app.js", document.currentScript.src);
  const load = () => import(app);
  const saved = (language) => {
    try { return localStorage.getItem("advocacy-guide:saved-copy:" + language) === "1"; } catch (error) { return false; }
  };
  const init = () => {
    const control = document.querySelector("[data-offline-control]");
    if (!sw || !control || !control.dataset.offlineBytes) return; // no worker here, or `mkdocs serve`
    control.hidden = false;
    if (sw.controller || saved(control.dataset.offlineLanguage)) load().then((m) => m.start());
  };
  document.addEventListener("click", (event) => {
    const button = event.target.closest("[data-offline]");
    if (button && sw) load().then((m) => m.press(button));
  });
  // "Erase my progress" (checklists.js) also offers to remove the saved copy.
  document.addEventListener("advocacy-guide:erased", () => {
    const control = document.querySelector("[data-offline-control]");
    if (sw && control) sw.getRegistration(control.dataset.offlineScope).then((r) => r && load().then((m) => m.offerRemoval()));
  });
  if (window.document$) document$.subscribe(init);
  else init();
})();
