import { useTranslation } from 'react-i18next';
import type { IpcError } from '@shared/ipc/result';

/** A failed call in the user's language, with the field paths that were wrong. */
export function IpcErrorMessage({ error }: { error: IpcError }) {
  const { t } = useTranslation();
  const detail = error.issues?.map((i) => `${i.path}: ${i.message}`).join('; ') || error.message;
  return (
    <p role="alert" className="error">
      {t(`errors.ipc.${error.code}`, { detail })}
    </p>
  );
}
