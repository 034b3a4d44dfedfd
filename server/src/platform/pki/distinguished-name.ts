import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { parseAsn1 } from './der.js';
import { OID } from './oids.js';

export type NameAttributeType = 'C' | 'O' | 'OU' | 'CN' | 'serialNumber' | 'description';

export interface NameAttribute {
  type: NameAttributeType;
  value: string;
}

const TYPE_OIDS: Record<NameAttributeType, string> = {
  C: OID.countryName,
  O: OID.organizationName,
  OU: OID.organizationalUnitName,
  CN: OID.commonName,
  serialNumber: OID.serialNumber,
  description: OID.description,
};

const SHORT_NAMES = new Map<string, string>(Object.entries(TYPE_OIDS).map(([name, oid]) => [oid, name]));

/** X.520 countryName and serialNumber are PrintableString only; the rest take UTF8String (RFC 5280 §4.1.2.6). */
const PRINTABLE_ONLY = new Set<NameAttributeType>(['C', 'serialNumber']);
const PRINTABLE = /^[A-Za-z0-9 '()+,\-./:=?]*$/;

/** RFC 5280 Appendix A upper bounds (ub-common-name 64, ub-organization-name 64, …) in characters. */
const MAX_LENGTH: Record<NameAttributeType, number> = {
  C: 2,
  O: 64,
  OU: 64,
  CN: 64,
  serialNumber: 64,
  description: 1024,
};

/**
 * One attribute per RDN, as CAs do. pkijs would put every attribute into a single multi-valued RDN
 * (`C=CN + O=… + CN=…`), so the Name is encoded here and handed to pkijs already decoded.
 */
export function buildName(attributes: readonly NameAttribute[]): pkijs.RelativeDistinguishedNames {
  const rdns = attributes.map(({ type, value }) => {
    if (value.length === 0 || [...value].length > MAX_LENGTH[type]) {
      throw new Error(`证书名称字段长度不符 ${type} must be 1–${MAX_LENGTH[type]} characters`);
    }
    if (PRINTABLE_ONLY.has(type) && !PRINTABLE.test(value)) {
      throw new Error(`证书名称字段含非法字符 ${type} allows only PrintableString characters`);
    }
    const encoded = PRINTABLE_ONLY.has(type)
      ? new asn1js.PrintableString({ value })
      : new asn1js.Utf8String({ value });
    const atv = new pkijs.AttributeTypeAndValue({ type: TYPE_OIDS[type], value: encoded });
    return new asn1js.Set({ value: [atv.toSchema()] });
  });
  const der = new asn1js.Sequence({ value: rdns }).toBER(false);
  return new pkijs.RelativeDistinguishedNames({ schema: parseAsn1(new Uint8Array(der)) });
}

/** `C=CN, O=…, CN=…` in certificate order, for audit records and logs. */
export function formatName(name: pkijs.RelativeDistinguishedNames): string {
  return name.typesAndValues
    .map((tv) => {
      const label = SHORT_NAMES.get(tv.type) ?? tv.type;
      const block = tv.value.valueBlock as { value?: unknown };
      const value = typeof block.value === 'string' ? block.value : Buffer.from(tv.value.toBER()).toString('hex');
      return `${label}=${value}`;
    })
    .join(', ');
}

/** The value of the first attribute of this type, if present. */
export function nameAttribute(name: pkijs.RelativeDistinguishedNames, type: NameAttributeType): string | undefined {
  const tv = name.typesAndValues.find((t) => t.type === TYPE_OIDS[type]);
  const block = tv?.value.valueBlock as { value?: unknown } | undefined;
  return typeof block?.value === 'string' ? block.value : undefined;
}
