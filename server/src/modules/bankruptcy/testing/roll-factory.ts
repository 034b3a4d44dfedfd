import type { RollEntry } from '../voting.types.js';

/** A roll entry with all components zero unless given: tests state only what matters to them. */
export function rollEntry(creditorId: string, parts: Partial<Omit<RollEntry, 'creditorId'>> = {}): RollEntry {
  return {
    creditorId,
    member: true,
    determination: 'determined',
    securedFen: 0n,
    employeeFen: 0n,
    taxFen: 0n,
    ordinaryFen: 0n,
    securityWaived: false,
    ...parts,
  };
}

export function ordinaryCreditor(creditorId: string, ordinaryFen: bigint): RollEntry {
  return rollEntry(creditorId, { ordinaryFen });
}
