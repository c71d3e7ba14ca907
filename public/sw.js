// Keeps the whole site on the device after one visit, so it works with no signal.
// The build fills in VERSION (changes with every deployment) and FILES (every page and asset).
// A new deployment installs a new cache and removes the old one.
const VERSION = '{{version}}';
const FILES = {{files}};
const CACHE = `site-${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('site-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

// A page is kept under its path without a trailing slash: '/calculator/' is '/calculator'.
function key(url) {
  const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : url.pathname;
  return path;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    const hit = await cache.match(key(url));
    if (hit) return hit;
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
