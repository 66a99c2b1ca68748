import { CHANNELS } from '@shared/ipc/contract';
import type { Handlers } from '@shared/ipc/dispatcher';

/**
 * A handler for every contract channel: the ones a test gives, and for the rest one that fails loudly, so tests of the
 * IPC machinery do not have to change each time a feature adds a channel.
 */
export function stubHandlers(given: Partial<Handlers>): Handlers {
  const all: Record<string, unknown> = Object.fromEntries(
    CHANNELS.map((channel) => [
      channel,
      () => {
        throw new Error(`${channel} is not stubbed in this test`);
      },
    ]),
  );
  return { ...all, ...given } as Handlers;
}
