import { describe, expect, it } from 'vitest';
import {
  defaultPolicy,
  mergePolicy,
  parseSitePolicy,
  PolicyError,
  SitePolicy,
  type PolicyIssue,
  type SitePolicy as SitePolicyType,
} from '@shared/policy';

function ok(input: unknown): SitePolicyType {
  const result = parseSitePolicy(input);
  if (!result.ok) throw new Error(`expected a valid policy, got ${JSON.stringify(result.errors)}`);
  return result.policy;
}

function errors(input: unknown): PolicyIssue[] {
  const result = parseSitePolicy(input);
  if (result.ok) throw new Error('expected the policy to be refused');
  return result.errors;
}

describe('every key is optional', () => {
  it('an empty file, or none, is exactly the defaults', () => {
    expect(ok({})).toEqual(defaultPolicy());
    expect(ok(undefined)).toEqual(defaultPolicy());
  });

  it('the defaults pass the full schema', () => {
    expect(SitePolicy.safeParse(defaultPolicy()).success).toBe(true);
  });

  it('a single deep key is enough', () => {
    const policy = ok({ deadlines: { general: { working: { notifyOwner: 15 } } } });
    expect(policy.deadlines.general?.working).toEqual({
      notifyOwner: 15,
      realtimePlan: 120,
      rootCausePlan: 240,
      reportUp: 30,
    });
    expect(policy.deadlines.general?.offHours.notifyOwner).toBe(240);
    expect(policy.deadlines.major).toEqual(defaultPolicy().deadlines.major);
  });

  it('accepts a $schema hint for editors and drops it', () => {
    const policy = ok({ $schema: './site-policy.schema.json', crmDownAlertMinutes: 5 });
    expect(policy.crmDownAlertMinutes).toBe(5);
    expect('$schema' in policy).toBe(false);
  });
});

describe('merge rules', () => {
  it('merges objects key by key', () => {
    const policy = ok({
      calendar: { workingHours: { start: '08:30' } },
      alerts: { thresholds: { key: { vip: 2 } } },
    });
    expect(policy.calendar.workingHours).toEqual({
      days: ['mon', 'tue', 'wed', 'thu', 'fri'],
      start: '08:30',
      end: '18:00',
    });
    expect(policy.calendar.timeZone).toBe('Asia/Shanghai');
    expect(policy.calendar.serviceHours).toEqual(defaultPolicy().calendar.serviceHours);
    expect(policy.alerts.thresholds.key).toEqual({ ordinary: 5, vip: 2 });
    expect(policy.alerts.thresholds.security).toEqual({ ordinary: 1, vip: 1 });
  });

  it('replaces arrays instead of concatenating them', () => {
    const first = mergePolicy(defaultPolicy(), { calendar: { holidays: ['2025-10-01', '2025-10-02'] } });
    const second = mergePolicy(first, { calendar: { holidays: ['2026-01-01'] } });
    expect(second.calendar.holidays).toEqual(['2026-01-01']);

    const policy = ok({
      problemTypes: [
        {
          id: 'ivr-fault',
          label: { zh: 'IVR故障', en: 'IVR fault' },
          problemClass: 'key',
          bands: { ordinary: [{ min: 3, max: null, level: 'urgent' }] },
        },
      ],
    });
    expect(policy.problemTypes.map((t) => t.id)).toEqual(['ivr-fault']);
    // Array items are whole items; their defaulted keys are filled in.
    expect(policy.problemTypes[0]?.coreOperation).toBe(false);
    expect(policy.problemTypes[0]?.bands.vip).toEqual([]);
  });

  it('replaces a level escalation chain wholesale', () => {
    const policy = ok({
      escalation: { chains: { general: [{ role: 'cs-supervisor', clock: 'notifyOwner' }] } },
    });
    expect(policy.escalation.chains.general).toEqual([{ role: 'cs-supervisor', clock: 'notifyOwner' }]);
    expect(policy.escalation.chains.major).toEqual(defaultPolicy().escalation.chains.major);
    expect(policy.escalation.stepWaitMinutes).toBe(5);
  });

  it('lets null clear a nullable value and fills monitor defaults', () => {
    const policy = ok({
      retention: { purgeSyncedAfterDays: 30 },
      ups: [{ name: 'Hall UPS', host: '10.0.0.5', upsName: 'ups1' }],
    });
    expect(policy.retention.purgeSyncedAfterDays).toBe(30);
    expect(policy.ups).toEqual([{ name: 'Hall UPS', host: '10.0.0.5', port: 3493, upsName: 'ups1' }]);
    expect(
      mergePolicy(policy, { retention: { purgeSyncedAfterDays: null } }).retention.purgeSyncedAfterDays,
    ).toBeNull();
  });

  it('does not mutate the base policy', () => {
    const base = defaultPolicy();
    mergePolicy(base, { calendar: { workingHours: { start: '10:00' } }, escalation: { stepWaitMinutes: 2 } });
    expect(base).toEqual(defaultPolicy());
  });

  it('can change the scale: replacing levels drops the default per-level tables', () => {
    const clocks = { notifyOwner: 10, realtimePlan: 30, rootCausePlan: 60, reportUp: 15 };
    const policy = ok({
      levels: [
        {
          id: 'critical',
          label: { zh: '特急', en: 'Critical' },
          colour: '#880000',
          ownerRole: 'cs-manager',
          resolutionTargetHours: 1,
        },
        {
          id: 'general',
          label: { zh: '一般', en: 'General' },
          colour: '#1565c0',
          ownerRole: 'shift-lead',
          resolutionTargetHours: null,
        },
      ],
      problemTypes: [],
      grading: { final: { availabilityHours: [{ above: 1, level: 'critical' }], lossCny: [] } },
      deadlines: { critical: { working: clocks, offHours: clocks } },
      escalation: {
        chains: { critical: [{ role: 'cs-manager', clock: 'notifyOwner' }] },
        statusUpdateMinutes: { critical: 10 },
        deferToOpeningHours: ['general'],
      },
    });
    expect(Object.keys(policy.deadlines).sort()).toEqual(['critical', 'general']);
    expect(Object.keys(policy.escalation.chains).sort()).toEqual(['critical', 'general']);
  });
});

