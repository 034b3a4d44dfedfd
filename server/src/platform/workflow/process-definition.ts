import type { TimeLimit } from '../calendar/index.js';
import type { DbOrTx } from '../db/index.js';

/**
 * A process (流程) as data: its states, the actions that move an instance between them, who may act, and the
 * time limit of each state. Modules write one per `<thing>.workflow.ts` and register it with defineProcess().
 */
export interface Label {
  zh: string;
  en: string;
}

export interface StateDefinition {
  label: Label;
  /**
   * Time limit for leaving the state, counted from the day it is entered (that day not counted), in working
   * days (工作日) or natural days (日, 民事诉讼法 Art. 85). An action may set a different due date when the
   * limit is decided case by case (e.g. a claim period set by the court, 企业破产法 Art. 45).
   */
  deadline?: TimeLimit;
  /** A terminal state ends the instance: no action leaves it, no deadline applies. */
  terminal?: boolean;
}

/** A file attached to a transition: a files-service id and the kind of document it is. */
export interface Attachment {
  fileId: string;
  /** Document kind, matched against an action's `requiredDocuments` (e.g. `changeCertificate`). */
  kind?: string;
}

/** Who acts. `roles` are role ids such as `bankruptcy.judge` (platform/identity). */
export interface Actor {
  /** The user; for an institution system calling with an API key, the key id. */
  userId: string;
  roles: ReadonlySet<string> | readonly string[];
  organizationId: string;
  /** Display name, kept with the transition for the history. */
  name?: string;
}

/** The instance as stored (platform/workflow keeps one row per instance). */
export interface WorkflowInstance {
  id: string;
  process: string;
  subjectType: string;
  subjectId: string;
  /** Human-readable subject (application or case number) for task lists and messages. */
  subjectLabel: string | null;
  /** Where the subject is shown in the web app. */
  link: string | null;
  organizationId: string;
  assigneeUserId: string | null;
  state: string;
  /** Optimistic lock: starts at 1, +1 on every transition. */
  version: number;
  /** ISO UTC instant the current state was entered. */
  enteredStateAt: string;
  /** Last day of the current state's time limit (`YYYY-MM-DD`, China), or null. */
  dueDate: string | null;
  /** ISO UTC instant the due date ends in China; overdue from then on. */
  dueAt: string | null;
  overdueNotifiedAt: string | null;
  completedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface GuardContext {
  instance: WorkflowInstance;
  actor: Actor;
  action: string;
  fields: Readonly<Record<string, unknown>>;
  attachments: readonly Attachment[];
  /** The caller's transaction, for guards that read the module's own tables. */
  trx: DbOrTx;
}

/** `true` lets the action through; `false` or a reason (shown to the user as the problem's detail) refuses it. */
export type GuardResult = boolean | string;
export type Guard = (ctx: GuardContext) => GuardResult | Promise<GuardResult>;

export interface ActionDefinition {
  label: Label;
  /** State or states the action may be taken from. */
  from: string | readonly string[];
  to: string;
  /** Role ids allowed to take the action (any one of them suffices). */
  roles: readonly string[];
  /**
   * By default the actor must belong to the instance's organization. Set for actions taken by someone
   * outside it (an applicant supplementing materials, a creditor); the guard must then check who acts.
   */
  anyOrganization?: boolean;
  /** Names of `fields` the request must carry (non-empty). */
  requiredFields?: readonly string[];
  /** Document kinds that must be among the attachments. */
  requiredDocuments?: readonly string[];
  guard?: Guard;
}

export interface ProcessDefinition {
  /** Unique, `<module>.<process>` in kebab-case, e.g. `licence-change.sync-change`. */
  name: string;
  label: Label;
  initial: string;
  states: Readonly<Record<string, StateDefinition>>;
  actions: Readonly<Record<string, ActionDefinition>>;
  /** Roles in the instance's organization told of every overdue step (督办), besides those who must act. */
  escalateTo?: readonly string[];
}

export interface ProcessAction extends ActionDefinition {
  name: string;
  from: readonly string[];
}

/** A checked, registered process definition. */
export interface Process {
  readonly name: string;
  readonly label: Label;
  readonly initial: string;
  readonly states: Readonly<Record<string, StateDefinition>>;
  readonly actions: Readonly<Record<string, ProcessAction>>;
  readonly escalateTo?: readonly string[];
  /** Action names by the state they leave from, in definition order. */
  readonly actionsFrom: ReadonlyMap<string, readonly string[]>;
}
