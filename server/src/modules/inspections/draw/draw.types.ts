/**
 * Types of the auditable "double random" draw (双随机). DOMAIN.md "inspections": targets and inspectors are
 * drawn from two rosters; the plan commits first to the rosters' hashes, the parameters and a future public
 * random value (in the spirit of RFC 3797), then anyone can re-run the published transcript.
 */

/** 信用风险分类 (国发〔2019〕5号): A low, B medium, C medium-high, D high risk. */
export type CreditClass = 'A' | 'B' | 'C' | 'D';
export const CREDIT_CLASSES: readonly CreditClass[] = ['A', 'B', 'C', 'D'];

/** Flags that raise the sampling ratio (国办发〔2015〕58号): complaints, abnormal operation, serious violation. */
export type TargetFlag = 'abnormalOperation' | 'complaint' | 'seriousViolation';
export const TARGET_FLAGS: readonly TargetFlag[] = ['abnormalOperation', 'complaint', 'seriousViolation'];

/** One entry of the 检查对象名录库 (targetRoster). */
export interface TargetEntry {
  /** Stable id, normally the uscc. */
  id: string;
  name: string;
  /** GB/T 4754-2017 code: section letter, optionally followed by the division digits (e.g. `H62`). */
  industry: string;
  /** Administrative division code (GB/T 2260), e.g. `350302`. */
  district: string;
  creditClass: CreditClass;
  /** A set: serialized sorted and without duplicates. */
  flags: TargetFlag[];
}

/** One entry of the 执法检查人员名录库 (inspectorRoster). */
export interface InspectorEntry {
  /** Stable id, normally the law-enforcement certificate number. */
  id: string;
  name: string;
  /** Department code, same codes as the checklist's level-1 nodes. */
  department: string;
  district: string;
  /** A set of qualification tags (e.g. `food`, `specialEquipment`). */
  qualifications: string[];
  /** Declared conflicts of interest (回避): target ids. A set. */
  conflicts: string[];
}

export interface TargetFilter {
  /** Empty = all industries. A target matches when its industry starts with one of these codes. */
  industries: string[];
  /** Empty = all districts. Exact match. */
  districts: string[];
}

/** Plan parameters, committed before the random value is known. Ratios in basis points (1% = 100 bp). */
export interface DrawParameters {
  planId: string;
  /** Lead department. */
  department: string;
  /** Optional departments joining the same visit (联合抽查); each sends its own inspectors. */
  jointDepartments: string[];
  /** Checklist item codes the plan inspects (no inspection outside the published checklist). */
  items: string[];
  targetFilter: TargetFilter;
  /** Sampling ratio per credit class, 0–10000 bp. */
  ratioBp: Record<CreditClass, number>;
  /** Raised ratio per flag, 0–10000 bp; a flagged target uses the highest of its class ratio and its flags'. */
  flagRatioBp: Record<TargetFlag, number>;
  /** Inspectors per target and per department, at least 2 (APL Art. 42). */
  inspectorsPerTarget: number;
  /** Inspectors must hold all of these qualifications. */
  requiredQualifications: string[];
  /** When true an inspector must belong to the target's district. */
  matchInspectorDistrict: boolean;
}

/** The future public random value the plan commits to use (e.g. a drand round or a lottery draw). */
export interface RandomSource {
  kind: 'drand' | 'lottery' | 'other';
  /** What exactly will be used, precise enough for anyone to look it up (e.g. `drand quicknet round 1234567`). */
  reference: string;
  /** ISO UTC time after which the value becomes public; must lie after the commitment. */
  availableAfter: string;
}

export interface RosterDigest {
  /** Lowercase hex SHA-256 of the canonical serialization (see roster-hash.ts). */
  sha256: string;
  count: number;
}

export interface DrawCommitment {
  version: string;
  parameters: DrawParameters;
  targetRoster: RosterDigest;
  inspectorRoster: RosterDigest;
  randomSource: RandomSource;
  committedAt: string;
}

export interface RandomValue {
  /** The value exactly as published (drand randomness hex, lottery numbers as printed). Used as UTF-8. */
  value: string;
  enteredAt: string;
}

/** An inspector stepping down after the draw; replaced by the next pick for that target and department. */
export interface Withdrawal {
  targetId: string;
  inspectorId: string;
  reason: string;
}

export interface StratumSummary {
  key: string;
  creditClass: CreditClass;
  ratioBp: number;
  population: number;
  sampleSize: number;
}

export interface DepartmentAssignment {
  department: string;
  /** Inspectors serving, in pick order. */
  inspectors: string[];
  /** Inspectors excluded before the draw for a declared conflict with this target. */
  recused: string[];
  /** Inspectors who were picked and then withdrew, in pick order. */
  withdrawn: Array<{ inspectorId: string; reason: string }>;
  /** How many inspectors are missing because the pool ran out (only possible through withdrawals). */
  shortfall: number;
}

export interface SelectedTarget {
  targetId: string;
  stratum: string;
  /** Position in the stratum's shuffle, 0-based. */
  pick: number;
  assignments: DepartmentAssignment[];
}

export interface DrawTranscript {
  format: string;
  commitment: DrawCommitment;
  commitmentHash: string;
  randomValue: RandomValue;
  seed: string;
  rosters: { targets: TargetEntry[]; inspectors: InspectorEntry[] };
  withdrawals: Withdrawal[];
  strata: StratumSummary[];
  selection: SelectedTarget[];
}