describe('refused files name the key path', () => {
  it('refuses unknown keys at any depth', () => {
    expect(errors({ calendar: { timezone: 'UTC' } })).toEqual([
      { path: 'calendar.timezone', message: 'Unknown key "timezone"' },
    ]);
    expect(errors({ colours: {} })).toEqual([{ path: 'colours', message: 'Unknown key "colours"' }]);
    expect(errors({ escalation: { stepWait: 3 } })[0]?.path).toBe('escalation.stepWait');
  });

  it('refuses wrong types', () => {
    const [issue] = errors({ alerts: { thresholds: { key: { ordinary: 'five' } } } });
    expect(issue?.path).toBe('alerts.thresholds.key.ordinary');
    expect(issue?.message).toMatch(/expected number/);
    expect(errors({ allowContactEdits: 'yes' })[0]?.path).toBe('allowContactEdits');
    expect(errors('not an object')[0]?.path).toBe('(root)');
  });

  it('refuses an invalid time zone with its name', () => {
    expect(errors({ calendar: { timeZone: 'Mars/Olympus' } })).toEqual([
      { path: 'calendar.timeZone', message: 'Invalid time zone "Mars/Olympus"' },
    ]);
  });

  it('refuses bad times, dates and ranges', () => {
    expect(errors({ calendar: { workingHours: { start: '9am' } } })[0]?.path).toBe(
      'calendar.workingHours.start',
    );
    expect(errors({ calendar: { serviceHours: { start: '22:00', end: '08:00' } } })).toEqual([
      { path: 'calendar.serviceHours.end', message: 'end 08:00 is not after start 22:00' },
    ]);
    expect(errors({ calendar: { holidays: ['2025-13-01'] } })[0]?.path).toBe('calendar.holidays.0');
    expect(errors({ calendar: { holidays: ['2025-10-01'], workdays: ['2025-10-01'] } })[0]?.path).toBe(
      'calendar.workdays.0',
    );
  });

  it('refuses a per-level table naming a level the scale lacks', () => {
    expect(errors({ deadlines: { majr: { working: { notifyOwner: 1 } } } })).toEqual([
      { path: 'deadlines.majr', message: 'Unknown level "majr" (levels: major, urgent, serious, general)' },
    ]);
    expect(errors({ escalation: { statusUpdateMinutes: { critical: 5 } } })[0]?.path).toBe(
      'escalation.statusUpdateMinutes.critical',
    );
  });

  it('refuses a new level without its per-level tables', () => {
    const levels = [
      ...defaultPolicy().levels,
      {
        id: 'info',
        label: { zh: '提示', en: 'Info' },
        colour: '#999999',
        ownerRole: 'shift-lead',
        resolutionTargetHours: null,
      },
    ];
    const paths = errors({ levels }).map((e) => e.path);
    expect(paths).toEqual([
      'deadlines.info',
      'escalation.chains.info',
      'escalation.statusUpdateMinutes.info',
    ]);
  });

  it('refuses bands that name unknown levels, run backwards or overlap', () => {
    const type = (ordinary: unknown[]) => ({
      problemTypes: [{ id: 't', label: { zh: '甲', en: 'T' }, problemClass: 'regular', bands: { ordinary } }],
    });
    expect(errors(type([{ min: 1, max: null, level: 'severe' }]))[0]?.path).toBe(
      'problemTypes.0.bands.ordinary.0.level',
    );
    expect(errors(type([{ min: 5, max: 3, level: 'general' }]))[0]?.path).toBe(
      'problemTypes.0.bands.ordinary.0.max',
    );
    expect(
      errors(
        type([
          { min: 1, max: 10, level: 'general' },
          { min: 10, max: null, level: 'serious' },
        ]),
      ),
    ).toEqual([{ path: 'problemTypes.0.bands.ordinary.1', message: 'Overlaps band 0 (1-10)' }]);
    expect(errors(type([{ min: 0, max: 3, level: 'general' }]))[0]?.path).toBe(
      'problemTypes.0.bands.ordinary.0.min',
    );
  });

  it('refuses duplicate ids and people in unknown teams', () => {
    const person = { id: 'p1', name: 'A', role: 'shift-lead', phones: [], onDuty: true, team: 'nowhere' };
    expect(errors({ contacts: { people: [person] } })).toEqual([
      { path: 'contacts.people.0.team', message: 'Unknown team "nowhere"' },
    ]);
    expect(
      errors({
        contacts: {
          people: [
            { ...person, team: 'cs' },
            { ...person, team: 'cs' },
          ],
        },
      }),
    ).toEqual([{ path: 'contacts.people.1.id', message: 'Duplicate id "p1"' }]);
  });

  it('mergePolicy throws a PolicyError listing every issue', () => {
    const attempt = () =>
      mergePolicy(defaultPolicy(), { calendar: { timeZone: 'Mars/Olympus' }, crmDownAlertMinutes: -1 });
    expect(attempt).toThrow(PolicyError);
    expect(attempt).toThrow('calendar.timeZone: Invalid time zone "Mars/Olympus"');
    try {
      attempt();
    } catch (error) {
      if (!(error instanceof PolicyError)) throw error;
      expect(error.errors.map((e) => e.path)).toEqual(['calendar.timeZone', 'crmDownAlertMinutes']);
    }
  });
});
