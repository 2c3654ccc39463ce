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

/** What the command line builds links from, as the server would: an origin (and how it was chosen), or why it cannot. */
export type ConfiguredOrigin = { origin: string; note?: string } | { refused: string };

const LOOPBACK_HOSTS = /^(localhost|127(\.\d{1,3}){3}|::1|\[::1\])$/i;

/**
 * The origin `taller link` and `taller links` build links from, by the server's rule read from
 * the environment it would run with: PUBLIC_URL when set; else, while the server listens only on
 * this machine (HOST unset, `localhost` or a loopback address), `http://localhost:PORT`, with a
 * note saying that such a link opens only on this machine; else none (the server refuses too).
 * Throws a sentence naming what is wrong for a PUBLIC_URL that is not an address.
 */
export function configuredOrigin(env: NodeJS.ProcessEnv): ConfiguredOrigin {
  if (env.PUBLIC_URL) return { origin: parsePublicUrl(env.PUBLIC_URL) };
  const host = env.HOST || 'localhost';
  if (!LOOPBACK_HOSTS.test(host)) {
    return { refused: `links need PUBLIC_URL: HOST=${host} makes the server reachable beyond this machine, so set PUBLIC_URL to the address people open it at (such as https://taller.example.org); links are never built from a guess` };
  }
  const port = env.PORT === undefined || env.PORT === '' ? 3000 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    return { refused: `links need PUBLIC_URL, or a PORT from 1 to 65535 to build them on this machine (PORT is "${env.PORT}")` };
  }
  const origin = `http://localhost:${port}`;
  return { origin, note: `PUBLIC_URL is not set: links are built as ${origin}, which opens only on this machine; set PUBLIC_URL to the address people open Taller at to send them to people` };
}
