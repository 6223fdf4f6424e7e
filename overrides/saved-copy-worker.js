/* The saved copy's service worker: registered only when a reader presses "Keep this guide on
   this phone" (assets/saved-copy.js). One worker for the whole site (its scope is the site's
   root), so that an address of a language that is not saved gets the offline page instead of a
   browser error; each language keeps its own copy.

   Caches: "advocacy-guide-copy-<language>-<version>", one per saved language and version, filled
   from the language's saved-copy.json (files with their size and SHA-256); "advocacy-guide-state"
   holds which version of each language is in use and which one is downloaded and waiting;
   "advocacy-guide-videos" the videos saved one by one.
   Updates: a new version downloads into its own cache, each file checked against its hash; only
   complete, it waits; it replaces the old copy when the reader presses "Reload" (or when no page
   of that language is open), and the old cache is deleted. A failed or interrupted download
   leaves the old copy in use; the next check resumes it. A page and what it loads always come
   from the same cache: the switch reloads every open page of the language.
   This file is the same in every build: the version lives in saved-copy.json. */
"use strict";

const PREFIX = "advocacy-guide-";
const STATE_CACHE = PREFIX + "state";
const VIDEO_CACHE = PREFIX + "videos";
const STATE_KEY = "saved-copy-state.json";
const PARALLEL = 4;
const scope = new URL(self.registration.scope);
const copyName = (language, version) => `${PREFIX}copy-${language}-${version}`;

let statePromise = null; // {languages: {fr: {version, root, offline, waiting}}}
const downloads = new Map(); // language -> promise of the download under way

function readState() {
  if (!statePromise) {
    statePromise = caches.open(STATE_CACHE)
      .then((cache) => cache.match(new URL(STATE_KEY, scope)))
      .then((response) => (response ? response.json() : { languages: {} }))
      .catch(() => ({ languages: {} }));
  }
  return statePromise;
}

async function writeState(state) {
  statePromise = Promise.resolve(state);
  const cache = await caches.open(STATE_CACHE);
  await cache.put(new URL(STATE_KEY, scope), new Response(JSON.stringify(state), { headers: { "Content-Type": "application/json" } }));
}

async function tell(message) {
  for (const client of await self.clients.matchAll({ type: "window", includeUncontrolled: true })) client.postMessage(message);
}

const hex = (buffer) => Array.from(new Uint8Array(buffer), (byte) => byte.toString(16).padStart(2, "0")).join("");

