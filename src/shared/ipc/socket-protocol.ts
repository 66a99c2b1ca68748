import { z } from 'zod';

/**
 * Frames of the browser harness's WebSocket binding. It carries exactly what Electron IPC carries:
 * an invoke with its result, and main → renderer events. Payloads are checked by the contract on both ends.
 */
export const SocketInvoke = z.object({
  type: z.literal('invoke'),
  id: z.number().int().nonnegative(),
  channel: z.string(),
  request: z.unknown(),
});
export type SocketInvoke = z.infer<typeof SocketInvoke>;

export const SocketResult = z.object({
  type: z.literal('result'),
  id: z.number().int().nonnegative(),
  result: z.unknown(),
});

export const SocketEvent = z.object({
  type: z.literal('event'),
  event: z.string(),
  payload: z.unknown(),
});

export const SocketToClient = z.discriminatedUnion('type', [SocketResult, SocketEvent]);
export type SocketToClient = z.infer<typeof SocketToClient>;

export const SOCKET_PATH = '/ipc';
