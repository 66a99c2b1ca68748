import { SITE_CONFIG_ENTITY, type SiteConfigKind } from '@shared/sync/protocol';
import type { Database } from '../db/database';
import { appendChanges } from './changes';

/** The device id that central changes carry in the pull log. */
export const CENTRAL_DEVICE_ID = 'central';

/**
 * Stores a site configuration document and queues it for every seat of the site: it travels through the same pull
 * log as seat changes (entity `site-config`, entityId = kind), so seats need no second channel.
 */
export async function publishSiteConfig(
  db: Database,
  siteId: string,
  kind: SiteConfigKind,
  document: Record<string, unknown>,
  hlc: string,
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO site_config (site_id, kind, data, hlc) VALUES ($1, $2, $3::jsonb, $4)
       ON CONFLICT (site_id, kind) DO UPDATE SET data = EXCLUDED.data, hlc = EXCLUDED.hlc, updated_at = now()`,
      [siteId, kind, JSON.stringify(document), hlc],
    );
    await appendChanges(tx, siteId, [
      {
        seq: 0,
        entity: SITE_CONFIG_ENTITY,
        entityId: kind,
        op: 'upsert',
        data: document,
        hlc,
        deviceId: CENTRAL_DEVICE_ID,
      },
    ]);
  });
}