// The path of `url` below the scope ("fr/committee.html"), or null outside it.
function sitePath(url) {
  if (url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return null;
  let path = decodeURIComponent(url.pathname.slice(scope.pathname.length));
  if (path === "" || path.endsWith("/")) path += "index.html";
  return path;
}

function languageOf(path, state) {
  const first = path.split("/")[0];
  for (const [language, copy] of Object.entries(state.languages)) if (copy.root && copy.root === first + "/") return language;
  return Object.keys(state.languages).find((language) => state.languages[language].root === "") || null;
}

async function fetchList(listUrl) {
  if (new URL(listUrl).origin !== scope.origin) throw new Error("another site's list");
  const response = await fetch(listUrl, { cache: "no-store" });
  if (!response.ok) throw new Error(`${listUrl}: ${response.status}`);
  const list = await response.json();
  if (list.format !== "advocacy-guide-saved-copy") throw new Error(`${listUrl}: not a saved-copy list`);
  return list;
}

// Every file of `list` into its version's cache, each checked against its hash. Files already
// there (an interrupted download of the same version) are not fetched again.
async function download(list) {
  const cache = await caches.open(copyName(list.language, list.version));
  const have = new Set((await cache.keys()).map((request) => request.url));
  const missing = list.files.filter(([path]) => !have.has(new URL(path, scope).href));
  let done = list.files.length - missing.length;
  let failure = null;
  const next = async () => {
    while (missing.length && !failure) {
      const [path, , hash] = missing.shift();
      try {
        const response = await fetch(new URL(path, scope), { cache: "no-cache", credentials: "same-origin" });
        if (!response.ok) throw new Error(`${path}: ${response.status}`);
        const body = await response.clone().arrayBuffer();
        if (hex(await crypto.subtle.digest("SHA-256", body)) !== hash) throw new Error(`${path}: not the listed version`);
        await cache.put(new URL(path, scope), response);
        done += 1;
        tell({ type: "saved-copy:progress", language: list.language, done, total: list.files.length });
      } catch (error) {
        failure = error;
      }
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, next));
  if (failure) throw failure;
}

// Save `language` (first time) or bring its copy up to date; one download per language at a time.
function update(language, listUrl, first) {
  if (downloads.has(language)) return downloads.get(language);
  const work = (async () => {
    const list = await fetchList(listUrl);
    const state = await readState();
    const copy = state.languages[language];
    if (copy && (copy.version === list.version || copy.waiting === list.version)) {
      tell({ type: copy.waiting ? "saved-copy:update-ready" : "saved-copy:current", language, version: list.version });
      return;
    }
    await download(list);
    const entry = { version: list.version, root: list.root, offline: list.offline, bytes: list.bytes, listUrl };
    const fresh = await readState(); // may have changed while downloading
    const before = fresh.languages[language];
    if (first || !before) {
      fresh.languages[language] = entry;
    } else {
      fresh.languages[language] = { ...before, waiting: list.version, waitingEntry: entry };
    }
    await writeState(fresh);
    await removeUnused(fresh);
    tell({ type: first || !before ? "saved-copy:saved" : "saved-copy:update-ready", language, version: list.version });
  })().catch((error) => {
    tell({ type: "saved-copy:failed", language, reason: String(error && error.message || error) });
    throw error;
  }).finally(() => downloads.delete(language));
  downloads.set(language, work);
  return work;
}

// The waiting version becomes the copy in use; the old one is deleted; open pages reload.
async function switchVersion(language) {
  const state = await readState();
  const copy = state.languages[language];
  if (!copy || !copy.waiting) return false;
  state.languages[language] = copy.waitingEntry;
  await writeState(state);
  await removeUnused(state);
  return true;
}

// Every copy cache that no language uses or waits for: old versions, partial downloads of a
// version that is no longer the newest.
async function removeUnused(state, keepDownloads = true) {
  const kept = new Set([STATE_CACHE, VIDEO_CACHE]);
  for (const [language, copy] of Object.entries(state.languages)) {
    kept.add(copyName(language, copy.version));
    if (copy.waiting) kept.add(copyName(language, copy.waiting));
  }
  for (const name of await caches.keys()) {
    if (!name.startsWith(PREFIX + "copy-") || kept.has(name)) continue;
    const language = name.slice((PREFIX + "copy-").length).split("-")[0];
    if (keepDownloads && downloads.has(language)) continue;
    await caches.delete(name);
  }
}

async function removeLanguage(language) {
  const state = await readState();
  delete state.languages[language];
  await writeState(state);
  await removeUnused(state, false);
}

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

self.addEventListener("message", (event) => {
  const data = event.data || {};
  const reply = (message) => event.ports[0] && event.ports[0].postMessage(message);
  let work;
  if (data.type === "save") work = update(data.language, data.list, true).then(() => ({ ok: true }));
  else if (data.type === "check") {
    work = readState().then((state) => (state.languages[data.language] ? update(data.language, data.list, false) : null)).then(() => ({ ok: true }));
  } else if (data.type === "switch") {
    work = switchVersion(data.language).then(async (switched) => {
      if (switched) tell({ type: "saved-copy:switched", language: data.language });
      return { ok: switched };
    });
  } else if (data.type === "status") {
    work = readState().then((state) => ({ ok: true, copy: state.languages[data.language] || null, languages: Object.keys(state.languages) }));
  } else if (data.type === "remove") work = removeLanguage(data.language).then(() => ({ ok: true }));
  else if (data.type === "save-video") work = saveVideo(data.url).then(() => ({ ok: true }));
  else return;
  event.waitUntil(work.then(reply, (error) => reply({ ok: false, reason: String(error && error.message || error) })));
});

async function saveVideo(url) {
  const target = new URL(url, scope);
  if (target.origin !== scope.origin) throw new Error("another site's video");
  const response = await fetch(target, { cache: "no-cache" });
  if (!response.ok || response.status !== 200) throw new Error(`${target.pathname}: ${response.status}`);
  await (await caches.open(VIDEO_CACHE)).put(target, response);
}

// A saved video, also in parts: a player asks for byte ranges to seek.
async function videoResponse(request) {
  const cached = await (await caches.open(VIDEO_CACHE)).match(request.url, { ignoreSearch: true });
  if (!cached) return null;
  const range = /^bytes=(\d*)-(\d*)$/.exec(request.headers.get("Range") || "");
  if (!range) return cached;
  const blob = await cached.blob();
  const start = range[1] ? Number(range[1]) : Math.max(0, blob.size - Number(range[2]));
  const end = range[1] && range[2] ? Math.min(Number(range[2]), blob.size - 1) : blob.size - 1;
  return new Response(blob.slice(start, end + 1), {
    status: 206,
    headers: { "Content-Type": cached.headers.get("Content-Type") || "video/mp4", "Content-Range": `bytes ${start}-${end}/${blob.size}`, "Content-Length": String(end - start + 1) },
  });
}

async function respond(event, path) {
  const request = event.request;
  const state = await readState();
  const navigation = request.mode === "navigate";
  if (path.startsWith("videos/")) {
    const video = await videoResponse(request);
    if (video) return video;
  }
  const language = languageOf(path, state);
  let copy = language ? state.languages[language] : null;
  if (copy && copy.waiting && navigation && !(await languageOpen(copy.root, state))) {
    await switchVersion(language); // nothing of the old version is open: take the new one now
    copy = (await readState()).languages[language];
  }
  if (copy) {
    const cache = await caches.open(copyName(language, copy.version));
    const hit = await cache.match(new URL(path, scope).href, { ignoreSearch: true });
    if (hit) return hit;
  }
  try {
    return await fetch(request);
  } catch (error) {
    if (navigation) return offlinePage(request, state, copy ? language : null);
    // No connection: what the offline page (shown at any address) loads, from a saved copy.
    for (const [name, saved] of Object.entries(state.languages)) {
      const hit = await (await caches.open(copyName(name, saved.version))).match(new URL(path, scope).href, { ignoreSearch: true });
      if (hit) return hit;
    }
    throw error;
  }
}

// The offline page in the reader's language: the saved language of the page they came from, or
// of the address asked for, or any saved one.
async function offlinePage(request, state, language) {
  const from = request.referrer ? sitePath(new URL(request.referrer)) : null;
  const reader = (from && languageOf(from, state)) || language || Object.keys(state.languages)[0];
  const copy = reader && state.languages[reader];
  if (copy) {
    const page = await (await caches.open(copyName(reader, copy.version))).match(new URL(copy.offline, scope).href);
    if (page) return new Response(page.body, { status: 503, headers: page.headers });
  }
  return Response.error();
}

// Whether a page of the language whose folder is `root` is open in a window.
async function languageOpen(root, state) {
  for (const client of await self.clients.matchAll({ type: "window" })) {
    const path = sitePath(new URL(client.url));
    if (path !== null && languageOf(path, state) && state.languages[languageOf(path, state)].root === root) return true;
  }
  return false;
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const path = sitePath(new URL(request.url));
  if (path === null || path === STATE_KEY) return; // never another origin's request
  event.respondWith(respond(event, path));
});
