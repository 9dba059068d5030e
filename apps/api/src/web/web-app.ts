import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AppLogger } from '../logging/app-logger';
import { cacheControlFor, wantsWebPage } from './web-routes';

/**
 * The page's own rules: scripts, styles and connections (GraphQL over HTTP and WebSocket) from
 * this origin only; never framed. Sign-in links carry a token in their URL: no Referer leaves the page.
 */
const PAGE_HEADERS = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
} as const;

/**
 * Serves the built web app (`npm run build` → dist/web) from the API process, same origin as
 * /graphql: the files of the build at their paths (hashed assets cached for good, the rest
 * revalidated), and `index.html` for any page of the app, so deep links load it. Requests for the
 * API's paths and requests that do not accept HTML get the API's usual 404.
 * Without a build (an API-only checkout) nothing is served and the start log says why.
 */
export async function serveWebApp(app: NestFastifyApplication, root: string, logger: AppLogger): Promise<void> {
  if (!fs.existsSync(path.join(root, 'index.html'))) {
    logger.warn({ webRoot: root }, 'The web app is not built (no index.html): run `npm run build`; / is not served');
    return;
  }
  // The files are listed once at start (no wildcard route), so a request never touches the disk for a
  // name that is not in the build; index.html is only served as a page, with its headers.
  await app.register(fastifyStatic, {
    root,
    wildcard: false,
    index: false,
    globIgnore: ['index.html', '**/*.br', '**/*.gz'],
    cacheControl: false,
    // The build ships Brotli and gzip copies (apps/web/scripts/compress.mjs): sent to browsers that accept them.
    preCompressed: true,
    setHeaders: (reply, filePath) => {
      const relative = path.relative(root, filePath).split(path.sep).join('/').replace(/\.(?:br|gz)$/, '');
      reply.header('cache-control', cacheControlFor(relative));
      reply.header('x-content-type-options', 'nosniff');
    },
  });
  const fastify = app.getHttpAdapter().getInstance();
  fastify.route({
    method: ['GET', 'HEAD'],
    url: '/*',
    handler: (request, reply) => {
      if (!wantsWebPage(request.method, request.url, request.headers.accept)) return reply.callNotFound();
      return reply.headers(PAGE_HEADERS).sendFile('index.html');
    },
  });
}
