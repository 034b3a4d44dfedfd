import * as asn1js from 'asn1js';
import { derOf, namedBitString } from '../pki/der.js';

/** PKIStatus, RFC 3161 §2.4.2. */
export const PKI_STATUS = { granted: 0, grantedWithMods: 1, rejection: 2, waiting: 3, revocationWarning: 4, revocationNotification: 5 } as const;

/** PKIFailureInfo bit numbers, RFC 3161 §2.4.2. */
export const PKI_FAILURE = {
  badAlg: 0,
  badRequest: 2,
  badDataFormat: 5,
  timeNotAvailable: 14,
  unacceptedPolicy: 15,
  unacceptedExtension: 16,
  addInfoNotAvailable: 17,
  systemFailure: 25,
} as const;

export type PkiFailure = keyof typeof PKI_FAILURE;

/** PKIStatusInfo ::= SEQUENCE { status, statusString PKIFreeText OPTIONAL, failInfo OPTIONAL }. */
export function encodePkiStatusInfo(status: number, failure?: PkiFailure, text?: string): Buffer {
  const members: asn1js.AsnType[] = [new asn1js.Integer({ value: status })];
  if (text) members.push(new asn1js.Sequence({ value: [new asn1js.Utf8String({ value: text })] }));
  if (failure) members.push(namedBitString([PKI_FAILURE[failure]]));
  return derOf(new asn1js.Sequence({ value: members }));
}
