import { ipcContract, isChannel, type Channel, type ParsedRequestOf, type ResponseOf } from './contract';
import { fail, ok, toIssues, type IpcResult } from './result';

/** What the main process implements: one function per channel, given an already-validated request. */
export type Handlers = {
  [C in Channel]: (request: ParsedRequestOf<C>) => Promise<ResponseOf<C>> | ResponseOf<C>;
};

export type Dispatch = (channel: unknown, request: unknown) => Promise<IpcResult<unknown>>;

/**
 * Validates a raw message from the renderer against the contract, runs the handler, and validates what it returns.
 * Both bindings (Electron ipcMain and the harness WebSocket) go through this, so they behave the same.
 */
export function createDispatcher(
  handlers: Handlers,
  onError?: (channel: string, error: unknown) => void,
): Dispatch {
  return async (channel, request) => {
    if (!isChannel(channel)) return fail('unknown_channel', `Unknown channel: ${String(channel)}`);
    return dispatchTo(channel, handlers, request, onError);
  };
}

async function dispatchTo<C extends Channel>(
  channel: C,
  handlers: Handlers,
  raw: unknown,
  onError?: (channel: string, error: unknown) => void,
): Promise<IpcResult<unknown>> {
  const spec = ipcContract[channel];
  const parsed = spec.request.safeParse(raw);
  if (!parsed.success) {
    return fail('invalid_request', `Invalid request for ${channel}`, toIssues(parsed.error));
  }
  let value: unknown;
  try {
    const handler = handlers[channel] as (request: unknown) => Promise<unknown> | unknown;
    value = await handler(parsed.data);
  } catch (error) {
    onError?.(channel, error);
    return fail('internal', error instanceof Error ? error.message : String(error));
  }
  const checked = spec.response.safeParse(value);
  if (!checked.success) {
    onError?.(channel, checked.error);
    return fail(
      'invalid_response',
      `Main returned an invalid response for ${channel}`,
      toIssues(checked.error),
    );
  }
  return ok(checked.data);
}
