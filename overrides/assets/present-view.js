/* Trainer mode, loaded by present.js: ?present shows the page as slides, ?presenter is the
   trainer's notes window (partials/present.html says how). */
(() => {
  const query = new URLSearchParams(location.search);
  const mode = query.has("present") ? "present" : query.has("presenter") ? "presenter" : "";
  const KEY = "advocacy-guide:present:" + location.pathname;
  const STEPS = { ArrowRight: 1, PageDown: 1, " ": 1, ArrowLeft: -1, PageUp: -1, Home: -1e9, End: 1e9 };
  const $ = (selector, root = document) => root.querySelector(selector);
  const $$ = (selector, root = document) => [...root.querySelectorAll(selector)];
  const fill = (text, values) => text.replace(/\{(\w+)\}/g, (_, key) => values[key]);
  let box, groups, slides, ui, texts, popup, channel;
  let current = -1;
  let started = Date.now();
  let pausedAt = 0; // when the trainer paused the timer; 0 while it runs

  // Copies of `elements` without ids, which must stay unique.
  const copies = (elements) => elements.map((el) => {
    const copy = el.cloneNode(true);
    [copy, ...$$("[id], .headerlink", copy)].forEach((node) => (node.matches(".headerlink") ? node.remove() : node.removeAttribute("id")));
    return copy;
  });
  // What a facilitator block says, without its title.
  const notesOf = (blocks) => copies(blocks.flatMap((block) => [...block.children]).filter((el) => !el.matches("summary, .admonition-title")));
  const titleOf = (slide) => (slide && slide.head ? copies([slide.head])[0].textContent.trim() : "");
  const say = (selector, text) => { $(selector, ui).textContent = text; };

  // The article's top-level elements, cut at each h1 and h2. Returns the session's notes: those
  // of sections that hold nothing else, which are no slide.
  function cut() {
    const first = $("article h1, article h2");
    box = first ? first.parentElement : $("article");
    groups = [];
    let group = { els: [], notes: [] };
    for (const el of box.children) {
      const heading = /^H[12]$/.test(el.tagName);
      if (heading && group.head) groups.push((group = { els: [], notes: [] }));
      else if (!groups.length) groups.push(group);
      if (heading) group.head = el;
      if (el.matches(".facilitator")) group.notes.push(el);
      else group.els.push(el), group.notes.push(...$$(".facilitator", el));
    }
    const notesOnly = (g) => g.head && g.els.length === 1 && g.notes.length;
    slides = groups.filter((g) => !notesOnly(g));
    return groups.filter(notesOnly).flatMap((g) => g.notes);
  }

  // The slide of the element the address points at; in a notes-only section, the slide before.
  function slideFor(hash) {
    const target = hash && document.getElementById(decodeURIComponent(hash.slice(1)));
    let index = 0;
    for (const group of groups) {
      index = Math.max(index, slides.indexOf(group));
      if (target && [...group.els, ...group.notes].some((el) => el.contains(target))) return index;
    }
    return 0;
  }

  function show(index, local) {
    index = Math.max(0, Math.min(slides.length - 1, index));
    if (index === current) return;
    const moved = current >= 0;
    const slide = slides[(current = index)];
    const hash = slide.head && slide.head.id ? "#" + slide.head.id : "";
    const counter = fill(texts.counter, { n: index + 1, total: slides.length });
    history.replaceState(null, "", hash || location.pathname + location.search);
    if (local) send({ slide: index });
    if (mode === "presenter") {
      say(".present-notes__count", counter);
      say(".present-notes__title", titleOf(slide));
      say(".present-notes__next strong", titleOf(slides[index + 1]) || texts.end);
      const own = $(".present-notes__slide", ui);
      own.replaceChildren(...notesOf(slide.notes));
      if (!slide.notes.length) own.textContent = texts.none;
      return;
    }
    slides.forEach((s, n) => s.els.forEach((el) => el.classList.toggle("present-on", n === index)));
    box.classList.toggle("present-start", !index);
    $$("video", box).forEach((video) => video.closest(".present-on") || video.pause());
    say(".present-bar__count", counter);
    $(".present-bar__exit", ui).href = location.pathname + hash;
    scrollTo(0, 0);
    if (moved && slide.head && !ui.contains(document.activeElement)) {
      slide.head.tabIndex = -1; // so that a screen reader reads the new slide
      slide.head.focus({ preventScroll: true });
    }
  }

  function tick() {
    const seconds = Math.floor(((pausedAt || Date.now()) - started) / 1000);
    say(".present-notes__clock", Math.floor(seconds / 60) + ":" + String(seconds % 60).padStart(2, "0"));
  }

  // Each message carries the whole state: one that arrives by two ways does no harm.
  function send(message) {
    message.key = KEY;
    try { channel.postMessage(message); } catch (error) { /* no BroadcastChannel */ }
    try {
      localStorage.setItem(KEY, JSON.stringify(message)); // a storage event in the other window
      localStorage.removeItem(KEY);
    } catch (error) { /* storage blocked */ }
    try { (mode === "present" ? popup : opener).postMessage(message, "*"); } catch (error) { /* no window */ }
  }

  function receive(message) {
    if (!message || message.key !== KEY) return;
    if (message.ask && mode === "present") send({ slide: current });
    if (message.slide >= 0) show(message.slide);
  }

  function listen() {
    try {
      channel = new BroadcastChannel(KEY);
      channel.onmessage = (event) => receive(event.data);
    } catch (error) { /* file:// in some browsers */ }
    addEventListener("storage", (event) => event.key === KEY && event.newValue && receive(JSON.parse(event.newValue)));
    addEventListener("message", (event) => event.source && event.source === (popup || opener) && receive(event.data));
    addEventListener("hashchange", () => show(slideFor(location.hash), true));
    addEventListener("keydown", (event) => {
      const { key, target } = event;
      if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
      if (target.closest("video, audio, select, textarea, [contenteditable], input:not([type=checkbox])")) return;
      if (key === "Escape" && mode === "present") location.href = $(".present-bar__exit", ui).href;
      // Space still ticks a box, presses a button, opens a summary.
      if (!STEPS[key] || (key === " " && target.closest("button, input, summary, [role=button]"))) return;
      event.preventDefault();
      show(current + (key === " " && event.shiftKey ? -1 : STEPS[key]), true);
    });
    ui.addEventListener("click", ({ target }) => {
      const button = target.closest("button") || { dataset: {} };
      const data = button.dataset;
      if (data.presentGo) show(current + Number(data.presentGo), true);
      if ("presentNotes" in data) popup = open(location.pathname + "?presenter" + location.hash, "present-notes", "popup,width=760,height=640");
      if ("presentTimer" in data) {
        started = Date.now();
        if (pausedAt) pausedAt = started;
        tick();
      }
      if ("presentPause" in data) {
        // Resuming moves the start on by the time spent paused.
        if (pausedAt) started += Date.now() - pausedAt;
        pausedAt = pausedAt ? 0 : Date.now();
        button.setAttribute("aria-pressed", String(!!pausedAt));
        tick();
      }
    });
  }

  function start() {
    const template = $("#present-ui");
    texts = template && template.dataset;
    const sessionNotes = texts && cut();
    if (!texts || !slides.length) return;
    document.documentElement.classList.add(mode);
    ui = (mode === "present" ? template : $("#present-notes")).content.firstElementChild.cloneNode(true);
    if (mode === "present") {
      box.classList.add("present-box");
      $$("h1", box).forEach((title) => title.classList.add("present-keep")); // on every slide
    } else {
      $(".present-notes__page", ui).append(...notesOf(sessionNotes));
      $(".present-notes__all", ui).hidden = !sessionNotes.length;
      document.title = fill(texts.windowTitle, { title: titleOf(slides[0]) });
      setInterval(tick, 1000);
    }
    document.body.append(ui);
    scrollTo(0, 0); // the browser scrolled to the address's section before the page was hidden
    listen();
    show(slideFor(location.hash), mode === "present");
    if (mode === "presenter") send({ ask: 1 });
  }

  // present.js adds this script once the page is read, and only in one of the two modes.
  if (mode) start();
})();
