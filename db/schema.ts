import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";

/** ISO 8601 text, UTC. Kept as text so SQLite and PostgreSQL agree. */
type Timestamp = ColumnType<string, string | undefined, string>;

export type OrganisationType = "nhs_trust" | "icb_ccg" | "local_authority" | "university" | "other";
export type PeriodStatus = "open" | "closed";
export type AssessmentStatus = "draft" | "submitted";
export type ComponentStatus = "not_started" | "in_progress" | "fulfilled";
export type EvidenceKind = "narrative" | "link" | "measure" | "file";

export interface AppSettingTable {
  key: string;
  value: string;
}

/** An integrated care system (ICS): the top of the hierarchy. */
export interface SystemTable {
  id: Generated<number>;
  name: string;
  /** Returns are due on this working day of the month after a period ends (app/periods/due-dates.ts). */
  returns_due_working_day: Generated<number>;
  created_at: Timestamp;
}

/** A place (ICP / place-based partnership) within a system. */
export interface PlaceTable {
  id: Generated<number>;
  system_id: number;
  name: string;
  created_at: Timestamp;
}

/** place_id is null for a system-wide organisation that spans places. */
export interface OrganisationTable {
  id: Generated<number>;
  system_id: number;
  place_id: number | null;
  name: string;
  type: OrganisationType;
  created_at: Timestamp;
}

/** A reporting period; monthly by default. Dates are YYYY-MM-DD, end inclusive. */
export interface AssessmentPeriodTable {
  id: Generated<number>;
  system_id: number;
  label: string;
  starts_on: string;
  ends_on: string;
  status: PeriodStatus;
  /** The administrators' own due date for this period's returns; null: the system's rule. */
  due_on: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Timestamp;
}

/** One self-assessment per organisation per period, against one charter version. */
export interface AssessmentTable {
  id: Generated<number>;
  organisation_id: number;
  period_id: number;
  charter_version: string;
  status: AssessmentStatus;
  created_at: Timestamp;
  updated_at: Timestamp;
  submitted_at: string | null;
}

/** A component's row on the reporting sheet. `version` guards against silent overwrites. */
export interface ComponentAnswerTable {
  id: Generated<number>;
  assessment_id: number;
  component_id: string;
  status: ComponentStatus;
  opportunities: string;
  /** JSON array of the indexes of the component's practices that are in place. */
  practices_in_place: Generated<string>;
  version: Generated<number>;
  updated_at: Timestamp;
  /** When a champion first gave it a status (or carried an answered one forward); null: not answered. */
  answered_at: ColumnType<string | null, string | null | undefined, string | null>;
}

/** Per domain, which cross-cutting principles are in place; versioned like a component answer. */
export interface DomainPrinciplesTable {
  id: Generated<number>;
  assessment_id: number;
  domain_number: number;
  /** JSON array of the numbers of the principles in place. */
  principles_in_place: string;
  note: string;
  version: Generated<number>;
  updated_at: Timestamp;
}

/** Evidence belongs to an organisation so one item can back several components and periods. */
export interface EvidenceItemTable {
  id: Generated<number>;
  organisation_id: number;
  kind: EvidenceKind;
  title: string;
  body: string | null;
  url: string | null;
  measure_value: number | null;
  measure_unit: string | null;
  measure_date: string | null;
  created_at: Timestamp;
  /** Kind 'file' only: the stored bytes, and the name they were uploaded under. */
  file_sha256: string | null;
  file_name: string | null;
  /** Set when a champion shares the item with the collaborative as good practice. */
  shared_at: string | null;
  shared_by: number | null;
}

export type ReviewVerdict = "verified" | "queried";

/** A steering group's verdict on a fulfilled component, at the answer version it saw. */
export interface ComponentReviewTable {
  id: Generated<number>;
  component_answer_id: number;
  answer_version: number;
  reviewer_id: number;
  verdict: ReviewVerdict;
  comment: string;
  created_at: Timestamp;
  /** The answer's evidence item ids when reviewed, sorted and comma-separated; null: not kept (older reviews). */
  evidence_key: ColumnType<string | null, string | null | undefined, string | null>;
  /** Set on a verification carried into a later month: the reviewer's own review it carries (ADR 039). */
  carried_from_review_id: ColumnType<number | null, number | null | undefined, number | null>;
}

