/* Trainer mode, loaded by present.js: ?present shows the page as slides, ?presenter is the
   trainer's notes window (partials/present.html says how). */
(() => {
  const query = new URLSearchParams(location.search);
  const mode = query.has("present") ? "present" : query.has("presenter") ? "presenter" : "";
  const KEY = "advocacy-guide:present:" + location.pathname;
  const STEPS = { ArrowRight: 1, PageDown: 1, " ": 1, ArrowLeft: -1, PageUp: -1, Home: -1e9, End: 1e9 };
  const IDLE = 2500; // ms of a still pointer before the control bar fades out
  const root = document.documentElement;
  const $ = (selector, node = document) => node.querySelector(selector);
  const $$ = (selector, node = document) => [...node.querySelectorAll(selector)];
  const fill = (text, values) => text.replace(/\{(\w+)\}/g, (_, key) => values[key]);
  let box, groups, sections, slides, ui, texts, popup, channel, idle;
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
  const titleOf = (slide) => (slide && slide.head ? copies([slide.head])[0].textContent.trim() + (slide.part > 1 ? " (" + texts.continued + ")" : "") : "");
  const addressOf = (slide) => (slide.head && slide.head.id ? "#" + slide.head.id + (slide.part > 1 ? "/" + slide.part : "") : "");
  const say = (selector, text) => { $(selector, ui).textContent = text; };

  // The page content's top-level elements, cut at each h1 and h2. Returns the session's notes: those
  // of sections that hold nothing else, which are no slide.
  function cut() {
    box = $("article .present-content") || $("article"); // hooks/present.py wraps the content
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
    sections = groups.filter((g) => !notesOnly(g));
    // A section with a video shows the video and its chapters: the written story and the
    // transcript are for the reading page and the handout.
    const video = (el) => el.matches(".video") || $(".video", el);
    for (const g of sections) g.shown = g.els.some(video) ? g.els.filter((el) => el === g.head || video(el)) : g.els;
    return groups.filter(notesOnly).flatMap((g) => g.notes);
  }

  const part = (group, number, els, hidden) => ({ group, head: group.head, part: number, els, hidden });

  function display(slide) {
    $$(".present-on, .present-off", box).forEach((el) => el.classList.remove("present-on", "present-off"));
    slide.els.forEach((el) => el.classList.add("present-on"));
    slide.hidden.forEach((el) => el.classList.add("present-off"));
    box.classList.toggle("present-start", slide.group === sections[0]);
    box.classList.toggle("present-more", slide.part > 1);
  }

  // Where a slide runs past the screen, or under the control bar: the rest goes on the next
  // slide, cut between elements or between the items of a list (a checklist's steps).
  function overflow(slide) {
    display(slide);
    const limit = innerHeight - $(".present-bar", ui).offsetHeight - 8;
    const bottom = (el) => el.getBoundingClientRect().bottom + scrollY;
    const below = (el) => bottom(el) > limit;
    const content = slide.els.filter((el) => el !== slide.head);
    const at = content.findIndex(below);
    if (at < 0) return null;
    const el = content[at];
    const list = el.matches("ul, ol") ? el : $(":scope > ul, :scope > ol", el);
    const items = list ? [...list.children].filter((li) => !slide.hidden.includes(li)) : [];
    // Room for what follows the list in its element (a checklist's progress line).
    const tail = items.length ? bottom(el) - bottom(items[items.length - 1]) : 0;
    let split = items.findIndex((li) => bottom(li) + tail > limit);
    if (split > 0) split = Math.ceil(items.length / Math.ceil(items.length / split)); // parts of even length
    const before = content.slice(0, at);
    const after = content.slice(at);
    if (split > 0) {
      if (list.matches("ol")) [...list.children].forEach((li, n) => { li.value = (list.start || 1) + n; }); // numbers go on
      return {
        first: part(slide.group, slide.part, [slide.head, ...before, el], [...slide.hidden, ...items.slice(split)]),
        rest: part(slide.group, slide.part + 1, [slide.head, ...after], [...slide.hidden, ...items.slice(0, split)]),
      };
    }
    if (at > 0) return { first: part(slide.group, slide.part, [slide.head, ...before], slide.hidden), rest: part(slide.group, slide.part + 1, [slide.head, ...after], slide.hidden) };
    return null; // one element taller than the screen: nothing to cut
  }

  // The slides: one per section, more where a section does not fit the screen (present-view.css
  // makes the type large). The notes window follows the slides' window, so it never measures.
  function fit() {
    slides = [];
    for (const group of sections) {
      let slide = part(group, 1, group.shown, []);
      for (let more; mode === "present" && (more = overflow(slide)); slide = more.rest) slides.push(more.first);
      slides.push(slide);
    }
  }

  // The slide of the element the address points at (`#story`, `#checklist/2`); in a notes-only
  // section, the slide before.
  function slideFor(hash) {
    const [, id, number] = /^#?(.*?)(?:\/(\d+))?$/.exec(decodeURIComponent(hash || ""));
    const target = id && document.getElementById(id);
    let last = 0;
    for (const group of groups) {
      const own = slides.filter((slide) => slide.group === group);
      if (own.length) last = slides.indexOf(own[own.length - 1]);
      if (!target || ![...group.els, ...group.notes].some((el) => el.contains(target))) continue;
      if (!own.length) return last;
      const inside = (slide) => slide.els.some((el) => el.contains(target)) && !slide.hidden.some((el) => el.contains(target));
      return slides.indexOf(number ? own[Math.min(+number, own.length) - 1] : own.find(inside) || own[0]);
    }
    return 0;
  }

  // What the notes window shows: the slides' window sends it, so that both count alike.
  function stateOf(index) {
    const slide = slides[index];
    return { slide: index, count: slides.length, id: slide.head ? slide.head.id : "", hash: addressOf(slide), title: titleOf(slide), next: titleOf(slides[index + 1]) };
  }

  function show(index, local) {
    index = Math.max(0, Math.min(slides.length - 1, index));
    if (index === current) return;
    const moved = current >= 0;
    const slide = slides[(current = index)];
    if (mode === "presenter") {
      render(stateOf(index));
      if (local) send({ slide: index });
      return;
    }
    history.replaceState(null, "", addressOf(slide) || location.pathname + location.search);
    display(slide);
    $$("video", box).forEach((video) => video.closest(".present-on") || video.pause());
    const counter = fill(texts.counter, { n: index + 1, total: slides.length });
    say(".present-bar__count", counter);
    say(".present-corner", index + 1 + " / " + slides.length);
    $(".present-bar__exit", ui).href = location.pathname + (slide.head && slide.head.id ? "#" + slide.head.id : "");
    scrollTo(0, 0);
    if (moved && slide.head && !ui.contains(document.activeElement)) {
      slide.head.tabIndex = -1; // so that a screen reader reads the new slide
      slide.head.focus({ preventScroll: true });
    }
    if (local) send(stateOf(index));
  }

  // The notes window, from the slides' state (or its own, until the slides' window answers).
  function render(state) {
    current = state.slide;
    history.replaceState(null, "", state.hash || location.pathname + location.search);
    const group = groups.find((g) => g.head && g.head.id === state.id);
    say(".present-notes__count", fill(texts.counter, { n: state.slide + 1, total: state.count }));
    say(".present-notes__title", state.title);
    say(".present-notes__next strong", state.next || texts.end);
    const own = $(".present-notes__slide", ui);
    own.replaceChildren(...notesOf(group ? group.notes : []));
    if (!own.children.length) own.textContent = texts.none;
    ui.dataset.count = state.count;
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
    if (message.ask && mode === "present") send(stateOf(current));
    if (message.count && mode === "presenter") render(message);
    else if (message.slide >= 0 && mode === "present") show(message.slide, true);
  }

  // The control bar fades out while the pointer is still, and comes back when it moves or when
  // the keyboard reaches the bar.
  function wake() {
    root.classList.remove("present-idle");
    clearTimeout(idle);
    idle = setTimeout(() => ui.contains(document.activeElement) || root.classList.add("present-idle"), IDLE);
  }

  function onKey(event) {
    const { key, target } = event;
    if (key === "Tab" && mode === "present") wake(); // the keyboard is going for the controls
    if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
    if (target.closest("audio, select, textarea, [contenteditable], input:not([type=checkbox])")) return;
    if (key === "Escape" && mode === "present") location.href = $(".present-bar__exit", ui).href;
    // Focus on the video (the trainer chose it): Space and K play or pause it. Every other key
    // moves the slides, also from the video's own controls, which would seek or scroll.
    const video = target.closest("video");
    if (video && (key === " " || key === "k" || key === "K")) {
      event.preventDefault();
      event.stopPropagation();
      if (video.paused) video.play().catch(() => {});
      else video.pause();
      return;
    }
    // Space still ticks a box, presses a button, opens a summary.
    if (!STEPS[key] || (key === " " && target.closest("button, input, summary, [role=button]"))) return;
    event.preventDefault();
    event.stopPropagation();
    const count = mode === "presenter" && ui.dataset.count ? +ui.dataset.count : slides.length;
    const to = Math.max(0, Math.min(count - 1, current + (key === " " && event.shiftKey ? -1 : STEPS[key])));
    if (mode === "presenter" && ui.dataset.count) send({ slide: to });
    else show(to, true);
  }

  function listen() {
    try {
      channel = new BroadcastChannel(KEY);
      channel.onmessage = (event) => receive(event.data);
    } catch (error) { /* file:// in some browsers */ }
    addEventListener("storage", (event) => event.key === KEY && event.newValue && receive(JSON.parse(event.newValue)));
    addEventListener("message", (event) => event.source && event.source === (popup || opener) && receive(event.data));
    addEventListener("hashchange", () => show(slideFor(location.hash), true));
    addEventListener("keydown", onKey, true); // before the video's controls take the key
    ui.addEventListener("click", ({ target }) => {
      const button = target.closest("button") || { dataset: {} };
      const data = button.dataset;
      if (data.presentGo) onKey({ key: Number(data.presentGo) > 0 ? "ArrowRight" : "ArrowLeft", target: button, preventDefault() {}, stopPropagation() {} });
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
    if (mode !== "present") return;
    ["pointermove", "pointerdown"].forEach((type) => addEventListener(type, wake, { passive: true }));
    ui.addEventListener("focusin", wake);
    ui.addEventListener("focusout", wake);
    // Another screen size (a window moved to the projector) cuts the slides again.
    let resized;
    addEventListener("resize", () => {
      cancelAnimationFrame(resized);
      resized = requestAnimationFrame(() => {
        const { group, part: number } = slides[current];
        fit();
        current = -1;
        const same = slides.filter((slide) => slide.group === group);
        show(slides.indexOf(same[Math.min(number, same.length) - 1]), true);
      });
    });
  }

  function start() {
    const template = $("#present-ui");
    texts = template && template.dataset;
    const sessionNotes = texts && cut();
    if (!texts || !sections.length) return;
    root.classList.add(mode);
    ui = (mode === "present" ? template : $("#present-notes")).content.firstElementChild.cloneNode(true);
    if (mode === "present") {
      box.classList.add("present-box");
      $$("h1", box).forEach((title) => title.classList.add("present-keep")); // on every slide
      $$("h2", box).forEach((heading) => { heading.dataset.continued = texts.continued; });
    } else {
      $(".present-notes__page", ui).append(...notesOf(sessionNotes));
      $(".present-notes__all", ui).hidden = !sessionNotes.length;
      document.title = fill(texts.windowTitle, { title: titleOf(sections[0]) });
      setInterval(tick, 1000);
    }
    document.body.append(ui);
    scrollTo(0, 0); // the browser scrolled to the address's section before the page was hidden
    fit();
    listen();
    show(slideFor(location.hash), mode === "present");
    if (mode === "present") wake();
    else send({ ask: 1 });
  }

  // present.js adds this script once the page is read, and only in one of the two modes.
  if (mode) start();
})();
