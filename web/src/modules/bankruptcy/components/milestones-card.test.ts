import { describe, expect, it } from 'vitest';
import { milestonePatch } from './milestones-card.js';

describe('milestonePatch', () => {
  it('sends only changed, non-empty milestones', () => {
    const dates = { acceptanceAnnouncedOn: '2026-03-02', claimPeriodEndsOn: null, planPeriodExtended: false };
    expect(milestonePatch({ acceptanceAnnouncedOn: '2026-03-02', claimPeriodEndsOn: ' 2026-04-10 ', firstMeetingOn: '', planPeriodExtended: false }, dates)).toEqual({ claimPeriodEndsOn: '2026-04-10' });
    expect(milestonePatch({ acceptanceAnnouncedOn: '2026-03-03', planPeriodExtended: true }, dates)).toEqual({ acceptanceAnnouncedOn: '2026-03-03', planPeriodExtended: true });
  });
});