/** Uploaded bytes, stored on disk under their SHA-256; media_type is sniffed from the content. */
export interface EvidenceFileTable {
  sha256: string;
  size: number;
  media_type: string;
  created_at: Timestamp;
}

export interface ComponentEvidenceTable {
  component_answer_id: number;
  evidence_item_id: number;
}

/** An action on the improvement plan, under a component's opportunities for progression. */
export interface ProgressionActionTable {
  id: Generated<number>;
  component_answer_id: number;
  description: string;
  owner: string | null;
  target_date: string | null;
  created_at: Timestamp;
}

/** A submission of an assessment, frozen. `snapshot` is JSON text of the answers and evidence. */
export interface AssessmentSubmissionTable {
  id: Generated<number>;
  assessment_id: number;
  submitted_by: number;
  submitted_at: Timestamp;
  level: string | null;
  snapshot: string;
}

/** A champion's answer to a query (a review with verdict queried), kept apart from the month's answers. */
export interface QueryReplyTable {
  id: Generated<number>;
  review_id: number;
  author_id: number | null;
  body: string;
  /** New evidence given with the reply: an organisation item linked to the reply only. */
  evidence_item_id: number | null;
  created_at: string;
}

export type MeasureKind = "ratio" | "total";
export type MeasureFrequency = "monthly" | "quarterly" | "yearly";

/** An outcome measure a system keeps (ADR 040); what it means is in its versions. */
export interface OutcomeMeasureTable {
  id: Generated<number>;
  system_id: number;
  position: ColumnType<number, number | undefined, number>;
  /** Set when the measure is no longer collected; its figures are kept. */
  retired_at: string | null;
  created_at: string;
}

/** One definition of a measure; a change is a new version, and figures keep theirs. */
export interface OutcomeMeasureVersionTable {
  id: Generated<number>;
  measure_id: number;
  version: number;
  name: string;
  definition: string;
  domain_number: number;
  /** JSON array of the component ids the measure evidences. */
  component_ids: string;
  kind: MeasureKind;
  /** A total's unit, or a share's parts' unit (the share itself is a percentage). */
  unit: string;
  numerator_label: string | null;
  denominator_label: string | null;
  frequency: MeasureFrequency;
  created_at: string;
  created_by: number | null;
}

/** An organisation's figure for a measure in one month's return. */
export interface OutcomeFigureTable {
  id: Generated<number>;
  assessment_id: number;
  measure_id: number;
  measure_version_id: number;
  /** A total's value, or a share's part. */
  numerator: number;
  /** A share's whole; null for a total. */
  denominator: number | null;
  source: string;
  note: ColumnType<string, string | undefined, string>;
  /** The evidence item showing the figure on the components its measure evidences. */
  evidence_item_id: number | null;
  updated_at: string;
  updated_by: number | null;
}

/** A target: the system's (no organisation) or an organisation's own; the newest row is in force. */
export interface OutcomeTargetTable {
  id: Generated<number>;
  measure_id: number;
  organisation_id: number | null;
  baseline_value: number;
  baseline_on: string;
  target_value: number;
  target_on: string;
  note: ColumnType<string, string | undefined, string>;
  set_at: string;
  set_by: number | null;
}

