import { isAtLeastFraction } from './exact-ratio.js';

/**
 * EBL Art. 62 ¶2: besides the court, the administrator and the creditors' committee, "占债权总额四分之一以上
 * 的债权人" may ask for a creditors' meeting. "债权总额" is all claims, secured ones included (unlike the
 * unsecured total of Art. 64), and "以上" includes the quarter itself (Civil Code Art. 1259).
 */
export function mayCreditorsRequestMeeting(requestersClaimsFen: bigint, totalClaimsFen: bigint): boolean {
  if (requestersClaimsFen < 0n || totalClaimsFen <= 0n || requestersClaimsFen > totalClaimsFen) {
    throw new RangeError('requesters hold between 0 and all of a positive total');
  }
  return isAtLeastFraction(requestersClaimsFen, totalClaimsFen, 1n, 4n);
}
