/**
 * Storage for spreadsheet imports: each organization's saved mapping per target, and the
 * uploads that wait for their coordinator to confirm them. Storage only: what a mapping
 * means, and when an upload may be read, is for src/services/imports.ts to say.
 */
import { and, eq, lte } from 'drizzle-orm';
import type { SavedMapping, SheetTarget } from '../sheets/index.js';
import type { Db } from './index.js';
import { spreadsheetMappings, spreadsheetUploads } from './schema.js';

/** The mapping an organization saved for a target, or undefined when it never saved one. */
export function loadMapping(db: Db, organizationId: number, target: SheetTarget): SavedMapping | undefined {
  const row = db.select({ mapping: spreadsheetMappings.mapping }).from(spreadsheetMappings)
    .where(and(eq(spreadsheetMappings.organizationId, organizationId), eq(spreadsheetMappings.target, target))).get();
  return row?.mapping as SavedMapping | undefined;
}

/** Keeps an organization's mapping for a target, in place of the one it had. */
export function storeMapping(db: Pick<Db, 'insert'>, organizationId: number, target: SheetTarget, mapping: SavedMapping, nowIso: string): void {
  db.insert(spreadsheetMappings).values({ organizationId, target, mapping, updatedAt: nowIso })
    .onConflictDoUpdate({ target: [spreadsheetMappings.organizationId, spreadsheetMappings.target], set: { mapping, updatedAt: nowIso } }).run();
}

/** Who an upload belongs to and what it is for: one account, one event (by its stored key), one target. */
export interface UploadOwner {
  userId: number;
  eventKey: number;
  target: SheetTarget;
}

export type UploadStep = 'columns' | 'values' | 'preview';

export interface StoredUpload<Choices = unknown> extends UploadOwner {
  id: number;
  fileName: string;
  bytes: Buffer;
  choices: Choices;
  step: UploadStep;
  createdAt: string;
  expiresAt: string;
}

const owned = (owner: UploadOwner) => and(
  eq(spreadsheetUploads.userId, owner.userId), eq(spreadsheetUploads.eventId, owner.eventKey), eq(spreadsheetUploads.target, owner.target));

/** Stores an upload in place of any this account had waiting for the same event and target. */
export function storeUpload(db: Db, owner: UploadOwner, upload: { fileName: string; bytes: Buffer; choices: unknown; step: UploadStep; expiresAt: string }): void {
  db.transaction((tx) => {
    tx.delete(spreadsheetUploads).where(owned(owner)).run();
    tx.insert(spreadsheetUploads).values({ ...upload, userId: owner.userId, eventId: owner.eventKey, target: owner.target }).run();
  }, { behavior: 'immediate' });
}

/** The account's upload waiting for this event and target, while it has not expired. */
export function loadUpload<Choices>(db: Db, owner: UploadOwner, nowIso: string): StoredUpload<Choices> | undefined {
  const row = db.select().from(spreadsheetUploads).where(owned(owner)).get();
  if (!row || row.expiresAt <= nowIso) return undefined;
  return {
    id: row.id, userId: row.userId, eventKey: row.eventId, target: row.target as SheetTarget, fileName: row.fileName,
    bytes: row.bytes, choices: row.choices as Choices, step: row.step as UploadStep, createdAt: row.createdAt, expiresAt: row.expiresAt,
  };
}

/** Records the choices made and the step reached on an upload; false when it is gone. */
export function updateUpload(db: Db, id: number, change: { choices: unknown; step: UploadStep }): boolean {
  return db.update(spreadsheetUploads).set(change).where(eq(spreadsheetUploads.id, id)).run().changes > 0;
}

/** Deletes the account's upload for this event and target (saved or cancelled); whether there was one. */
export function deleteUpload(db: Pick<Db, 'delete'>, owner: UploadOwner): boolean {
  return db.delete(spreadsheetUploads).where(owned(owner)).run().changes > 0;
}

/** Deletes every upload of an event (its personal data is purged). */
export function deleteEventUploads(db: Pick<Db, 'delete'>, eventKey: number): number {
  return db.delete(spreadsheetUploads).where(eq(spreadsheetUploads.eventId, eventKey)).run().changes;
}

/** Deletes the uploads whose time is up; how many. */
export function deleteExpiredUploads(db: Db, nowIso: string): number {
  return db.delete(spreadsheetUploads).where(lte(spreadsheetUploads.expiresAt, nowIso)).run().changes;
}
