/* The saved copy, page side: loaded by saved-copy.js only when a reader presses "Keep this guide
   on this phone" or a video's "Save this video", or when this language is already saved.
   Registers the worker (../saved-copy-worker.js), asks it to save or to check for a new version,
   and shows what happens: the control's data-offline-state ("saving", "saved", "failed"), the
   notice of a new version with its Reload button, the videos' buttons. Texts come from the
   language's saved-copy-strings.json (data/ui-strings.yml, keys saved_copy.*). */

const sw = navigator.serviceWorker;
const control = document.querySelector("[data-offline-control]");
const language = control ? control.dataset.offlineLanguage : null;
const scope = control ? new URL(control.dataset.offlineScope, location.href) : new URL("..", import.meta.url);
const root = control ? new URL(control.dataset.offlineRoot, location.href) : scope;
const worker = new URL("saved-copy-worker.js", scope);
const list = new URL("saved-copy.json", root).href;
const FLAG = "advocacy-guide:saved-copy:";

let strings = null;
const text = async (key, values = {}) => {
  if (!strings) {
    strings = fetch(new URL("saved-copy-strings.json", root)).then((r) => r.json()).catch(() => ({}));
  }
  const all = await strings;
  const fallback = key === "failed" && control ? control.dataset.offlineFailed : key;
  return (all[key] || fallback).replace(/\{(\w+)\}/g, (_, name) => values[name] ?? "");
};

function flag(name, on) {
  try {
    if (on) localStorage.setItem(FLAG + name, "1");
    else localStorage.removeItem(FLAG + name);
  } catch (error) {
    // storage blocked: the worker's control of the page says a copy exists
  }
}

async function status(message) {
  const place = control && control.querySelector("[data-offline-status]");
  if (place) place.textContent = message;
}

function state(name) {
  if (control) control.dataset.offlineState = name;
}

async function ask(message) {
  const registration = await sw.ready;
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = (event) => resolve(event.data || { ok: false });
    registration.active.postMessage(message, [channel.port2]);
  });
}

const register = () => sw.register(worker, { scope: scope.href });

function addManifest() {
  if (document.querySelector('link[rel="manifest"]')) return;
  document.head.append(Object.assign(document.createElement("link"), { rel: "manifest", href: new URL("manifest.webmanifest", root).href }));
}

function showVideoButtons() {
  document.querySelectorAll(".video__save").forEach((item) => { item.hidden = false; });
}

async function saved() {
  state("saved");
  flag(language, true);
  addManifest();
  showVideoButtons();
  const button = control.querySelector('[data-offline="save"]');
  button.textContent = await text("update_button");
  await status(await text("saved"));
}

let noticeShown = false;
async function notice() {
  if (noticeShown) return;
  noticeShown = true;
  // At the top of the page's text, in Material's note style: no stylesheet of its own to load.
  const banner = Object.assign(document.createElement("div"), { className: "admonition note saved-copy-notice" });
  banner.lang = control ? control.lang : document.documentElement.lang;
  banner.setAttribute("role", "status");
  const title = Object.assign(document.createElement("p"), { className: "admonition-title", textContent: await text("update_ready") });
  const button = Object.assign(document.createElement("button"), { type: "button", className: "md-button", textContent: await text("reload") });
  button.dataset.offline = "reload";
  const line = document.createElement("p");
  line.append(button);
  banner.append(title, line);
  (document.querySelector("article.md-content__inner") || document.body).prepend(banner);
  state("update");
}

sw.addEventListener("message", async (event) => {
  const data = event.data || {};
  if (data.language !== language) return;
  if (data.type === "saved-copy:progress" && control.dataset.offlineState === "saving") {
    await status(await text("progress", { done: data.done, total: data.total }));
  } else if (data.type === "saved-copy:update-ready") notice();
  else if (data.type === "saved-copy:failed" && control.dataset.offlineState !== "saving") control.dataset.offlineUpdate = "failed";
  else if (data.type === "saved-copy:switched") location.reload(); // every open page, so none mixes versions
});

let started = false;
export async function start() {
  if (started || !control) return;
  started = true;
  await register();
  const answer = await ask({ type: "status", language });
  if (answer.copy) {
    await saved();
    if (answer.copy.waiting) notice();
    ask({ type: "check", language, list }); // a new version downloads in the background
  } else {
    flag(language, false);
  }
}

async function save() {
  if (control.dataset.offlineState === "saving") return;
  state("saving");
  await status(await text("saving"));
  // Asked before saving: a copy the browser may not evict when space runs low.
  const persisted = navigator.storage && navigator.storage.persist ? await navigator.storage.persist().catch(() => false) : false;
  control.dataset.offlinePersisted = String(persisted);
  try {
    await register();
    const answer = await ask({ type: "save", language, list });
    if (!answer.ok) throw new Error(answer.reason);
    started = true;
    await saved();
    if (!persisted) await status(`${await text("saved")} ${await text("not_persisted")}`);
  } catch (error) {
    state("failed");
    await status(await text("failed"));
  }
}

async function saveVideo(button) {
  const place = button.parentElement.querySelector("[data-offline-video-status]");
  button.disabled = true;
  place.textContent = await text("video_saving");
  const answer = await ask({ type: "save-video", url: new URL(button.dataset.offlineVideo, location.href).href });
  button.disabled = false;
  button.dataset.offlineState = answer.ok ? "saved" : "failed";
  place.textContent = await text(answer.ok ? "video_saved" : "video_failed");
}

export async function press(button) {
  const action = button.dataset.offline;
  if (action === "save") {
    if (control.dataset.offlineState === "saved") {
      state("checking");
      const answer = await ask({ type: "check", language, list });
      state(control.dataset.offlineState === "update" ? "update" : "saved");
      await status(await text(answer.ok ? "saved" : "failed"));
    } else await save();
  } else if (action === "save-video") await saveVideo(button);
  else if (action === "reload") {
    button.disabled = true;
    const answer = await ask({ type: "switch", language });
    if (!answer.ok) location.reload();
  }
}

// After "Erase my progress": the saved copy too, if the reader says so; then no trace is left.
export async function offerRemoval() {
  const registration = await sw.getRegistration(scope.href);
  if (!registration) return;
  if (!confirm(await text("remove_confirm"))) {
    const answer = await ask({ type: "status", language });
    for (const name of answer.languages || []) flag(name, true); // erase took the flags too
    return;
  }
  for (const name of await caches.keys()) if (name.startsWith("advocacy-guide-")) await caches.delete(name);
  await registration.unregister();
  try {
    for (const key of Object.keys(localStorage)) if (key.startsWith(FLAG)) localStorage.removeItem(key);
  } catch (error) {
    // blocked: nothing stored
  }
  state("removed");
  await status(await text("removed"));
}
