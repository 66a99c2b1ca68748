import type { zhCN } from './messages/zh-CN';

/** Same keys as the default catalogue, any strings: every language must translate every key. */
type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type MessageCatalogue = Widen<typeof zhCN>;
