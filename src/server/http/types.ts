import '@fastify/cookie';
import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ActorContext } from '../features/session/actor.ts';

/** The Fastify instance with zod schemas as its type provider: request types flow from the schemas. */
export type Api = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in person, resolved once per request from the session cookie or an API token. */
    actor: ActorContext | null;
  }
  interface FastifyContextConfig {
    /** false on the few routes that work before any session exists (sign-in, first-run setup). */
    csrf?: boolean;
    /**
     * true on the routes anyone may call without signing in (sign-in, first-run setup, reference
     * lists); every other API route answers 401 to an anonymous caller before it looks at the input.
     */
    public?: boolean;
  }
}
