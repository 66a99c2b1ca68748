/** What the Electron glue and the harness use from the seat power service. */
export {
  createManualSeatPowerSource,
  createSeatPowerService,
  type SeatPowerOptions,
  type SeatPowerService,
  type SeatPowerSource,
} from './seat-power';