export interface Database {
  app_setting: AppSettingTable;
  system: SystemTable;
  place: PlaceTable;
  organisation: OrganisationTable;
  assessment_period: AssessmentPeriodTable;
  assessment: AssessmentTable;
  component_answer: ComponentAnswerTable;
  domain_principles: DomainPrinciplesTable;
  evidence_item: EvidenceItemTable;
  evidence_file: EvidenceFileTable;
  component_review: ComponentReviewTable;
  component_evidence: ComponentEvidenceTable;
  progression_action: ProgressionActionTable;
  assessment_submission: AssessmentSubmissionTable;
  app_user: UserTable;
  role_assignment: RoleAssignmentTable;
  session: SessionTable;
  one_time_token: OneTimeTokenTable;
  message: MessageTable;
  audit_event: AuditEventTable;
  rate_limit: RateLimitTable;
  reminder: ReminderTable;
  query_reply: QueryReplyTable;
  report_job: ReportJobTable;
  passkey: PasskeyTable;
  recovery_code: RecoveryCodeTable;
  webauthn_challenge: WebauthnChallengeTable;
  oidc_provider: OidcProviderTable;
  oidc_identity: OidcIdentityTable;
  held_post: HeldPostTable;
  outcome_measure: OutcomeMeasureTable;
  outcome_measure_version: OutcomeMeasureVersionTable;
  outcome_figure: OutcomeFigureTable;
  outcome_target: OutcomeTargetTable;
}

export type Place = Selectable<PlaceTable>;
export type Organisation = Selectable<OrganisationTable>;
export type NewOrganisation = Insertable<OrganisationTable>;
export type AssessmentPeriod = Selectable<AssessmentPeriodTable>;
export type Assessment = Selectable<AssessmentTable>;
export type ComponentAnswer = Selectable<ComponentAnswerTable>;
export type ComponentAnswerUpdate = Updateable<ComponentAnswerTable>;
export type EvidenceItem = Selectable<EvidenceItemTable>;
export type EvidenceFile = Selectable<EvidenceFileTable>;

export type Role = "champion" | "steering_member" | "place_lead" | "admin" | "system_reader";
export type TokenPurpose = "invitation" | "password_reset";
export type MessageTemplate =
  "invitation" | "password_reset" | "reminder" | "query" | "query_reply";
export type MessageStatus = "pending" | "sent" | "failed" | "outbox";

export interface UserTable {
  id: Generated<number>;
  email: string;
  name: string;
  password_hash: string | null;
  /** Hex-encoded TOTP key; set during enrolment, trusted once totp_enabled_at is set. */
  totp_key: string | null;
  totp_enabled_at: string | null;
  /** The last TOTP time step that signed in: a code is never accepted twice. */
  totp_last_step: ColumnType<number | null, number | null | undefined, number | null>;
  /** 1 for the demo accounts, which are exempt from the second factor while demo data is loaded. */
  is_demo: Generated<number>;
  deactivated_at: string | null;
  created_at: Timestamp;
}

export interface RoleAssignmentTable {
  id: Generated<number>;
  user_id: number;
  role: Role;
  organisation_id: number | null;
  place_id: number | null;
  system_id: number | null;
  created_at: Timestamp;
}

export interface SessionTable {
  /** SHA-256 of the token, hex. */
  id: string;
  user_id: number;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  two_factor_verified: number;
}

