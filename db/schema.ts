import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * The database schema: the single source of truth for tables. Migrations in db/migrations are generated
 * from this file by drizzle-kit (`npm run db:generate`) and never edited after they ship.
 *
 * Conventions (docs/ARCHITECTURE.md, rule 5): money in integer fen, times as ISO-8601 text with +08:00,
 * dates as YYYY-MM-DD text in Asia/Shanghai.
 */

/** Key–value settings of this court (court name and code, numbering patterns, session policy …). */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  /** JSON-encoded value; its shape is checked by core/court/settings.ts */
  value: text('value').notNull(),
  updatedAt: text('updated_at').notNull(),
  updatedBy: integer('updated_by'),
});

export const users = sqliteTable(
  'users',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** login name, stored lower-case; unique */
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    disabled: integer('disabled', { mode: 'boolean' }).notNull().default(false),
    /** the user must choose a new password at the next login (set by an admin reset) */
    mustChangePassword: integer('must_change_password', { mode: 'boolean' }).notNull().default(false),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: text('locked_until'),
    lastLoginAt: text('last_login_at'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [uniqueIndex('users_username_unique').on(t.username)],
);

/** One row per role a user holds (a user may hold several). */
export const userRoles = sqliteTable(
  'user_roles',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['clerk', 'mediation', 'judge', 'print', 'approver', 'admin'] }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.role] }), index('user_roles_role_idx').on(t.role)],
);

/** Login sessions. Only the SHA-256 of the bearer token is stored. */
export const sessions = sqliteTable(
  'sessions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    tokenHash: text('token_hash').notNull(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    client: text('client').notNull(),
    createdAt: text('created_at').notNull(),
    lastSeenAt: text('last_seen_at').notNull(),
    /** absolute end of the session, whatever the activity */
    expiresAt: text('expires_at').notNull(),
    revokedAt: text('revoked_at'),
  },
  (t) => [uniqueIndex('sessions_token_hash_unique').on(t.tokenHash), index('sessions_user_idx').on(t.userId)],
);

/**
 * Serial counters for 案号 and centre register numbers. One row per court × special-trial code × type code ×
 * year of receipt (docs/DOMAIN.md “案号与登记号”). Incremented inside the transaction that creates the record, so a number
 * is never skipped or reused.
 */
export const numberSequences = sqliteTable(
  'number_sequences',
  {
    /** 'case' for 案号, 'register' for centre register numbers such as 调登〔2026〕0001 */
    kind: text('kind', { enum: ['case', 'register'] }).notNull(),
    courtCode: text('court_code').notNull(),
    /** special-trial code (知, 金 …) or '' */
    specialCode: text('special_code').notNull().default(''),
    /** type code (民初, 民特 …) or the register series name */
    typeCode: text('type_code').notNull(),
    year: integer('year').notNull(),
    lastSerial: integer('last_serial').notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.courtCode, t.specialCode, t.typeCode, t.year] })],
);

/**
 * Append-only audit log. Every mutation writes one row in its own transaction; each row's hash covers its
 * content and the previous row's hash, so an edited or deleted row breaks the chain (core/audit/verify.ts).
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey(),
    at: text('at').notNull(),
    actorId: integer('actor_id'),
    actorName: text('actor_name').notNull(),
    operation: text('operation').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    /** JSON snapshot before the change (null for a creation) */
    before: text('before'),
    /** JSON snapshot after the change (null for a deletion) */
    after: text('after'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
    /**
     * SHA-256 over the state digests this row recorded (audit_digests), covered by the row's hash; null for
     * rows written before the chain was keyed (core/audit/stateDigest.ts).
     */
    stateDigest: text('state_digest'),
  },
  (t) => [index('audit_entity_idx').on(t.entityType, t.entityId), index('audit_at_idx').on(t.at)],
);

/**
 * People and organisations who appear in cases (docs/DOMAIN.md “身份号码”). A returning party is found by ID number
 * (or USCC) and reused; corrections bump `revision` and keep the old values in party_revisions.
 */
export const parties = sqliteTable(
  'parties',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** 'person' (自然人) | 'organisation' (法人或非法人组织) */
    kind: text('kind', { enum: ['person', 'organisation'] }).notNull(),
    name: text('name').notNull(),
    /** 'male' | 'female' (persons) */
    sex: text('sex', { enum: ['male', 'female'] }),
    birthDate: text('birth_date'),
    ethnicity: text('ethnicity'),
    /** 'resident' | 'passport' | 'hkMacauPermit' | 'taiwanPermit' | 'hkMacauTaiwanResidence' | 'foreignPermanentResidence' | 'uscc' | 'none' */
    idType: text('id_type').notNull(),
    idNumber: text('id_number'),
    address: text('address'),
    phone: text('phone'),
    /** organisations: legal representative or person in charge, and that person's title */
    representative: text('representative'),
    representativeTitle: text('representative_title'),
    revision: integer('revision').notNull().default(1),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('parties_identity_unique')
      .on(t.idType, t.idNumber)
      .where(sql`id_number IS NOT NULL`),
    index('parties_name_idx').on(t.name),
    index('parties_phone_idx').on(t.phone),
    index('parties_id_number_idx').on(t.idNumber),
    // search by the last six characters of an ID number (issue 15): an index of its own, not the trigram FTS
    index('parties_id_tail_idx').on(sql`substr(${t.idNumber}, -6)`),
    // organisations by any part of the name ("银行"): a scan of the organisations' names only, in the index
    index('parties_kind_name_idx').on(t.kind, t.name),
  ],
);

/** The values a party had before each correction. */
export const partyRevisions = sqliteTable(
  'party_revisions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    partyId: integer('party_id')
      .notNull()
      .references(() => parties.id),
    revision: integer('revision').notNull(),
    /** JSON of the party as it was before this correction */
    before: text('before').notNull(),
    reason: text('reason').notNull(),
    changedAt: text('changed_at').notNull(),
    changedBy: integer('changed_by'),
  },
  (t) => [index('party_revisions_party_idx').on(t.partyId)],
);

