import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import { readBundleDir } from '../bundle/dir.js';
import { importBundle } from './bundles.js';
import type { Db } from '../db/index.js';
import { settings } from '../db/schema.js';
import { planEvent } from './plans.js';
import type { Planner } from './plans.js';

export const DEMO_DIR = fileURLToPath(new URL('../../static/samples/fresno-saturday', import.meta.url));
const DEMO_KEY = 'demo_loaded';

/**
 * Imports the Fresno sample the first time a database is served, so a newcomer sees a
 * workshop at once; its id, or undefined when the demo was loaded before. Done once: an event
 * the coordinator later deletes does not come back.
 */
export async function importDemo(db: Db): Promise<string | undefined> {
  if (db.select().from(settings).where(eq(settings.key, DEMO_KEY)).get()) return undefined;
  const outcome = importBundle(db, await readBundleDir(DEMO_DIR), 'demo');
  if (!outcome.ok) throw new Error(`the demo bundle in ${DEMO_DIR} does not read: ${outcome.errors[0]?.message}`);
  db.insert(settings).values({ key: DEMO_KEY, value: outcome.saved.slug }).run();
  return outcome.saved.slug;
}

/** Plans the demo event as its first version (in this thread, or elsewhere when the caller says how). */
export async function planDemo(db: Db, slug: string, planner?: Planner): Promise<void> {
  await planEvent(db, slug, {}, 'demo', planner);
}

/** Loads and plans the demo on a database's first start; whether it did. */
export async function ensureDemo(db: Db, planner?: Planner): Promise<boolean> {
  const slug = await importDemo(db);
  if (slug === undefined) return false;
  await planDemo(db, slug, planner);
  return true;
}
