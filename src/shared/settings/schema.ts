import { z } from 'zod';

export const LOCALES = ['zh-CN', 'en'] as const;
export const Locale = z.enum(LOCALES);
export type Locale = z.infer<typeof Locale>;
export const DEFAULT_LOCALE: Locale = 'zh-CN';

/** Per-seat settings, remembered between runs (electron-store in the app, a JSON file in the harness). */
export const SeatSettings = z.object({
  locale: Locale,
  agentName: z.string().trim().max(64),
  seatName: z.string().trim().max(64),
});
export type SeatSettings = z.infer<typeof SeatSettings>;

export const SeatSettingsPatch = SeatSettings.partial().strict();
export type SeatSettingsPatch = z.infer<typeof SeatSettingsPatch>;

export const DEFAULT_SEAT_SETTINGS: SeatSettings = { locale: DEFAULT_LOCALE, agentName: '', seatName: '' };
