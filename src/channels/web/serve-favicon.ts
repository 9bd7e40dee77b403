/**
 * `GET /favicon.ico`: every browser asks for it, and a 404 on each page view
 * fills the log with noise. A 16×16 icon (a white sheet on the console's
 * accent blue, PNG inside an ICO container) kept inline: no asset files to ship.
 */
import type { HttpRoute } from '../../server.js';

const FAVICON = Buffer.from(
  'AAABAAEAEBAAAAEAIABlAAAAFgAAAIlQTkcNChoKAAAADUlIRFIAAAAQAAAAEAgGAAAAH/P/YQAAACxJREFUeNpj4I5Z+58SzIDMIQQoNgCbISQbgG7IIDUAV4iPumBkuYBsA8jBAF9x6vg8/+BSAAAAAElFTkSuQmCC',
  'base64',
);

/** The route; mounted by the console and the viewer (the server takes the first). */
export const FAVICON_ROUTE: HttpRoute = {
  method: 'GET',
  path: '/favicon.ico',
  handle(_req, res) {
    res.writeHead(200, {
      'content-type': 'image/x-icon',
      'content-length': String(FAVICON.length),
      'cache-control': 'public, max-age=604800',
      'x-content-type-options': 'nosniff',
    });
    res.end(FAVICON);
  },
};
