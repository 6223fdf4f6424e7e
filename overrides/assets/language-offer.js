/* The English home page offers the reader's language, if their browser prefers French or Spanish
   (the first of navigator.languages the page has): never a redirect; "No, thanks" is for good.
   Loaded by partials/language-offer.html, on that page only. */
(() => {
  const KEY = "advocacy-guide:language-offer"; // "Erase my progress" removes the guide's keys
  const offers = () => Array.from(document.querySelectorAll("[data-language-offer]"));
  const stored = () => { try { return localStorage.getItem(KEY); } catch (error) { return null; } };

  function init() {
    if (stored()) return;
    // A one-language ZIM turns the link into text: nothing to offer then.
    const shown = offers().filter((offer) => offer.querySelector("a[href]"));
    const known = [document.documentElement.lang, ...shown.map((offer) => offer.dataset.languageOffer)];
    const wanted = (navigator.languages || [navigator.language]).map((tag) => String(tag).slice(0, 2).toLowerCase()).find((code) => known.includes(code));
    for (const offer of shown) offer.hidden = offer.dataset.languageOffer !== wanted;
  }

  document.addEventListener("click", ({ target }) => {
    if (!target.closest("[data-language-offer-dismiss]")) return;
    try { localStorage.setItem(KEY, "dismissed"); } catch (error) { /* blocked: for this visit only */ }
    offers().forEach((offer) => { offer.hidden = true; });
    const title = document.querySelector("article h1"); // where the reader goes on from, not the page's start
    if (title) { title.tabIndex = -1; title.focus(); }
  });

  if (window.document$) document$.subscribe(init);
  else init();
})();
