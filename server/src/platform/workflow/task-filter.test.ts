import { describe, expect, it } from 'vitest';
import { defineProcess } from './process-registry.js';
import { actionableStates } from './task-filter.js';
import { roles, sampleDefinition } from './workflow.fixture.js';

describe('actionableStates', () => {
  it('lists, per process, the states where these roles act for the organization', () => {
    const p = defineProcess(sampleDefinition());
    const mine = (r: string[]) => actionableStates(r).find((x) => x.process === p.name)?.states;
    expect(mine([roles.clerk])).toEqual(['submitted', 'supplementing']);
    expect(mine([roles.trademarkClerk])).toEqual(['licenceChanged']);
    expect(mine([roles.clerk, roles.trademarkClerk])).toEqual(['licenceChanged', 'submitted', 'supplementing']);
    // the applicant's action is open to any organization, so it is not an organization task
    expect(mine([roles.applicant])).toBeUndefined();
  });
});
