import { describe, expect, it } from 'vitest';
import { testMachine as machine } from '../../../test/helpers/fixtures';
import { InfoCache, MAX_AGE_MS } from './info-cache';
import { MAX_OFF_SCREEN_PER_ROUND, planInfo } from './info-plan';

const names = (ms: { name: string }[]) => ms.map((m) => m.name);

describe('planInfo', () => {
  const listed = Array.from({ length: 120 }, (_, i) => machine(`vm-${i}`, i % 2 ? 'stopped' : 'running'));

  it('puts what is on screen first, in the order shown, and caps the rest per round', () => {
    const plan = planInfo(listed, new InfoCache(), 0, ['vm-90', 'vm-3', 'gone', 'vm-3']);
    expect(names(plan.onScreen)).toEqual(['vm-90', 'vm-3']);
    expect(plan.offScreen).toHaveLength(MAX_OFF_SCREEN_PER_ROUND);
    expect(names(plan.offScreen)).not.toContain('vm-3');
  });

  it('refreshes old numbers of running machines only while they are on screen', () => {
    const cache = new InfoCache();
    for (const m of listed) cache.set(m.id, { ...m, diskSize: 1 }, 0);
    const later = MAX_AGE_MS + 1;
    expect(planInfo(listed, cache, later, ['vm-0', 'vm-1'])).toEqual({
      onScreen: [listed[0]],
      offScreen: [],
    });
    expect(planInfo(listed, cache, later, null)).toEqual({ onScreen: [], offScreen: [] });
    expect(planInfo(listed, cache, 1, ['vm-0'])).toEqual({ onScreen: [], offScreen: [] });
  });

  it('asks again about a machine whose state changed', () => {
    const cache = new InfoCache();
    const a = machine('a', 'stopped');
    cache.set(a.id, { ...a, diskSize: 1 }, 0);
    expect(planInfo([machine('a', 'running')], cache, 1, null).offScreen).toHaveLength(1);
  });
});