export interface OneTimeTokenTable {
  id: Generated<number>;
  token_hash: string;
  purpose: TokenPurpose;
  user_id: number;
  created_by: number | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface MessageTable {
  id: Generated<number>;
  template: MessageTemplate;
  to_email: string;
  user_id: number | null;
  status: MessageStatus;
  notify_id: string | null;
  error: string | null;
  outbox_body: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** The system whose organisation it is about (a reminder, a query); null for the person alone. */
  system_id: number | null;
}

export interface AuditEventTable {
  id: Generated<number>;
  at: string;
  actor_user_id: number | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  /** JSON text. */
  detail: string | null;
  ip: string | null;
  /**
   * The system it belongs to: set when it is about a system's thing; null for
   * an event about a person alone (shown where they hold a role) or about no
   * one known (shown to no administrator).
   */
  system_id: number | null;
}

/** A reminder sent to an organisation's champions for a period it had not submitted. */
export interface ReminderTable {
  id: Generated<number>;
  organisation_id: number;
  period_id: number;
  sent_by: number | null;
  /** How many champions were emailed. */
  recipients: number;
  sent_at: string;
}

export interface RateLimitTable {
  key: string;
  window_start: string;
  hits: number;
}

export type User = Selectable<UserTable>;
export type RoleAssignment = Selectable<RoleAssignmentTable>;
export type Session = Selectable<SessionTable>;
export type OneTimeToken = Selectable<OneTimeTokenTable>;
export type Message = Selectable<MessageTable>;
export type AuditEvent = Selectable<AuditEventTable>;

export type ReportJobStatus = "queued" | "running" | "done" | "failed";

/** A document built off the request path (ADR 029). */
export interface ReportJobTable {
  id: Generated<number>;
  kind: "annual_report";
  scope_kind: "organisation" | "place" | "system";
  scope_id: number;
  system_id: number;
  /** The calendar year the reporting year starts in (2025 for the financial year 2025/26). */
  year: number;
  /** A financial year (April to March) or a calendar year. */
  year_kind: ColumnType<"financial" | "calendar", "financial" | "calendar" | undefined, never>;
  /** 1: report the year's latest month even while it is open to returns, labelled provisional. */
  provisional: ColumnType<number, number | undefined, never>;
  format: "pdf" | "docx";
  requested_by: number | null;
  status: ReportJobStatus;
  /** Whole percent, 0 to 100. */
  progress: ColumnType<number, number | undefined, number>;
  attempts: ColumnType<number, number | undefined, number>;
  /** The runner holding the job, and until when its claim stands unless renewed. */
  claimed_by: string | null;
  lease_until: string | null;
  error: string | null;
  /** The name offered on download, and the file's name in the report store. */
  file_name: string | null;
  stored_as: string | null;
  file_size: number | null;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
}

/** A WebAuthn credential (passkey) registered by a person; they may hold several. */
export interface PasskeyTable {
  id: Generated<number>;
  user_id: number;
  /** base64url, as the browser gives it. */
  credential_id: string;
  /** COSE public key, base64url. */
  public_key: string;
  /** The authenticator's signature counter; one going backwards is a cloned authenticator. */
  counter: ColumnType<number, number | undefined, number>;
  /** JSON array of the transports the browser reported. */
  transports: string | null;
  name: string;
  backed_up: Generated<number>;
  created_at: string;
  last_used_at: string | null;
}

/** One of a person's recovery codes, as the SHA-256 of the code (120 random bits). */
export interface RecoveryCodeTable {
  id: Generated<number>;
  user_id: number;
  code_hash: string;
  created_at: string;
  used_at: string | null;
}

export type WebauthnPurpose = "register" | "sign_in" | "second_factor";

/** A challenge handed to the browser for one WebAuthn ceremony; used once, within minutes. */
export interface WebauthnChallengeTable {
  challenge: string;
  purpose: WebauthnPurpose;
  user_id: number | null;
  created_at: string;
  expires_at: string;
}

/** An OpenID Connect provider a system's administrators set up for signing in. */
export interface OidcProviderTable {
  id: Generated<number>;
  system_id: number;
  name: string;
  issuer: string;
  client_id: string;
  /** Encrypted with SECRETS_KEY (app/auth/oidc/secrets.server.ts); never shown again. */
  client_secret: string;
  /** JSON arrays of text. */
  allowed_tenants: string;
  allowed_domains: string;
  created_at: string;
  updated_at: string;
}

/** A person's subject at a provider, linked the first time their invited e-mail matched. */
export interface OidcIdentityTable {
  id: Generated<number>;
  provider_id: number;
  user_id: number;
  subject: string;
  created_at: string;
  last_used_at: string;
}

/** A form posted after its sender's session ended, held for them for minutes. */
export interface HeldPostTable {
  id: Generated<number>;
  user_id: number;
  path: string;
  /** JSON array of [name, value] pairs. */
  fields: string;
  files_left_out: Generated<number>;
  created_at: string;
  expires_at: string;
}

export type Passkey = Selectable<PasskeyTable>;
export type OidcProvider = Selectable<OidcProviderTable>;
export type HeldPost = Selectable<HeldPostTable>;
