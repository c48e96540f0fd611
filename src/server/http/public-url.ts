import type { FastifyRequest } from 'fastify';
import type { Config } from '../config/config.ts';

/**
 * The public address of a path on this Lantern: from LANTERN_BASE_URL when set, else from the address
 * the server listens on. Never from the request's Host or X-Forwarded-Host, which any client can forge.
 */
export function publicUrl(request: FastifyRequest, config: Config, pathAndQuery: string): string {
  return `${config.baseUrl ?? listeningOrigin(request)}${pathAndQuery}`;
}

function listeningOrigin(request: FastifyRequest): string {
  const address = request.server.server.address();
  if (!address || typeof address === 'string') return `http://localhost`;
  const host =
    address.address === '0.0.0.0' || address.address === '::'
      ? 'localhost'
      : address.family === 'IPv6'
        ? `[${address.address}]`
        : address.address;
  return `http://${host}:${address.port}`;
}
