export { createCentralApi, type CentralApi, type CentralApiOptions } from './api-client';
export { createCentralService, DEVICE_TOKEN, type CentralService } from './central-service';
export {
  EnrollmentRecord,
  jsonFileEnrollmentBackend,
  memoryEnrollmentBackend,
  type EnrollmentBackend,
} from './enrollment-store';
export { fileSecretStore, memorySecretStore, type SecretProtection, type SecretStore } from './secret-store';
