import type { FastifyInstance } from 'fastify';

/**
 * PUBLIC_URL as links are built from it: an http or https URL with no query or fragment, its
 * trailing slash dropped (`https://taller.example.org`, or with a path prefix a proxy maps).
 * Throws a sentence naming what is wrong.
 */
export function parsePublicUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`PUBLIC_URL must be the address people open this server at, such as https://taller.example.org, not "${text}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`PUBLIC_URL must start with https:// or http://, not "${text}"`);
  if (url.search || url.hash || url.username || url.password) {
    throw new Error(`PUBLIC_URL must be a plain address with no query, fragment or password, not "${text}"`);
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** 127.0.0.0/8 and ::1, as the listening socket reports them. */
const isLoopback = (address: string) => address === '::1' || /^(::ffff:)?127\./i.test(address);

/** Why a link cannot be issued: the server is reachable beyond this machine and does not know its public address. */
export const NEEDS_PUBLIC_URL = 'Links need PUBLIC_URL: this server listens beyond localhost, so set PUBLIC_URL to the address '
  + 'people open it at (such as https://taller.example.org) and restart it. Links are never built from the request\'s Host header.';

/**
 * The origin personal links are built from: PUBLIC_URL when set; else, while the server listens
 * only on loopback, `http://localhost:PORT` (`http://localhost` for requests made in-process,
 * with nothing listening). Undefined when the server listens beyond loopback without PUBLIC_URL.
 */
export function linkOrigin(app: FastifyInstance): string | undefined {
  if (app.publicUrl) return app.publicUrl;
  const address = app.server.listening ? app.server.address() : null;
  if (address === null) return 'http://localhost';
  if (typeof address === 'string' || !isLoopback(address.address)) return undefined;
  return `http://localhost:${address.port}`;
}

/** Whether links from this origin travel over TLS: only then may a field call them `https`. */
export const isHttps = (origin: string) => origin.startsWith('https:');