/**
 * The record every register shares. `number` is the 案号 (or the centre register number for a delegated
 * pre-filing mediation); `code` is the short case code printed as a QR (一案一码).
 */
export const cases = sqliteTable(
  'cases',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** 民初 | 民特 | 民督 | 财保 | 执 | 执保 | 民诉前调 (legacy) | 调登 (centre register) */
    caseType: text('case_type').notNull(),
    number: text('number').notNull(),
    numberYear: integer('number_year').notNull(),
    numberSerial: integer('number_serial').notNull(),
    code: text('code').notNull(),
    receivedOn: text('received_on').notNull(),
    /** catalogue revision in force on the received date ('2025', '2020'); null only before 2021 */
    causeRevision: text('cause_revision'),
    causeNo: text('cause_no'),
    causeName: text('cause_name').notNull(),
    causeNeedsReview: integer('cause_needs_review', { mode: 'boolean' }).notNull().default(false),
    /** amount in dispute, integer fen */
    amountFen: integer('amount_fen'),
    claims: text('claims').notNull().default(''),
    facts: text('facts').notNull().default(''),
    /** JSON array of the materials received at the counter */
    materials: text('materials').notNull().default('[]'),
    status: text('status').notNull(),
    createdBy: integer('created_by'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('cases_number_unique').on(t.number),
    uniqueIndex('cases_code_unique').on(t.code),
    index('cases_received_idx').on(t.receivedOn),
    // the case list filtered by status or by type in its default order (newest received first): the first page in
    // index order, not every case of that status sorted (bench/lists.ts: 已登记 newest first; a rare type)
    index('cases_status_idx').on(t.status, t.receivedOn),
    index('cases_type_received_idx').on(t.caseType, t.receivedOn),
    // figures (issue 15): received per type, month and cause for a period, read from the index alone
    index('cases_received_type_idx').on(t.receivedOn, t.caseType, t.causeName),
    // the case list's "案由 contains" filter (issue 15): the distinct causes by a loose index scan, a rare cause's
    // cases without a scan of the register (core/lists/query.ts containsOneOf)
    index('cases_cause_idx').on(t.causeName, t.receivedOn),
  ],
);

/** A party's place in a case: 原告 / 被告 / 第三人 / 申请人 / 被申请人. */
export const caseParties = sqliteTable(
  'case_parties',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
    partyId: integer('party_id')
      .notNull()
      .references(() => parties.id),
    role: text('role').notNull(),
    seq: integer('seq').notNull(),
  },
  (t) => [index('case_parties_case_idx').on(t.caseId), index('case_parties_party_idx').on(t.partyId, t.caseId)],
);

/** Agents (委托诉讼代理人) of a party in a case, with their authority. */
export const caseAgents = sqliteTable(
  'case_agents',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
    casePartyId: integer('case_party_id')
      .notNull()
      .references(() => caseParties.id),
    /** 'lawyer' | 'relative' | 'other' */
    kind: text('kind', { enum: ['lawyer', 'relative', 'other'] }).notNull(),
    name: text('name').notNull(),
    idNumber: text('id_number'),
    phone: text('phone'),
    /** law firm (lawyers) or relationship / employer (others) */
    organisation: text('organisation'),
    licenseNo: text('license_no'),
    /** 'general' (一般授权) | 'special' (特别授权) */
    authority: text('authority').notNull(),
    authorityDetail: text('authority_detail'),
  },
  (t) => [index('case_agents_case_idx').on(t.caseId)],
);

/** Links between cases: converted from/to, related, same parties. */
export const caseLinks = sqliteTable(
  'case_links',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    fromCaseId: integer('from_case_id')
      .notNull()
      .references(() => cases.id),
    toCaseId: integer('to_case_id')
      .notNull()
      .references(() => cases.id),
    /** 'converted' (from → to) | 'related' | 'sameParties' */
    kind: text('kind', { enum: ['converted', 'related', 'sameParties'] }).notNull(),
    note: text('note'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('case_links_unique').on(t.fromCaseId, t.toCaseId, t.kind), index('case_links_to_idx').on(t.toCaseId)],
);

/** The timeline of a case: every event, in order. */
export const caseEvents = sqliteTable(
  'case_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
    at: text('at').notNull(),
    actorId: integer('actor_id'),
    actorName: text('actor_name').notNull(),
    kind: text('kind').notNull(),
    summary: text('summary').notNull(),
    data: text('data'),
  },
  (t) => [index('case_events_case_idx').on(t.caseId, t.id)],
);

/**
 * The court's own versions of document templates (core/documents/overrides.ts). Rows are never updated or
 * deleted: each change is a new version. The latest row decides which text is in use: kind 'court' uses its
 * `source`; kind 'builtin' switches back to the template shipped with the app (source is null). Documents
 * record "court.<version>" or the built-in version number.
 */
export const templateVersions = sqliteTable(
  'template_versions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    templateId: text('template_id').notNull(),
    /** 1, 2, … per template */
    version: integer('version').notNull(),
    kind: text('kind', { enum: ['court', 'builtin'] }).notNull(),
    /** the complete template text (kind 'court') */
    source: text('source'),
    /** SHA-256 of source (kind 'court') */
    sha256: text('sha256'),
    /** the built-in template's version when this row was written */
    builtinVersion: integer('builtin_version').notNull(),
    note: text('note'),
    createdAt: text('created_at').notNull(),
    createdBy: integer('created_by').references(() => users.id),
  },
  (t) => [uniqueIndex('template_versions_unique').on(t.templateId, t.version)],
);

/**
 * The document register (core/documents/register.ts): one row per generated document. The bytes are not kept;
 * the filled data and the template version are, so a reprint fills the same template version with the same
 * data and gives the same text (its SHA-256 is compared and recorded).
 */
