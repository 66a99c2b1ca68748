import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '@shared/policy';
import { usePolicyStore } from '../../app/policy-store';
import { useLocalStore } from '../../data/local-store';
import { pickLabel } from '../incidents/format';
import { PersonLine } from '../incidents/StepCard';
import { roleName } from '../incidents/use-incidents';
import { useSeatStore } from '../settings/seat-store';
import { groupByTeam, matchesContact } from './contact-search';
import { ContactEditor } from './ContactEditor';
import { createContactsRepository } from './contacts-repository';

type Editing = { kind: 'new' } | { kind: 'person'; person: Person } | null;

/**
 * Command centre → teams → people, with roles, phones and who is on duty; searchable. Read-only unless the site
 * policy allows leads to edit it; edits sync to every seat of the site.
 */
export function ContactsPage() {
  const { t } = useTranslation();
  const policy = usePolicyStore((s) => s.state.policy);
  const problems = usePolicyStore((s) => s.layerProblems);
  const locale = useSeatStore((s) => s.settings.locale);
  const store = useLocalStore();
  const repository = useMemo(
    () =>
      createContactsRepository({
        db: store.db,
        clock: store.clock,
        author: () => useSeatStore.getState().settings.agentName,
        seat: () => useSeatStore.getState().settings.seatName,
      }),
    [store],
  );
  const [query, setQuery] = useState('');
  const [editing, setEditing] = useState<Editing>(null);
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const editable = policy.allowContactEdits;
  const tree = policy.contacts;
  const teamLabel = (id: string) => {
    const team = tree.teams.find((x) => x.id === id);
    return team ? [team.label.zh, team.label.en] : [];
  };
  const groups = groupByTeam(tree, (p) =>
    matchesContact(p, query, [roleName(p.role, 'zh-CN'), roleName(p.role, 'en'), ...teamLabel(p.team)]),
  );

  async function run(action: () => Promise<unknown>, ok: string) {
    try {
      await action();
      setNotice({ kind: 'ok', text: ok });
      setEditing(null);
    } catch (error) {
      setNotice({
        kind: 'error',
        text: t('incidents.contacts.edit.failed', {
          error: error instanceof Error ? error.message : String(error),
        }),
      });
    }
  }
  const save = (person: Person) =>
    run(() => repository.save(person), t('incidents.contacts.edit.saved', { name: person.name }));

  const actionsFor = (person: Person) =>
    editable ? (
      <span className="person__actions">
        <button type="button" onClick={() => void save({ ...person, onDuty: !person.onDuty })}>
          {person.onDuty ? t('incidents.contacts.edit.setOffDuty') : t('incidents.contacts.edit.setOnDuty')}
        </button>
        <button type="button" onClick={() => setEditing({ kind: 'person', person })}>
          {t('incidents.contacts.edit.edit')}
        </button>
        <button
          type="button"
          onClick={() => {
            if (!window.confirm(t('incidents.contacts.edit.confirmRemove', { name: person.name }))) return;
            void run(
              () => repository.remove(person.id),
              t('incidents.contacts.edit.removed', { name: person.name }),
            );
          }}
        >
          {t('incidents.contacts.edit.remove')}
        </button>
      </span>
    ) : undefined;

  return (
    <section className="page contacts" aria-labelledby="contacts-title">
      <header className="page__head">
        <h1 id="contacts-title">{t('incidents.contacts.title')}</h1>
        <input
          type="search"
          className="contacts__search"
          aria-label={t('incidents.contacts.search')}
          placeholder={t('incidents.contacts.search')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        {editable && (
          <button type="button" onClick={() => setEditing({ kind: 'new' })}>
            {t('incidents.contacts.edit.add')}
          </button>
        )}
      </header>
      <p className="muted">
        {editable ? t('incidents.contacts.editable') : t('incidents.contacts.readOnly')}
      </p>
      {notice && (
        <p
          className={notice.kind === 'ok' ? 'notice' : 'notice notice--error'}
          role={notice.kind === 'ok' ? 'status' : 'alert'}
          data-testid="contacts-notice"
        >
          {notice.text}
        </p>
      )}
      {problems.length > 0 && (
        <div className="notice notice--warn" data-testid="contacts-problems">
          <p>{t('incidents.contacts.edit.problems')}</p>
          <ul>
            {problems.map((p) => (
              <li key={`${p.path}:${p.message}`}>
                {p.path}: {p.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {editing && (
        <ContactEditor
          key={editing.kind === 'person' ? editing.person.id : 'new'}
          policy={policy}
          {...(editing.kind === 'person' ? { person: editing.person } : {})}
          onSave={save}
          onCancel={() => setEditing(null)}
        />
      )}
      <div className="contacts__centre" data-testid="command-centre">
        <h2>
          {t('incidents.contacts.commandCentre')}: {pickLabel(tree.commandCentre.label, locale)}
        </h2>
        <p>
          {tree.commandCentre.phones.map((phone) => (
            <a key={phone} href={`tel:${phone.replace(/[^\d+]/g, '')}`} className="person__phone">
              {phone}
            </a>
          ))}
        </p>
      </div>
      {groups.length === 0 && <p className="muted">{t('incidents.contacts.noMatch', { query })}</p>}
      {groups.map(({ team, people }) => (
        <section
          key={team.id}
          className="contacts__team"
          data-testid="contacts-team"
          aria-labelledby={`team-${team.id}`}
        >
          <h2 id={`team-${team.id}`}>
            {pickLabel(team.label, locale)}{' '}
            <span className="muted">{t('incidents.contacts.members', { count: people.length })}</span>
          </h2>
          <ul className="contacts__people">
            {people.map((person) => (
              <PersonLine
                key={person.id}
                person={person}
                role={roleName(person.role, locale)}
                action={actionsFor(person)}
              />
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}
