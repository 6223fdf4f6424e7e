/* The English home page offers French or Spanish to a reader whose browser prefers it: the first
   of the reader's languages that the page is in decides. Never a redirect; "No, thanks" hides
   the offer for good. Loaded by partials/language-offer.html on that page only. */
(() => {
  const KEY = "advocacy-guide:language-offer"; // the guide's prefix: "Erase my progress" removes it
  const offers = () => Array.from(document.querySelectorAll("[data-language-offer]"));

  function init() {
    try {
      if (localStorage.getItem(KEY)) return;
    } catch (error) {
      // storage blocked: offer on each visit
    }
    const page = document.documentElement.lang.slice(0, 2);
    // A ZIM of one language turns the link into text: then there is nothing to offer.
    const available = offers().filter((offer) => offer.querySelector("a[href]"));
    const known = [page, ...available.map((offer) => offer.dataset.languageOffer)];
    const wanted = (navigator.languages || [navigator.language]).map((tag) => String(tag).slice(0, 2).toLowerCase()).find((code) => known.includes(code));
    for (const offer of available) offer.hidden = offer.dataset.languageOffer !== wanted;
  }

  document.addEventListener("click", ({ target }) => {
    if (!target.closest("[data-language-offer-dismiss]")) return;
    try {
      localStorage.setItem(KEY, "dismissed");
    } catch (error) {
      // storage blocked or full: hidden for this visit only
    }
    offers().forEach((offer) => { offer.hidden = true; });
  });

  if (window.document$) document$.subscribe(init);
  else init();
})();