export const documents = sqliteTable(
  'documents',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** null for documents without a case (a fee notice from the calculator) */
    caseId: integer('case_id').references(() => cases.id),
    templateId: text('template_id').notNull(),
    /** "1" (built-in version) or "court.3" (the court's version 3) */
    templateVersion: text('template_version').notNull(),
    title: text('title').notNull(),
    /** 'pdf' | 'docx' */
    format: text('format', { enum: ['pdf', 'docx'] }).notNull(),
    /** the data the template was filled with (JSON) */
    data: text('data').notNull(),
    sha256: text('sha256').notNull(),
    /**
     * the version of the format's renderer that wrote the file (core/documents/docx.ts DOCX_RENDERERS, pdf.ts
     * PDF_RENDERER): a reprint writes with it again. Null for documents registered before versions were recorded.
     */
    rendererVersion: integer('renderer_version'),
    pageCount: integer('page_count').notNull(),
    byteSize: integer('byte_size').notNull(),
    /** what the document belongs to besides the case: 'relief' (an application's decision), … */
    subjectKind: text('subject_kind'),
    subjectId: integer('subject_id'),
    createdBy: integer('created_by').notNull(),
    createdAt: text('created_at').notNull(),
    printCount: integer('print_count').notNull().default(0),
    lastPrintedAt: text('last_printed_at'),
    lastPrintedBy: integer('last_printed_by'),
  },
  (t) => [
    index('documents_case_idx').on(t.caseId, t.id),
    index('documents_created_idx').on(t.createdAt),
    index('documents_template_idx').on(t.templateId, t.createdAt),
  ],
);

/**
 * Fee relief applications (办法 arts. 44–51; core/fees/relief.ts). kind: 'waive' 免交 | 'reduce' 减交 | 'defer'
 * 缓交. status: 'pending' → 'reviewed' → 'granted' | 'partly_granted' | 'refused' (or 'withdrawn').
 */
export const reliefApplications = sqliteTable(
  'relief_applications',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
    /** the applicant's place in the case */
    casePartyId: integer('case_party_id')
      .notNull()
      .references(() => caseParties.id),
    kind: text('kind', { enum: ['waive', 'reduce', 'defer'] }).notNull(),
    /** statutory ground code (core/fees/grounds.ts) or 'other' */
    ground: text('ground').notNull(),
    /** the applicant's reasons (required for 'other') */
    reasons: text('reasons').notNull().default(''),
    /** JSON array of { name, kind } — incl. hardship certificates */
    evidence: text('evidence').notNull().default('[]'),
    /** the fee the relief is asked against, integer fen */
    feeFen: integer('fee_fen').notNull(),
    /** JSON of the quote that gave feeFen (inputs and breakdown) */
    feeQuote: text('fee_quote'),
    /** 减交: requested reduction in percent (≥ 30) */
    requestedPercent: integer('requested_percent'),
    /** 缓交: requested due date */
    requestedUntil: text('requested_until'),
    appliedOn: text('applied_on').notNull(),
    status: text('status', { enum: ['pending', 'reviewed', 'granted', 'partly_granted', 'refused', 'withdrawn'] }).notNull(),
    /** the decision: amounts in fen, dates as YYYY-MM-DD */
    decidedOn: text('decided_on'),
    grantedPercent: integer('granted_percent'),
    /** fee waived or reduced (免交 / 减交) or deferred (缓交) by the decision */
    reliefFen: integer('relief_fen'),
    deferredUntil: text('deferred_until'),
    refusalReasons: text('refusal_reasons'),
    createdBy: integer('created_by').notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    index('relief_case_idx').on(t.caseId),
    index('relief_status_idx').on(t.status, t.appliedOn),
    index('relief_applied_kind_idx').on(t.appliedOn, t.kind),
    index('relief_deferred_idx').on(t.deferredUntil),
    // covering the monthly totals (totals.ts): the aggregation reads the index alone
    index('relief_decided_idx').on(t.decidedOn, t.kind, t.status, t.grantedPercent, t.reliefFen),
  ],
);

/** Each step of the approval chain on an application: who, which role, what they decided and why. */
export const reliefSteps = sqliteTable(
  'relief_steps',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    applicationId: integer('application_id')
      .notNull()
      .references(() => reliefApplications.id),
    /** 'review' | 'approve' */
    stage: text('stage').notNull(),
    /** 'grant' | 'partial' | 'refuse' | 'return' */
    action: text('action', { enum: ['grant', 'partial', 'refuse', 'return'] }).notNull(),
    opinion: text('opinion').notNull().default(''),
    /** the percentage this stage proposed or granted (partial grants, 减交) */
    grantedPercent: integer('granted_percent'),
    /** the deferral date this stage proposed or granted (缓交) */
    deferredUntil: text('deferred_until'),
    userId: integer('user_id').notNull(),
    userName: text('user_name').notNull(),
    at: text('at').notNull(),
  },
  (t) => [index('relief_steps_app_idx').on(t.applicationId, t.id)],
);

/** Fee payments and refunds recorded on a case (integer fen; refunds are their own rows, never negative amounts). */
export const feePayments = sqliteTable(
  'fee_payments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
    /** the deferral this payment settles, if any */
    applicationId: integer('application_id').references(() => reliefApplications.id),
    /** 'payment' | 'refund' */
    kind: text('kind', { enum: ['payment', 'refund'] }).notNull(),
    amountFen: integer('amount_fen').notNull(),
    paidOn: text('paid_on').notNull(),
    /** receipt / voucher number */
    reference: text('reference'),
    note: text('note'),
    recordedBy: integer('recorded_by').notNull(),
    recordedAt: text('recorded_at').notNull(),
  },
  (t) => [index('fee_payments_case_idx').on(t.caseId), index('fee_payments_app_idx').on(t.applicationId)],
);

// ── trust-data: state digests of audited records, backup policy and runs (core/audit, core/backup) ──

/**
 * The digest of the state an audited mutation wrote, one row per record it touched (core/audit/stateDigest.ts).
 * `fields` holds a 4-hex-digit hash per column, so `court verify` can name the field that was changed.
 */
