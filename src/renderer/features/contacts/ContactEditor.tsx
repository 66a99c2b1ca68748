import { zodResolver } from '@hookform/resolvers/zod';
import { useId } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { KNOWN_ROLES } from '@shared/checklists/roles';
import type { Person, SitePolicy } from '@shared/policy';
import { pickLabel } from '../incidents/format';
import { roleName } from '../incidents/use-incidents';
import { useSeatStore } from '../settings/seat-store';

const PHONE = /^(?=.*\d).{3,32}$/;
export const splitPhones = (text: string) =>
  text
    .split(/[,，、;；\n]+/)
    .map((p) => p.trim())
    .filter(Boolean);

/** Form values; messages are i18n keys, shown in the seat's language. */
const ContactFormValues = z.object({
  name: z.string().trim().min(1, 'incidents.contacts.edit.nameRequired').max(128),
  role: z.string().min(1),
  team: z.string().min(1),
  phones: z
    .string()
    .refine((text) => splitPhones(text).length > 0, 'incidents.contacts.edit.phonesRequired')
    .refine((text) => splitPhones(text).every((p) => PHONE.test(p)), 'incidents.contacts.edit.phoneInvalid'),
  onDuty: z.boolean(),
});
type ContactFormValues = z.infer<typeof ContactFormValues>;

/** A new person's id: the tree refers to people by a slug, and a Chinese name gives none. */
const newPersonId = () => `p-${crypto.randomUUID().slice(0, 8)}`;

/** Add or change one person of the contact tree. */
export function ContactEditor(props: {
  policy: SitePolicy;
  person?: Person;
  onSave: (person: Person) => Promise<void>;
  onCancel: () => void;
}) {
  const { policy, person, onSave, onCancel } = props;
  const { t } = useTranslation();
  const locale = useSeatStore((s) => s.settings.locale);
  const id = useId();
  const roles = [...new Set([...KNOWN_ROLES, ...policy.contacts.people.map((p) => p.role)])];
  const form = useForm<ContactFormValues>({
    resolver: zodResolver(ContactFormValues),
    defaultValues: {
      name: person?.name ?? '',
      role: person?.role ?? roles[0] ?? '',
      team: person?.team ?? policy.contacts.teams[0]?.id ?? '',
      phones: person?.phones.join(', ') ?? '',
      onDuty: person?.onDuty ?? true,
    },
  });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    await onSave({
      id: person?.id ?? newPersonId(),
      name: values.name.trim(),
      role: values.role,
      team: values.team,
      phones: splitPhones(values.phones),
      onDuty: values.onDuty,
    });
  });

  const badPhone = splitPhones(form.getValues('phones')).find((p) => !PHONE.test(p)) ?? '';
  const error = (key: keyof ContactFormValues) => {
    const message = errors[key]?.message;
    return message ? (
      <span className="field__error" role="alert" id={`${id}-${key}-error`}>
        {t(message as 'incidents.contacts.edit.nameRequired', { phone: badPhone })}
      </span>
    ) : null;
  };

  return (
    <form className="contact-editor" data-testid="contact-editor" onSubmit={(e) => void submit(e)} noValidate>
      <div className="field">
        <label htmlFor={`${id}-name`}>{t('incidents.contacts.edit.name')}</label>
        <input id={`${id}-name`} autoFocus {...form.register('name')} aria-invalid={!!errors.name} />
        {error('name')}
      </div>
      <div className="field">
        <label htmlFor={`${id}-role`}>{t('incidents.contacts.role')}</label>
        <select id={`${id}-role`} {...form.register('role')}>
          {roles.map((role) => (
            <option key={role} value={role}>
              {roleName(role, locale)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-team`}>{t('incidents.contacts.edit.team')}</label>
        <select id={`${id}-team`} {...form.register('team')}>
          {policy.contacts.teams.map((team) => (
            <option key={team.id} value={team.id}>
              {pickLabel(team.label, locale)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-phones`}>{t('incidents.contacts.phones')}</label>
        <textarea
          id={`${id}-phones`}
          rows={2}
          {...form.register('phones')}
          aria-invalid={!!errors.phones}
          aria-describedby={`${id}-phones-hint`}
        />
        <span className="muted small" id={`${id}-phones-hint`}>
          {t('incidents.contacts.edit.phonesHint')}
        </span>
        {error('phones')}
      </div>
      <label className="checkbox">
        <input type="checkbox" {...form.register('onDuty')} /> {t('incidents.contacts.edit.onDuty')}
      </label>
      <div className="contact-editor__actions">
        <button type="submit" className="primary" disabled={isSubmitting}>
          {t('incidents.contacts.edit.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('incidents.contacts.edit.cancel')}
        </button>
      </div>
    </form>
  );
}
