/** The headers every response of the server carries, set in one place. */
import type { FastifyReply, FastifyRequest } from 'fastify';

/** onSend hook: no content sniffing anywhere; Open311 is a public API any origin may call. */
export async function securityHeaders(request: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> {
  reply.header('x-content-type-options', 'nosniff');
  if (request.url.startsWith('/open311/')) reply.header('access-control-allow-origin', '*');
  return payload;
}