export const auditDigests = sqliteTable(
  'audit_digests',
  {
    auditId: integer('audit_id').notNull(),
    kind: text('kind').notNull(),
    subjectId: text('subject_id').notNull(),
    digest: text('digest').notNull(),
    fields: text('fields').notNull(),
  },
  (t) => [primaryKey({ columns: [t.auditId, t.kind, t.subjectId] }), index('audit_digests_subject_idx').on(t.kind, t.subjectId, t.auditId)],
);

/** The scheduled-backup policy (one row, id 1): folder, interval, how many to keep. */
export const backupPolicy = sqliteTable('backup_policy', {
  id: integer('id').primaryKey(),
  folder: text('folder').notNull(),
  everyHours: integer('every_hours').notNull().default(24),
  keep: integer('keep').notNull().default(14),
  enabled: integer('enabled', { mode: 'boolean' }).notNull().default(true),
  updatedAt: text('updated_at').notNull(),
  updatedBy: integer('updated_by'),
});

/** Each backup taken (by the schedule, the admin page or the CLI) and its result. */
export const backupRuns = sqliteTable(
  'backup_runs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** 'schedule' | 'manual' | 'cli' */
    trigger: text('trigger').notNull(),
    startedAt: text('started_at').notNull(),
    finishedAt: text('finished_at'),
    file: text('file'),
    bytes: integer('bytes'),
    ok: integer('ok', { mode: 'boolean' }),
    message: text('message'),
  },
  (t) => [index('backup_runs_started_idx').on(t.startedAt)],
);

// ─── docket (速裁): triage, assignment, trial periods, hearings, closing ───────────────────────────────────────

/**
 * The province's previous-year average annual wage of employed persons (民诉法 art. 165), as published; a dated
 * setting: a filing uses the figure of the year before its filing year, or the latest one published before it.
 */
export const docketWageFigures = sqliteTable(
  'docket_wage_figures',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** the court's province abbreviation as in its 法院代字 (浙, 甘 …) */
    province: text('province').notNull(),
    wageYear: integer('wage_year').notNull(),
    amountFen: integer('amount_fen').notNull(),
    publishedOn: text('published_on').notNull(),
    source: text('source').notNull(),
    recordedBy: integer('recorded_by'),
    recordedAt: text('recorded_at').notNull(),
  },
  (t) => [uniqueIndex('docket_wage_unique').on(t.province, t.wageYear)],
);

/** A 民初 case on the fast-track docket: its triage, procedure, judge, trial period state and closing. */
export const docketCases = sqliteTable(
  'docket_cases',
  {
    caseId: integer('case_id')
      .primaryKey()
      .references(() => cases.id),
    /** 'filing' | 'mediation-failed' */
    source: text('source').notNull(),
    /** 'triage' (waiting for the 分流员) | 'open' | 'closed' | 'transferred' (left the fast track) */
    status: text('status').notNull(),
    /** the filing date: the trial period runs from it, also after conversion (解释 art. 258) */
    filedOn: text('filed_on').notNull(),
    enteredAt: text('entered_at').notNull(),
    /** the rules' answer and the officer's decision (may differ, with a reason) */
    recommended: text('recommended'),
    procedure: text('procedure'),
    byConsent: integer('by_consent', { mode: 'boolean' }).notNull().default(false),
    /** JSON: { flags, consent, averageWageFen, wageYear, reasons } */
    triage: text('triage'),
    decisionReason: text('decision_reason'),
    triagedBy: integer('triaged_by'),
    triagedAt: text('triaged_at'),
    judgeId: integer('judge_id').references(() => users.id),
    /** same plaintiff and cause: serial cases go to one judge */
    serialKey: text('serial_key'),
    closedOn: text('closed_on'),
    /** 'judgment' | 'mediation' | 'withdrawal' | 'deemed-withdrawal' | 'transfer' */
    closeMethod: text('close_method'),
    closeResult: text('close_result'),
    /**
     * The trial period's due date as computed from the record (procedure, filing date, ended suspensions,
     * approved extensions): stored so the docket and the centre view sort and count in SQL. Recomputed in the
     * same transaction as every change to those inputs (core/docket/dueDate.ts).
     */
    dueOn: text('due_on'),
    /** last day of the latest suspension ('9999-12-31' while one is open): until then the row is computed live */
    suspendedUntil: text('suspended_until'),
    /** an extension request for the current procedure waits for the approver */
    pendingExtension: integer('pending_extension', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [
    index('docket_cases_judge_idx').on(t.judgeId, t.status),
    /**
     * the judge's desk: a judge's open rows in due order, covering (status, judge, due date, filing date, suspension),
     * so the most urgent are read from the index alone (the counts come from docket_open_dues)
     */
    index('docket_cases_desk_idx').on(t.status, t.judgeId, t.dueOn, t.filedOn, t.suspendedUntil),
    index('docket_cases_open_due_idx').on(t.status, t.dueOn),
    /** rows computed live: a suspension running or ahead */
    index('docket_cases_suspended_idx').on(t.status, t.suspendedUntil),
    index('docket_cases_status_idx').on(t.status, t.filedOn),
    index('docket_cases_serial_idx').on(t.serialKey, t.status),
    /** the centre's closings of the current month: covering */
    index('docket_cases_closed_idx').on(t.closedOn, t.judgeId, t.closeMethod, t.filedOn),
    /** the fast-track list's keyset order by filing date (issue 15) and the docket figures per judge for a period */
    index('docket_cases_filed_idx').on(t.filedOn, t.judgeId),
  ],
);

/**
 * Open docket rows counted per judge, due date and filing date (migration docket_open_dues): kept by triggers on
 * docket_cases in the same statement as every change, so the desk's and the centre's tier counts add up a few
 * hundred rows per judge instead of reading every open case. Only rows whose stored due date holds (status open,
 * due date set, no open-ended suspension — core/docket/dueDate.ts OPEN_SUSPENSION); the others are computed live.
 * The tiers move with the date, so the counts are by due date and the lists sum the ranges of the day.
 */
export const docketOpenDues = sqliteTable(
  'docket_open_dues',
  {
    /** 0: no judge yet */
    judgeId: integer('judge_id').notNull(),
    dueOn: text('due_on').notNull(),
    filedOn: text('filed_on').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.judgeId, t.dueOn, t.filedOn] })],
);

