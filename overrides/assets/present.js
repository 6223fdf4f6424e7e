/* Trainer mode, on every page. A reading page only gets its Present button shown; ?present
   (slides) and ?presenter (notes window) load present-view.js and .css from this folder. */
(() => {
  const query = new URLSearchParams(location.search);
  const here = document.currentScript.src;
  const reveal = () => document.querySelectorAll(".present-open").forEach((button) => { button.hidden = false; });
  if (query.has("present") || query.has("presenter")) {
    const style = Object.assign(document.createElement("link"), { rel: "stylesheet", href: new URL("present-view.css", here) });
    const script = Object.assign(document.createElement("script"), { src: new URL("present-view.js", here) });
    style.onload = style.onerror = () => document.head.append(script); // styled before it shows
    document.head.append(style);
  } else if (window.document$) window.document$.subscribe(reveal);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", reveal);
  else reveal();
})();
