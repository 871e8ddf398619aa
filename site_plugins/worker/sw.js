// The guide's service worker; site_plugins/offline.py fills in BUILD and PRECACHE.
// Pages: from the network first; this build's copy when offline, when the network is slow
// or the server errs. Precached files: from the cache of the build of the page that asks,
// so that a page never runs with another build's files: a page the network brings from
// another build (the browser fetches that build's worker meanwhile), or naming none, gets
// its files from the network. Nothing else is cached: never an error response, never
// another origin.
importScripts("assets/offline/workbox/workbox-core.prod.js",
              "assets/offline/workbox/workbox-routing.prod.js",
              "assets/offline/workbox/workbox-strategies.prod.js",
              "assets/offline/workbox/workbox-precaching.prod.js");

const BUILD = "__BUILD__";
const PRECACHE = __PRECACHE__;
const PREFIX = "followup-";
const CACHE = PREFIX + BUILD;
const STATE_CACHE = PREFIX + "state";
const STATE_KEY = new URL("__followup-state__", self.registration.scope).href;
const PAGE_TIMEOUT = 5000;  // ms: on a network this slow, the cached page comes first
const PAGE_LOADING = 60000;  // ms a page may take to load before it counts as open
const BUILD_META = /<meta name="followup-build" content="([0-9a-f]+)">/;

const precache = new workbox.precaching.PrecacheController({cacheName: CACHE});
precache.addToCacheList(PRECACHE);

self.addEventListener("install", (event) => {
  self.skipWaiting();
  event.waitUntil(copyUnchanged().then(() => precache.install(event)));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(precache.activate(event).then(retireOlderBuilds)
    .then(() => self.clients.claim()));
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || !request.url.startsWith(self.registration.scope)) return;
  if (request.mode === "navigate") {
    event.respondWith(page(request, event.resultingClientId));
    event.waitUntil(forgetClosedPages());
    return;
  }
  const key = precache.getCacheKeyForURL(withoutQuery(request.url));
  if (key) event.respondWith(asset(request, key, event.clientId));
});

/** Files whose content did not change since an earlier build are copied, not fetched. */
async function copyUnchanged() {
  const cache = await caches.open(CACHE);
  const wanted = new Set(precache.getCachedURLs().map((url) => precache.getCacheKeyForURL(url)));
  for (const name of await olderBuildCaches()) {
    const old = await caches.open(name);
    for (const request of await old.keys()) {
      if (!wanted.has(request.url) || await cache.match(request)) continue;
      const response = await old.match(request);
      if (response) await cache.put(request, response);
    }
  }
}

async function page(request, clientId) {
  const network = fetch(request).then((response) => ofThisBuild(request, response, clientId));
  const slow = new Promise((resolve) => setTimeout(resolve, PAGE_TIMEOUT));
  const first = await Promise.race([network.catch(() => "failed"), slow.then(() => "slow")]);
  if (first instanceof Response) return first;
  return (await cachedPage(request)) || network;
}

async function ofThisBuild(request, response, clientId) {
  if (response.status >= 500) return (await cachedPage(request)) || response;
  if (!response.ok) return response;  // a redirect, or a page this build does not have
  const built = BUILD_META.exec(await response.clone().text());
  if (built && built[1] === BUILD) return response;
  // Another build's page, or none of ours (`mkdocs serve` at the same address): its
  // files come from the network, never from this build's cache.
  if (clientId) {
    (await loadState()).pages[clientId] = {build: built ? built[1] : "none", since: Date.now()};
    await saveState();
    return response;
  }
  return (built && (await cachedPage(request))) || response;
}

async function cachedPage(request) {
  const url = withoutQuery(request.url);
  if (url.endsWith("/")) return (await precache.matchPrecache(url + "index.html")) || null;
  const hit = await precache.matchPrecache(url);
  if (hit) return hit;
  // A folder asked for without its slash: sent there, as Pages would (its links are
  // relative to the folder).
  const folder = await precache.matchPrecache(url + "/index.html");
  return folder ? Response.redirect(url + "/", 301) : null;
}

async function asset(request, key, clientId) {
  const build = await buildOf(clientId);
  if (build === BUILD) return (await caches.match(key, {cacheName: CACHE})) || fetch(request);
  // Another build's cache holds the file under that build's revision.
  const hit = await caches.match(withoutQuery(request.url), {cacheName: PREFIX + build,
                                                             ignoreSearch: true});
  return hit || fetch(new Request(request, {cache: "no-cache"}));
}

function withoutQuery(url) {
  const parsed = new URL(url);
  parsed.search = "";
  parsed.hash = "";
  return parsed.href;
}

async function olderBuildCaches() {
  return (await caches.keys()).filter((name) => name !== CACHE && name !== STATE_CACHE &&
                                                name.startsWith(PREFIX));
}

// Which build each open page is of, when not this worker's: pages open when it took over
// came from the build before it, and keep that build's files (a module they load later
// included) until they are closed; pages of a newer build, until its worker takes over.
let state = null;

async function loadState() {
  if (!state) {
    const saved = await (await caches.open(STATE_CACHE)).match(STATE_KEY);
    state = saved ? await saved.json() : {pages: {}, retired: []};
  }
  return state;
}

async function saveState() {
  const cache = await caches.open(STATE_CACHE);
  await cache.put(STATE_KEY, new Response(JSON.stringify(state)));
}

async function buildOf(clientId) {
  const page = clientId && (await loadState()).pages[clientId];
  return page ? page.build : BUILD;
}

async function retireOlderBuilds() {
  const older = await olderBuildCaches();  // in the order they were made
  const open = await self.clients.matchAll({type: "window"});
  await loadState();
  state.retired = older;
  const previous = older.length ? older[older.length - 1].slice(PREFIX.length) : BUILD;
  for (const client of open) {
    const page = state.pages[client.id] || {build: previous, since: 0};  // open already
    if (page.build === BUILD) {
      delete state.pages[client.id];
    } else {
      state.pages[client.id] = page;
      client.postMessage({type: "followup-updated"});  // the page offers a reload
    }
  }
  await forgetClosedPages();
}

// A page being loaded is not yet among the open ones: its record is kept for a while.
async function forgetClosedPages() {
  const open = new Set((await self.clients.matchAll({type: "window"})).map((c) => c.id));
  await loadState();
  const inUse = new Set();
  for (const [id, page] of Object.entries(state.pages)) {
    if (open.has(id) || Date.now() - page.since < PAGE_LOADING) inUse.add(PREFIX + page.build);
    else delete state.pages[id];
  }
  const gone = state.retired.filter((name) => !inUse.has(name));
  state.retired = state.retired.filter((name) => inUse.has(name));
  await Promise.all(gone.map((name) => caches.delete(name)));
  await saveState();
}
