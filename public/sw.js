// Keeps the whole site on the device after one visit, so it works with no signal.
// The build fills in VERSION (changes with every deployment) and FILES (every page and asset).
//
// What a plain static host does must not break it:
// - A host may redirect /cadre to /cadre/ (most do for a folder). A browser refuses a redirected
//   response as the answer to a page request, so the worker keeps each page as a response of its
//   own, never the redirected one.
// - A host may let caches keep files (Last-Modified, no Cache-Control). The worker fetches every
//   file past the HTTP cache when it installs, and checks that each page it keeps names this
//   deployment's start-up script: a page from an older deployment would load files that are gone.
//   If anything is missing or stale the install fails, and the previous copy goes on serving.
// - The previous deployment's copy is deleted only once this one is complete (on activation).
// Pages are served from the copy at once (a rural connection may take seconds), and checked
// against the network behind it: a newer page is kept when it belongs to this deployment, and a
// page of a newer deployment makes the browser look for the newer worker.
const VERSION = '{{version}}';
const FILES = {{files}};
const CACHE = 'site-' + VERSION;
const BOOT = FILES.find((file) => file.indexOf('/pkg/boot-') === 0);

/** A page, not an asset: a path without an extension, or an .html file. */
function isPage(path) {
  return !/\.[a-z0-9]+$/i.test(path) || /\.html$/i.test(path);
}

/** The key a path is kept under: '/cadre/', '/cadre/index.html' and '/cadre' are one page. */
function key(url) {
  let path = url.pathname.replace(/\/index\.html$/i, '/');
  if (path.length > 1) path = path.replace(/\/+$/, '');
  return path || '/';
}

/** A response that is not marked as redirected, with the same body and headers. */
async function unredirected(response) {
  if (!response.redirected) return response;
  const body = await response.blob();
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
}

/** Fetches one file for the copy, past the HTTP cache; a page must belong to this deployment. */
async function fetchForCopy(path) {
  const response = await unredirected(await fetch(path, { cache: 'reload' }));
  if (!response.ok) throw new Error(path + ': HTTP ' + response.status);
  if (isPage(path) && BOOT && (await response.clone().text()).indexOf(BOOT) < 0) {
    throw new Error(path + ' is not of this deployment (it does not load ' + BOOT + ')');
  }
  return response;
}

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const responses = await Promise.all(FILES.map(fetchForCopy));
    const cache = await caches.open(CACHE);
    await Promise.all(FILES.map((file, i) => cache.put(file, responses[i])));
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const keys = await caches.keys();
    await Promise.all(keys.filter((k) => k.indexOf('site-') === 0 && k !== CACHE).map((k) => caches.delete(k)));
    await self.clients.claim();
  })());
});

/** Checks a kept page against the network, keeping a newer one of this deployment. */
async function revalidate(cache, path) {
  try {
    const response = await unredirected(await fetch(path, { cache: 'no-cache' }));
    if (!response.ok) return;
    const text = await response.clone().text();
    if (BOOT && text.indexOf(BOOT) >= 0) {
      await cache.put(path, response);
    } else if (/\/pkg\/boot-[0-9a-f]+\.js/.test(text)) {
      await self.registration.update();
    }
  } catch (error) {
    // No signal: the kept page stays.
  }
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  const path = key(url);
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    const hit = await cache.match(path);
    if (hit) {
      if (request.mode === 'navigate' && isPage(path)) event.waitUntil(revalidate(cache, path));
      return hit;
    }
    try {
      return await fetch(request);
    } catch (error) {
      // No signal and not kept: a page gets the site's own not-found page, which links home.
      if (request.mode === 'navigate') {
        const notFound = await cache.match('/404.html');
        if (notFound) return notFound;
      }
      throw error;
    }
  })());
});