/** Assignment history: first assignment, directed assignment with its reason, serial cases, reassignments. */
export const docketAssignments = sqliteTable(
  'docket_assignments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
    judgeId: integer('judge_id')
      .notNull()
      .references(() => users.id),
    /** 'load' | 'directed' | 'serial' | 'reassigned' */
    kind: text('kind').notNull(),
    reason: text('reason'),
    at: text('at').notNull(),
    byId: integer('by_id'),
  },
  (t) => [index('docket_assignments_case_idx').on(t.caseId, t.id)],
);

/** Spans not counted in the trial period (解释 art. 243): public notice, appraisal, settlement, jurisdiction, extended mediation. */
export const docketSuspensions = sqliteTable(
  'docket_suspensions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
    kind: text('kind').notNull(),
    fromDate: text('from_date').notNull(),
    /** last day, inclusive; null while it lasts */
    toDate: text('to_date'),
    note: text('note'),
    recordedBy: integer('recorded_by'),
    recordedAt: text('recorded_at').notNull(),
  },
  (t) => [index('docket_suspensions_case_idx').on(t.caseId)],
);

/** Extensions of the trial period: requested by the judge, decided by the approver (院长批准). */
export const docketExtensions = sqliteTable(
  'docket_extensions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
    /** the procedure the extension belongs to; a conversion starts a new period kind */
    procedure: text('procedure').notNull(),
    months: integer('months').notNull(),
    reason: text('reason').notNull(),
    /** 'pending' | 'approved' | 'refused' */
    status: text('status').notNull(),
    requestedBy: integer('requested_by'),
    requestedAt: text('requested_at').notNull(),
    decidedBy: integer('decided_by'),
    decidedAt: text('decided_at'),
    decisionNote: text('decision_note'),
  },
  (t) => [index('docket_extensions_case_idx').on(t.caseId), index('docket_extensions_status_idx').on(t.status)],
);

/** Conversions small claims → simplified → ordinary; the filing date is kept; the fee top-up when it is due. */
export const docketConversions = sqliteTable(
  'docket_conversions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
    fromProcedure: text('from_procedure').notNull(),
    toProcedure: text('to_procedure').notNull(),
    onDate: text('on_date').notNull(),
    reason: text('reason').notNull(),
    /** the other half of the fee (办法 art. 16 halving no longer applies), fen; 0 when none is due */
    feeDueFen: integer('fee_due_fen').notNull(),
    feeDueOn: text('fee_due_on'),
    byId: integer('by_id'),
    at: text('at').notNull(),
  },
  (t) => [index('docket_conversions_case_idx').on(t.caseId)],
);

/** Hearings: courtroom, judge, start and end (ISO +08:00), postponements kept as rows with their reason. */
export const docketHearings = sqliteTable(
  'docket_hearings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
    judgeId: integer('judge_id')
      .notNull()
      .references(() => users.id),
    courtroom: text('courtroom').notNull(),
    startsAt: text('starts_at').notNull(),
    endsAt: text('ends_at').notNull(),
    /** 'scheduled' | 'postponed' | 'held' */
    status: text('status').notNull(),
    postponeReason: text('postpone_reason'),
    /**
     * why the hearing is less than three days after the notice (民诉法 art. 139), recorded when scheduled; only
     * simplified and small-claims cases may have one (core/docket/hearings.ts noticeCheck)
     */
    shortNoticeReason: text('short_notice_reason'),
    /** several serial cases heard in one session share a batch id */
    batch: text('batch'),
    byId: integer('by_id'),
    at: text('at').notNull(),
  },
  (t) => [
    /** a judge's calendar; with the status, the desk counts the day's and the week's hearings from the index alone */
    index('docket_hearings_judge_idx').on(t.judgeId, t.startsAt, t.status),
    index('docket_hearings_room_idx').on(t.courtroom, t.startsAt),
    index('docket_hearings_case_idx').on(t.caseId),
  ],
);
/**
 * The closing of a docket case (one row per case): how it ended, the elements the judge entered for an
 * element-style judgment or the terms of a 民事调解书, and the fee settled on closing (办法 arts. 15, 29, 31, 34,
 * 51, 53): the fee as finally charged, what the plaintiff had paid, what is to be refunded, who bears what.
 */
/**
 * Closings per judge and month (judge 0: none named), kept in the closing transaction so the centre's yearly
 * figures add up twelve rows per judge instead of reading every closed case (core/docket/closing.ts).
 */
export const docketCloseStats = sqliteTable(
  'docket_close_stats',
  {
    judgeId: integer('judge_id').notNull(),
    /** YYYY-MM of the closing date */
    month: text('month').notNull(),
    closed: integer('closed').notNull(),
    /** days from filing to closing, summed */
    days: integer('days').notNull(),
    /** closed by mediation, withdrawal or deemed withdrawal (调撤) */
    mediatedOrWithdrawn: integer('mediated_or_withdrawn').notNull(),
  },
  (t) => [primaryKey({ columns: [t.judgeId, t.month] })],
);

export const docketClosings = sqliteTable('docket_closings', {
  caseId: integer('case_id')
    .primaryKey()
    .references(() => cases.id),
  /** 'judgment' | 'mediation' | 'withdrawal' | 'deemed-withdrawal' | 'transfer' */
  method: text('method').notNull(),
  closedOn: text('closed_on').notNull(),
  /** the element-style judgment's kind ('private-loan' | 'credit-card' | 'financial-loan'), null otherwise */
  judgmentKind: text('judgment_kind'),
  /** JSON: the elements (judgment), the agreed terms (mediation) or the application date (withdrawal) */
  elements: text('elements').notNull(),
  /** the acceptance fee as charged before closing (fen) and as settled on closing (fen) */
  feeBeforeFen: integer('fee_before_fen').notNull(),
  feeFen: integer('fee_fen').notNull(),
  /** the rule applied, in words with its article */
  feeRule: text('fee_rule').notNull(),
  paidFen: integer('paid_fen').notNull(),
  refundFen: integer('refund_fen').notNull(),
  /** JSON: [{ party, role, fen }] who bears the settled fee */
  burden: text('burden').notNull(),
  byId: integer('by_id'),
  at: text('at').notNull(),
});

