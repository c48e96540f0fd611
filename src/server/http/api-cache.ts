import type { Api } from './types.ts';

/**
 * The API's answers carry a person's data, scoped to them: no cache keeps them (a shared computer, a
 * proxy), unless a route says otherwise (the site photos: `private`, a day). The web app's files have
 * their own rules (static-files.ts); the API's documentation page is not data.
 */
export const API_CACHE = 'no-store';

export function installApiCacheHeaders(app: Api): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.url.startsWith('/api/') && !request.url.startsWith('/api/docs') && !reply.hasHeader('cache-control'))
      reply.header('cache-control', API_CACHE);
    return payload;
  });
}
