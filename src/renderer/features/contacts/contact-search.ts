import type { ContactTree, Person } from '@shared/policy';

/** Text a person is found by: name, role id and label, team label, phones (digits only too, so "0000 0003" finds "+86 000 0000 0003"). */
export function matchesContact(person: Person, query: string, extra: readonly string[] = []): boolean {
  const q = query.trim().toLowerCase();
  if (q === '') return true;
  const digits = q.replace(/\D/g, '');
  const haystack = [person.name, person.role, ...extra].join(' ').toLowerCase();
  if (haystack.includes(q)) return true;
  return digits.length >= 3 && person.phones.some((p) => p.replace(/\D/g, '').includes(digits));
}

/** Teams in tree order with their people (on duty first), keeping only people who match. */
export function groupByTeam(
  tree: ContactTree,
  keep: (person: Person) => boolean,
): { team: ContactTree['teams'][number]; people: Person[] }[] {
  return tree.teams
    .map((team) => {
      const people = tree.people.filter((p) => p.team === team.id && keep(p));
      return { team, people: [...people.filter((p) => p.onDuty), ...people.filter((p) => !p.onDuty)] };
    })
    .filter((group) => group.people.length > 0);
}
