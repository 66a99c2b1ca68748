import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { buildCatalogue, type Catalogue } from '@shared/checklists';
import type { SitePolicy } from '@shared/policy';
import { usePolicyStore } from '../../app/policy-store';
import type { FloorguardDb } from '../../data/db';
import { useLocalStore } from '../../data/local-store';

/** The seat's checklists and scripts: built-ins, the site policy's, and what the centre published. */
export type Templates = Catalogue;

/** The catalogue, read live: a template the centre publishes shows up without a restart. */
export function useTemplates(): Templates {
  const { db } = useLocalStore();
  const policy = usePolicyStore((s) => s.state.policy);
  const row = useLiveQuery(() => db.siteConfig.get('checklists'), [db]);
  return useMemo(
    () => buildCatalogue({ site: policy.checklists, central: row?.data }),
    [row, policy.checklists],
  );
}

/** The same catalogue, read once, for code outside React (tray actions). */
export async function loadCatalogue(db: FloorguardDb, policy: SitePolicy): Promise<Catalogue> {
  const row = await db.siteConfig.get('checklists');
  return buildCatalogue({ site: policy.checklists, central: row?.data });
}
