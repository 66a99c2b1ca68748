import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePolicyStore } from '../../app/policy-store';
import { pickLabel } from '../incidents/format';
import { PersonLine } from '../incidents/StepCard';
import { roleName } from '../incidents/use-incidents';
import { useSeatStore } from '../settings/seat-store';
import { groupByTeam, matchesContact } from './contact-search';

/** Command centre → teams → people, with roles, phones and who is on duty; searchable, read-only by default. */
export function ContactsPage() {
  const { t } = useTranslation();
  const policy = usePolicyStore((s) => s.state.policy);
  const locale = useSeatStore((s) => s.settings.locale);
  const [query, setQuery] = useState('');
  const tree = policy.contacts;
  const teamLabel = (id: string) => {
    const team = tree.teams.find((x) => x.id === id);
    return team ? [team.label.zh, team.label.en] : [];
  };
  const groups = groupByTeam(tree, (p) =>
    matchesContact(p, query, [roleName(p.role, 'zh-CN'), roleName(p.role, 'en'), ...teamLabel(p.team)]),
  );

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
      </header>
      <p className="muted">
        {policy.allowContactEdits ? t('incidents.contacts.editable') : t('incidents.contacts.readOnly')}
      </p>
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
              <PersonLine key={person.id} person={person} role={roleName(person.role, locale)} />
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}