// ── trust-host: idempotent retries and chunked re-indexing ───────────────────────────────────────────

/**
 * Client request ids of creating calls (issue 11 item 8): a retry with the same id by the same user gets
 * the first answer back and writes nothing. The row is inserted inside the call's first write transaction,
 * so a call that committed always has its id recorded; `result` is filled in right after (null when the
 * host stopped in between: the retry is then refused as already saved). Pruned after a day.
 */
export const requestIds = sqliteTable(
  'request_ids',
  {
    userId: integer('user_id').notNull(),
    requestId: text('request_id').notNull(),
    operation: text('operation').notNull(),
    /** JSON of the first answer */
    result: text('result'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.requestId] }), index('request_ids_created_idx').on(t.createdAt)],
);

/**
 * Work left on a corrected party's cases (issue 11 item 3): rebuilding their search rows and/or adding the
 * correction to each case's timeline. The correction itself commits at once; the host then walks the
 * party's cases in small chunks (each its own short write transaction, resuming after `afterCaseId`), so a
 * party in 25,000 cases never holds the write lock for long. A stopped host resumes the queue at its start.
 */
export const partyCaseWork = sqliteTable('party_case_work', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  partyId: integer('party_id').notNull(),
  afterCaseId: integer('after_case_id').notNull().default(0),
  /** 1 when a searched field (name, ID number, phone) changed */
  reindex: integer('reindex', { mode: 'boolean' }).notNull(),
  /** JSON { at, actorId, actorName, kind, summary, data } of the case event to add to each case, or null */
  event: text('event'),
  queuedAt: text('queued_at').notNull(),
});

// ---------------------------------------------------------------------------------------------------------
// mediation (issue 12): rosters, the mediation register, assignments, consents, lookups, dated settings
// ---------------------------------------------------------------------------------------------------------

/** A mediation organisation of the roster (特邀调解组织, people's mediation committees by level, court-based …). */
export const mediationOrgs = sqliteTable(
  'mediation_orgs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    /** 'people' | 'administrative' | 'industry' | 'commercial' | 'lawyer' | 'court' */
    kind: text('kind').notNull(),
    /** 'village' | 'town' | 'county' — the layer; 'county' for organisations serving the whole county */
    level: text('level').notNull(),
    /** the region it covers as a path, e.g. 长兴县/雉城街道/明珠社区 */
    region: text('region').notNull(),
    contact: text('contact'),
    phone: text('phone'),
    activeFrom: text('active_from').notNull(),
    /** last active day; null while active. Never deleted: history keeps pointing here. */
    activeTo: text('active_to'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [uniqueIndex('mediation_orgs_name_unique').on(t.name)],
);

/** A rostered mediator (特邀 / 专职 / 律师). Not a user account: entered by the coordinator. */
export const mediators = sqliteTable(
  'mediators',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    /** 'invited' (特邀) | 'staff' (专职) | 'lawyer' (律师) */
    kind: text('kind').notNull(),
    orgId: integer('org_id').references(() => mediationOrgs.id),
    /** JSON array of cause-of-action names (a group such as 婚姻家庭纠纷 or a cause) */
    fields: text('fields').notNull().default('[]'),
    /** JSON array of region paths covered */
    regions: text('regions').notNull().default('[]'),
    /** open mediations at once */
    capacity: integer('capacity').notNull(),
    idNumber: text('id_number'),
    phone: text('phone'),
    activeFrom: text('active_from').notNull(),
    activeTo: text('active_to'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('mediators_org_idx').on(t.orgId), index('mediators_name_idx').on(t.name)],
);

/** One mediation of the register: a 委派 (调登), 委托 (民初), an outside agreement, or a legacy 民诉前调 record. */
export const mediations = sqliteTable(
  'mediations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
    /** 'delegated' | 'entrusted' | 'outside' | 'legacy' */
    flow: text('flow').notNull(),
    /** for entrusted: 'ordinary' | 'simplified' */
    procedure: text('procedure'),
    /** see core/mediation/status.ts */
    status: text('status').notNull(),
    /** the parties' region path (routing) */
    region: text('region').notNull().default(''),
    causeName: text('cause_name').notNull(),
    receivedOn: text('received_on').notNull(),
    /** the centre's response limits, computed at intake/assignment/acceptance from the settings in force */
    assignDue: text('assign_due'),
    acceptDue: text('accept_due'),
    contactDue: text('contact_due'),
    firstContactOn: text('first_contact_on'),
    orgId: integer('org_id').references(() => mediationOrgs.id),
    mediatorId: integer('mediator_id').references(() => mediators.id),
    /** the day the mediator signed for the materials: the legal period starts the next day */
    signedOn: text('signed_on'),
    /** the legal period's last day (with the extension once granted) */
    dueOn: text('due_on'),
    /** the first due date before an extension (the extension is left out of the trial period) */
    baseDueOn: text('base_due_on'),
    extendedOn: text('extended_on'),
    /** 'agreement' | 'failed' | 'refused' | 'converted' */
    outcome: text('outcome'),
    /** agreement closing: 'performed' | 'withdrawn' | 'mediation-document' | 'confirmation' */
    closing: text('closing'),
    outcomeOn: text('outcome_on'),
    failureReason: text('failure_reason'),
    undisputedFacts: text('undisputed_facts'),
    /** JSON { terms: string[], signedOn, signatories: string[] } */
    agreement: text('agreement'),
    outsideOrgName: text('outside_org_name'),
    outsideMediatorName: text('outside_mediator_name'),
    convertedCaseId: integer('converted_case_id').references(() => cases.id),
    createdBy: integer('created_by'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('mediations_case_unique').on(t.caseId),
    index('mediations_status_id_idx').on(t.status, t.id),
    index('mediations_flow_id_idx').on(t.flow, t.id),
    index('mediations_mediator_idx').on(t.mediatorId, t.status),
    index('mediations_org_idx').on(t.orgId, t.status),
    index('mediations_received_idx').on(t.receivedOn, t.id),
    index('mediations_due_idx').on(t.status, t.dueOn),
    // the warnings view reads each limit as (status = …, due <= …) ORDER BY due, id: status first, then the due date
    index('mediations_assign_due_idx').on(t.status, t.assignDue),
    index('mediations_accept_due_idx').on(t.status, t.acceptDue),
    index('mediations_contact_due_idx').on(t.status, t.contactDue),
    index('mediations_outcome_idx').on(t.outcomeOn, t.mediatorId, t.outcome, t.signedOn),
  ],
);

/**
 * Routing's per-mediator counters (core/mediation/counters.ts), kept by triggers on `mediations` in the same
 * transaction as the write that changes them, so a recommendation reads 2,000 rows instead of the whole register.
 * Derived data: `rebuildMediatorCounters` recounts them from `mediations`.
 */
export const mediatorCounters = sqliteTable('mediator_counters', {
  mediatorId: integer('mediator_id').primaryKey(),
  /** mediations assigned to the mediator and still open (OPEN_STATUSES) */
  openLoad: integer('open_load').notNull().default(0),
});

/**
 * Running totals of a mediator's outcomes (agreement or failure) up to and including `day`, one row per day with an
 * outcome: the totals of any window of days are two lookups (at its end minus before its start).
 */
export const mediatorOutcomeTotals = sqliteTable(
  'mediator_outcome_totals',
  {
    mediatorId: integer('mediator_id').notNull(),
    day: text('day').notNull(),
    agreements: integer('agreements').notNull().default(0),
    outcomes: integer('outcomes').notNull().default(0),
    /** days from signing for the materials to the outcome, over the outcomes with a signing date */
    daysSum: real('days_sum').notNull().default(0),
    daysCount: integer('days_count').notNull().default(0),
  },
  // by day: which mediators' window figures move when the day moves (routingCache.ts, a new day re-reads only those)
  (t) => [primaryKey({ columns: [t.mediatorId, t.day] }), index('mediator_outcome_totals_day_idx').on(t.day, t.mediatorId)],
);

/**
 * Versions that tell routing's in-process cache (core/mediation/routingCache.ts) what changed since it last read:
 * `roster` rises with every write to `mediators` or `mediation_orgs`, `outcomes` with every write to a mediation that
 * can change a mediator's outcome figures. Kept by triggers (migrations 0018, 0023) in the same transaction as the write.
 */
export const routingVersions = sqliteTable('routing_versions', {
  name: text('name').primaryKey(),
  version: integer('version').notNull().default(0),
});

/**
 * The centre's open limits per kind and due date (core/mediation/dueCounts.ts), kept by triggers on `mediations`:
 * the warnings view's counts are a sum over due dates, not a count over the register. Derived data.
 */
export const mediationDueCounts = sqliteTable(
  'mediation_due_counts',
  {
    /** 'assign' | 'accept' | 'contact' | 'legal' */
    kind: text('kind').notNull(),
    due: text('due').notNull(),
    n: integer('n').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.kind, t.due] })],
);

