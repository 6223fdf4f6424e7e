/* Ticks kept in this browser by checklist and step id (never by position), in one entry for
   the whole guide: {"submission-ready": {"word-count": true}}. */
(() => {
  const PREFIX = "advocacy-guide:"; // starts every key the guide stores
  const KEY = PREFIX + "v1";
  const FORMAT = "advocacy-guide-progress"; // exported files
  let memory = {}; // the progress when storage cannot keep it

  const all = (selector, root = document) => Array.from(root.querySelectorAll(selector));
  const text = (name) => (document.getElementById("checklist-controls") || { dataset: {} }).dataset[name] || "";
  const fill = (name, values) => text(name).replace(/\{(\w+)\}/g, (_, key) => values[key]);
  const say = (name) => all(".checklist-tools__status").forEach((el) => { el.textContent = text(name); });

  function storage() {
    try {
      localStorage.getItem(KEY); // throws where storage is blocked
      return localStorage;
    } catch (error) {
      return null;
    }
  }

  // Keep only {checklist: {step: true}}: storage and files may hold anything.
  function clean(data) {
    if (!data || typeof data !== "object" || Array.isArray(data)) return null;
    const progress = {};
    for (const [list, steps] of Object.entries(data)) {
      const ticked = Object.keys(Object(steps)).filter((step) => steps[step] === true);
      if (ticked.length) progress[list] = Object.fromEntries(ticked.map((step) => [step, true]));
    }
    return progress;
  }

  function read() {
    const store = storage();
    if (!store) return memory;
    try {
      const raw = store.getItem(KEY);
      const progress = raw === null ? {} : clean(JSON.parse(raw));
      if (!progress) throw new TypeError(KEY);
      return (memory = progress);
    } catch (error) {
      say("corrupted"); // the next tick replaces it
      return memory;
    }
  }

  function write(progress) {
    memory = progress;
    try {
      const store = storage();
      if (store) store.setItem(KEY, JSON.stringify(progress));
    } catch (error) {
      say("saveFailed"); // quota exceeded
    }
  }

  function count(list) {
    const boxes = all("[data-step] .checklist__box", list);
    const done = boxes.filter((box) => box.checked).length;
    list.querySelector(".checklist__progress").textContent = fill("progress", { done, total: boxes.length });
  }

  // Saved ticks -> the page's checklists and the home page's overview.
  function render() {
    const progress = read();
    for (const list of all(".checklist[data-checklist]")) {
      const ticked = progress[list.dataset.checklist] || {};
      for (const step of all("[data-step]", list)) step.querySelector(".checklist__box").checked = ticked[step.dataset.step] === true;
      count(list);
    }
    let [done, total] = [0, 0];
    for (const item of all(".checklist-overview [data-checklist]")) {
      const steps = item.dataset.steps.split(" ");
      const ticked = progress[item.dataset.checklist] || {};
      const itemDone = steps.filter((step) => ticked[step] === true).length;
      item.querySelector(".checklist-overview__count").textContent = fill("progress", { done: itemDone, total: steps.length });
      done += itemDone;
      total += steps.length;
    }
    for (const overview of all(".checklist-overview")) {
      overview.querySelector(".checklist-overview__total").textContent = fill("overviewTotal", { done, total });
      overview.hidden = false;
    }
    if (!storage()) all(".checklist-tools__note").forEach((note) => { note.textContent = text("unavailable"); });
  }

  function init() {
    const controls = document.getElementById("checklist-controls");
    const lists = all(".checklist[data-checklist]");
    const overview = document.querySelector(".checklist-overview");
    if (!controls || (!lists.length && !overview)) return;
    for (const list of lists) if (!list.querySelector(".checklist__bar")) list.append(controls.content.cloneNode(true));
    if (!document.querySelector(".checklist-tools")) {
      const tools = document.getElementById("checklist-tools").content.cloneNode(true);
      if (overview) overview.append(tools);
      else lists[lists.length - 1].after(tools);
    }
    render();
  }

  function tick(box) {
    const step = box.closest("[data-step]");
    const list = box.closest(".checklist[data-checklist]");
    if (!step || !list) return;
    const progress = read();
    const ticked = progress[list.dataset.checklist] || {};
    if (box.checked) ticked[step.dataset.step] = true;
    else delete ticked[step.dataset.step];
    progress[list.dataset.checklist] = ticked;
    write(clean(progress));
    count(list);
  }

  // For shared devices: every key of the guide, ours and Material's ("/.__palette").
  function erase() {
    const material = window.__md_scope ? __md_scope.pathname + ".__" : PREFIX;
    memory = {};
    for (const name of ["localStorage", "sessionStorage"]) {
      try {
        const store = window[name];
        for (const key of Object.keys(store)) if (key.startsWith(PREFIX) || key.startsWith(material)) store.removeItem(key);
      } catch (error) {
        // blocked: nothing stored
      }
    }
  }

  function exportFile() {
    const link = document.createElement("a");
    const data = JSON.stringify({ format: FORMAT, version: 1, progress: read() }, null, 2);
    link.href = URL.createObjectURL(new Blob([data], { type: "application/json" }));
    link.download = "advocacy-guide-progress.json";
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 60000);
  }

  // Adds the file's ticks to this browser's: importing never unticks a step.
  function importFile(file) {
    file.text().then(JSON.parse).then((data) => {
      const incoming = clean(data && data.format === FORMAT && data.progress);
      if (!incoming) throw new TypeError(FORMAT);
      const progress = read();
      for (const list of Object.keys(incoming)) progress[list] = { ...progress[list], ...incoming[list] };
      write(progress);
      render();
      say("imported");
    }).catch(() => say("importFailed"));
  }

  document.addEventListener("change", ({ target }) => {
    if (target.matches(".checklist__box")) tick(target);
    if (target.matches(".checklist-tools__file") && target.files.length) {
      importFile(target.files[0]);
      target.value = "";
    }
  });

  document.addEventListener("click", ({ target }) => {
    const button = target.closest("[data-checklist-action]");
    const action = button && button.dataset.checklistAction;
    if (action === "reset" && confirm(text("resetConfirm"))) {
      const progress = read();
      delete progress[button.closest(".checklist").dataset.checklist];
      write(progress);
      render();
    } else if (action === "erase" && confirm(text("eraseConfirm"))) {
      erase();
      render();
      say("erased");
    } else if (action === "export") exportFile();
    else if (action === "import") document.querySelector(".checklist-tools__file").click();
  });

  // Ticks made in another tab.
  addEventListener("storage", (event) => event.key === KEY && render());

  // Material's document$ announces each page, also after instant navigation.
  if (window.document$) document$.subscribe(init);
  else init();
})();
