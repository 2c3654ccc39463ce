import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import { readBundleDir } from '../bundle/dir.js';
import { importBundle } from '../db/import.js';
import type { Db } from '../db/index.js';
import { settings } from '../db/schema.js';
import { planEvent } from './plans.js';

export const DEMO_DIR = fileURLToPath(new URL('../../static/samples/fresno-saturday', import.meta.url));
const DEMO_KEY = 'demo_loaded';

/**
 * Loads and plans the Fresno sample the first time a database is served, so a newcomer sees
 * a plan at once. Done once: an event the coordinator later deletes does not come back.
 */
export async function ensureDemo(db: Db): Promise<boolean> {
  if (db.select().from(settings).where(eq(settings.key, DEMO_KEY)).get()) return false;
  const outcome = importBundle(db, await readBundleDir(DEMO_DIR), 'demo');
  if (!outcome.ok) throw new Error(`the demo bundle in ${DEMO_DIR} does not read: ${outcome.errors[0]?.message}`);
  await planEvent(db, outcome.saved.slug, {}, 'demo');
  db.insert(settings).values({ key: DEMO_KEY, value: outcome.saved.slug }).run();
  return true;
}