/** The `outcomes` version at which each mediator's outcome figures last changed (same triggers). */
export const mediatorOutcomeVersions = sqliteTable(
  'mediator_outcome_versions',
  {
    mediatorId: integer('mediator_id').primaryKey(),
    version: integer('version').notNull(),
  },
  (t) => [index('mediator_outcome_versions_version_idx').on(t.version)],
);

/**
 * The `roster` version at which each mediator's roster entry last changed — its own row or its organisation's
 * (triggers of migration 0023): after a roster write routing re-reads those mediators, not all 2,000.
 */
export const mediatorRosterVersions = sqliteTable(
  'mediator_roster_versions',
  {
    mediatorId: integer('mediator_id').primaryKey(),
    version: integer('version').notNull(),
  },
  (t) => [index('mediator_roster_versions_version_idx').on(t.version)],
);

/** Consent per party, with its date: to mediate, or to extend. A refusal or an insistence on suing ends a 委派. */
export const mediationConsents = sqliteTable(
  'mediation_consents',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    mediationId: integer('mediation_id')
      .notNull()
      .references(() => mediations.id),
    partyId: integer('party_id')
      .notNull()
      .references(() => parties.id),
    /** 'mediate' | 'extension' */
    subject: text('subject').notNull(),
    /** 'agree' | 'refuse' | 'sue' (insists on suing) */
    answer: text('answer').notNull(),
    givenOn: text('given_on').notNull(),
    note: text('note'),
    recordedAt: text('recorded_at').notNull(),
  },
  (t) => [index('mediation_consents_med_idx').on(t.mediationId, t.subject)],
);

/** Every assignment of a mediation to a mediator; reassignment adds a row, history stays. */
export const mediationAssignments = sqliteTable(
  'mediation_assignments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    mediationId: integer('mediation_id')
      .notNull()
      .references(() => mediations.id),
    mediatorId: integer('mediator_id')
      .notNull()
      .references(() => mediators.id),
    orgId: integer('org_id').references(() => mediationOrgs.id),
    /** 'joint' (the parties' joint choice) | 'recommended' | 'appointed' */
    how: text('how').notNull(),
    /** JSON of the recommendation's reasons at the time, if any */
    reasons: text('reasons'),
    overCapacityReason: text('over_capacity_reason'),
    assignedOn: text('assigned_on').notNull(),
    /** 'pending' | 'accepted' | 'declined' | 'recused' | 'replaced' | 'ended' */
    state: text('state').notNull(),
    respondedOn: text('responded_on'),
    reason: text('reason'),
    assignedBy: integer('assigned_by'),
  },
  (t) => [
    index('mediation_assignments_med_idx').on(t.mediationId, t.id),
    index('mediation_assignments_mediator_idx').on(t.mediatorId, t.state),
  ],
);

