export { createTrayActionQueue, type TrayActionQueue } from './tray-action-queue';
export { createTrayService, type TrayService } from './tray-service';
