import {
  ipcContract,
  ipcEvents,
  isChannel,
  isEventName,
  type Channel,
  type EventName,
  type EventPayload,
  type RequestOf,
  type ResponseOf,
} from './contract';
import { fail, IpcResultEnvelope, ok, toIssues, type IpcResult } from './result';

/** How a client reaches the main process: Electron's ipcRenderer in the preload, a WebSocket in the harness. */
export interface IpcTransport {
  invoke(channel: Channel, request: unknown): Promise<unknown>;
  subscribe(listener: (event: string, payload: unknown) => void): () => void;
}

/** The surface the renderer sees as `window.floorguard`, in Electron and in the harness alike. */
export interface FloorguardApi {
  invoke<C extends Channel>(channel: C, request: RequestOf<C>): Promise<IpcResult<ResponseOf<C>>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/**
 * Builds the typed API over a transport. Requests are validated before they leave (a bad call gets a typed
 * `invalid_request` without a round trip); responses and events are validated when they arrive.
 */
export function createIpcClient(transport: IpcTransport): FloorguardApi {
  const listeners = new Map<EventName, Set<(payload: never) => void>>();
  let unsubscribe: (() => void) | null = null;

  function dispatchEvent(event: string, payload: unknown): void {
    if (!isEventName(event)) return;
    const parsed = ipcEvents[event].safeParse(payload);
    if (!parsed.success) return;
    for (const listener of listeners.get(event) ?? []) (listener as (p: unknown) => void)(parsed.data);
  }

  return {
    async invoke(channel, request) {
      if (!isChannel(channel)) return fail('unknown_channel', `Unknown channel: ${String(channel)}`);
      const spec = ipcContract[channel];
      const parsedRequest = spec.request.safeParse(request);
      if (!parsedRequest.success) {
        return fail('invalid_request', `Invalid request for ${channel}`, toIssues(parsedRequest.error));
      }
      let raw: unknown;
      try {
        raw = await transport.invoke(channel, parsedRequest.data);
      } catch (error) {
        return fail('unavailable', error instanceof Error ? error.message : String(error));
      }
      const envelope = IpcResultEnvelope.safeParse(raw);
      if (!envelope.success) return fail('invalid_response', `Malformed reply on ${channel}`);
      if (!envelope.data.ok) return envelope.data;
      const value = spec.response.safeParse(envelope.data.value);
      if (!value.success) {
        return fail('invalid_response', `Invalid response on ${channel}`, toIssues(value.error));
      }
      return ok(value.data as ResponseOf<typeof channel>);
    },
    on(event, listener) {
      if (!isEventName(event)) throw new Error(`Unknown event: ${String(event)}`);
      let set = listeners.get(event);
      if (!set) {
        set = new Set();
        listeners.set(event, set);
      }
      set.add(listener as (payload: never) => void);
      unsubscribe ??= transport.subscribe(dispatchEvent);
      return () => {
        set.delete(listener as (payload: never) => void);
        const empty = [...listeners.values()].every((s) => s.size === 0);
        if (empty && unsubscribe) {
          unsubscribe();
          unsubscribe = null;
        }
      };
    },
  };
}