/** Every progress lookup by code (self-service terminal): when, from where, whether it matched. */
export const mediationLookups = sqliteTable(
  'mediation_lookups',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    address: text('address').notNull(),
    code: text('code').notNull(),
    found: integer('found', { mode: 'boolean' }).notNull(),
  },
  (t) => [index('mediation_lookups_addr_idx').on(t.address, t.at)],
);

/** Dated mediation settings (response limits, subsidies): a record is judged by the value in force on its date. */
export const mediationSettings = sqliteTable(
  'mediation_settings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    key: text('key').notNull(),
    effectiveFrom: text('effective_from').notNull(),
    value: text('value').notNull(),
    updatedBy: integer('updated_by'),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [uniqueIndex('mediation_settings_key_from').on(t.key, t.effectiveFrom)],
);

// ───────────────────────────── confirmation (司法确认, issue 13; core/confirmation) ─────────────────────────────

/**
 * An application for judicial confirmation of a mediation agreement (民诉法 2023 arts. 205–206; 解释 arts. 351–358).
 * One per 民特 case (the case is filed on receipt, so the 案号 follows the order of receipt). stage: 'applied' →
 * 'accepted' | 'not_accepted' → 'decided' (outcome 'valid' | 'rejected' | 'withdrawn' | 'deemed_withdrawn');
 * the ruling is signed once (ruling_document_id) and frozen in the document register.
 */
export const confirmations = sqliteTable(
  'confirmations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
    /** 'counter' (agreement made elsewhere) | 'mediation' (from the centre's mediation register) */
    source: text('source').notNull(),
    mediationId: integer('mediation_id'),
    /** 'people' 人民调解委员会 | 'invited' 特邀调解组织 | 'court' 本院特邀调解员 | 'other' */
    organisationKind: text('organisation_kind').notNull(),
    organisationName: text('organisation_name').notNull(),
    /** where the organisation sits (competence: 解释 art. 352 / 民诉法 art. 205) */
    organisationPlace: text('organisation_place').notNull(),
    mediatorName: text('mediator_name').notNull(),
    agreementDate: text('agreement_date').notNull(),
    agreementEffectiveOn: text('agreement_effective_on').notNull(),
    dispute: text('dispute'),
    /** JSON array of the terms, in order */
    terms: text('terms').notNull(),
    /** 'written' | 'oral' (解释 art. 353: an oral application is recorded and signed) */
    applicationForm: text('application_form').notNull(),
    oralRecord: text('oral_record'),
    /** JSON: the 解释 art. 354 checklist, key → provided */
    materials: text('materials').notNull(),
    appliedOn: text('applied_on').notNull(),
    feeFen: integer('fee_fen').notNull().default(0),
    feeBasis: text('fee_basis').notNull(),
    stage: text('stage').notNull(),
    /** JSON: the acceptance checks as decided (each with its article) */
    acceptanceChecks: text('acceptance_checks'),
    acceptanceDecidedOn: text('acceptance_decided_on'),
    acceptanceDecidedBy: integer('acceptance_decided_by'),
    judgeId: integer('judge_id'),
    clerkId: integer('clerk_id'),
    judgeAssignedAt: text('judge_assigned_at'),
    judgeAssignedBy: integer('judge_assigned_by'),
    /** approved extension of the review period, in days, with who approved it and when */
    extensionDays: integer('extension_days').notNull().default(0),
    extensionApprovedBy: integer('extension_approved_by'),
    extensionApprovedAt: text('extension_approved_at'),
    extensionReason: text('extension_reason'),
    outcome: text('outcome'),
    /** JSON: the grounds of a rejection or non-acceptance, each with its article */
    grounds: text('grounds'),
    reasons: text('reasons'),
    decidedOn: text('decided_on'),
    decidedBy: integer('decided_by'),
    rulingDocumentId: integer('ruling_document_id').references(() => documents.id),
    signedAt: text('signed_at'),
    signedBy: integer('signed_by'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('confirmations_case_unique').on(t.caseId),
    index('confirmations_stage_idx').on(t.stage, t.appliedOn),
    index('confirmations_judge_idx').on(t.judgeId, t.stage),
    index('confirmations_applied_idx').on(t.appliedOn),
    // figures (issue 15): rulings in a period; the funnel's mediation → confirmation hand-off
    index('confirmations_decided_idx').on(t.decidedOn),
    index('confirmations_mediation_idx').on(t.mediationId),
  ],
);

/**
 * What happened in review (解释 arts. 356–357): 'appearance' (who appeared, what was asked), 'request' (material
 * asked for with a deadline; fulfilled_on when supplied), 'withdrawal' (a party withdraws), 'objection' (an
 * objection to the ruling, 解释 art. 372).
 */
export const confirmationSteps = sqliteTable(
  'confirmation_steps',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    confirmationId: integer('confirmation_id')
      .notNull()
      .references(() => confirmations.id),
    kind: text('kind').notNull(),
    on: text('on').notNull(),
    /** JSON: the step's particulars */
    data: text('data').notNull(),
    dueOn: text('due_on'),
    fulfilledOn: text('fulfilled_on'),
    userId: integer('user_id').notNull(),
    at: text('at').notNull(),
  },
  (t) => [index('confirmation_steps_idx').on(t.confirmationId, t.kind)],
);

/** Service (送达) of the ruling on each party: method, date, recipient, proof. */
export const confirmationServices = sqliteTable(
  'confirmation_services',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    confirmationId: integer('confirmation_id')
      .notNull()
      .references(() => confirmations.id),
    casePartyId: integer('case_party_id')
      .notNull()
      .references(() => caseParties.id),
    /** 'direct' 直接送达 | 'post' 邮寄送达 | 'electronic' 电子送达 | 'left' 留置送达 | 'entrusted' 委托送达 */
    method: text('method').notNull(),
    servedOn: text('served_on').notNull(),
    recipient: text('recipient').notNull(),
    proof: text('proof').notNull(),
    userId: integer('user_id').notNull(),
    at: text('at').notNull(),
  },
  (t) => [uniqueIndex('confirmation_services_party_unique').on(t.confirmationId, t.casePartyId)],
);
