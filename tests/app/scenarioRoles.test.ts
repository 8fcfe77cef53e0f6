// The browser's scenario loader (through the build's scenario-roles plugin, vite.config.ts, which
// Vitest runs too): a scenario comes without its classroom roles, so no secret aim is in what a
// student's device, a single-player game or history mode loads; asked for, the roles come whole;
// and a save says whether it needs them to replay.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario, needsRoles, SCENARIO_IDS } from '../../src/app/scenarios';

const file = (id: string) => JSON.parse(readFileSync(`scenarios/${id}.json`, 'utf8')) as { roles: { id: string; secretAim: string }[] };

describe('scenarios in the browser', () => {
  it.each(SCENARIO_IDS)('%s loads without roles and no secret aim in it, and with them when asked', async id => {
    const roles = file(id).roles;
    expect(roles.length).toBeGreaterThan(10);
    const plain = await loadScenario(id);
    if (!plain.ok) throw new Error(plain.error);
    expect(plain.value.roles).toBeUndefined();
    const text = JSON.stringify(plain.value);
    for (const r of roles) expect(text).not.toContain(r.secretAim);
    const full = await loadScenario(id, { roles: true });
    if (!full.ok) throw new Error(full.error);
    expect(full.value.roles!.map(r => [r.id, r.secretAim])).toEqual(roles.map(r => [r.id, r.secretAim]));
    // The rest is the same scenario.
    expect({ ...full.value, roles: undefined }).toEqual({ ...plain.value, roles: undefined });
  });

  it('loads the roles for a classroom save or one with ballots, and not for an ordinary save', () => {
    expect(needsRoles({ moves: [{ type: 'orders', side: 'britain', orders: [] }], app: { sides: {} } })).toBe(false);
    expect(needsRoles({ moves: [], app: { sides: {}, group: 'Form 4', seats: [] } })).toBe(true);
    expect(needsRoles({ moves: [{ type: 'orders', side: 'britain', orders: [], votes: [] }] })).toBe(true);
    expect(needsRoles('not a save')).toBe(false);
  });
});
