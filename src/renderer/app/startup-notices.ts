import { create } from 'zustand';

/** Facts from start-up the user is told once: how many records the journal gave back. */
export const useStartupNotices = create<{ restored: number }>(() => ({ restored: 0 }));
