import type { Kysely } from 'kysely';

/**
 * Bankruptcy (易破) tables. Money is integer fen (bigint), dates `YYYY-MM-DD` text (days in China), instants
 * ISO-8601 UTC text, booleans 0/1, JSON text.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // Case-number serials per year, court and type code (SPC Provisions on Case Numbers Art. 10).
  await db.schema
    .createTable('bk_case_counters')
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('court_code', 'text', (c) => c.notNull())
    .addColumn('type_code', 'text', (c) => c.notNull())
    .addColumn('last_serial', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('bk_case_counters_pk', ['year', 'court_code', 'type_code'])
    .execute();

  await db.schema
    .createTable('bk_cases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('application_number', 'text', (c) => c.notNull().unique())
    .addColumn('case_number', 'text', (c) => c.unique())
    .addColumn('procedure', 'text', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('applicant_name', 'text', (c) => c.notNull())
    .addColumn('applicant_role', 'text', (c) => c.notNull())
    .addColumn('debtor_name', 'text', (c) => c.notNull())
    .addColumn('debtor_uscc', 'text', (c) => c.notNull())
    .addColumn('debtor_organization_id', 'text', (c) => c.references('organizations.id'))
    .addColumn('court_organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('court_code', 'text', (c) => c.notNull())
    .addColumn('judge_user_id', 'text')
    .addColumn('administrator_organization_id', 'text', (c) => c.references('organizations.id'))
    .addColumn('administrator_appointed_on', 'text')
    .addColumn('applied_on', 'text', (c) => c.notNull())
    .addColumn('accepted_on', 'text')
    .addColumn('acceptance_announced_on', 'text')
    .addColumn('claim_period_ends_on', 'text')
    .addColumn('first_meeting_on', 'text')
    .addColumn('reorganization_ruled_on', 'text')
    .addColumn('plan_period_extended', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('plan_received_on', 'text')
    .addColumn('plan_passed_on', 'text')
    .addColumn('approval_applied_on', 'text')
    .addColumn('final_distribution_announced_on', 'text')
    .addColumn('closed_on', 'text')
    .addColumn('converted_from', 'text')
    .addColumn('converted_on', 'text')
    .addColumn('disbursement_threshold_fen', 'bigint', (c) => c.notNull())
    .addColumn('acceptance_ledger_index', 'integer')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('bk_cases_court').on('bk_cases').columns(['court_organization_id', 'stage']).execute();
  await db.schema.createIndex('bk_cases_administrator').on('bk_cases').columns(['administrator_organization_id', 'stage']).execute();
  await db.schema.createIndex('bk_cases_debtor').on('bk_cases').column('debtor_uscc').execute();

  await db.schema
    .createTable('bk_claims')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('bk_cases.id'))
    // Null for an employee listed under Art. 48 who has no account: the claim id then stands for the voter.
    .addColumn('creditor_organization_id', 'text', (c) => c.references('organizations.id'))
    .addColumn('creditor_name', 'text', (c) => c.notNull())
    .addColumn('filed_by_user_id', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('nature', 'text', (c) => c.notNull())
    .addColumn('principal_fen', 'bigint', (c) => c.notNull())
    .addColumn('interest_fen', 'bigint', (c) => c.notNull())
    .addColumn('other_fen', 'bigint', (c) => c.notNull())
    .addColumn('claimed_fen', 'bigint', (c) => c.notNull())
    .addColumn('secured', 'integer', (c) => c.notNull())
    .addColumn('collateral_description', 'text')
    .addColumn('collateral_value_fen', 'bigint')
    .addColumn('security_waived', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('claim_condition', 'text', (c) => c.notNull())
    .addColumn('joint', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('agent_name', 'text')
    .addColumn('agent_authorization_file_id', 'text')
    .addColumn('late', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('confirmed_fen', 'bigint')
    .addColumn('provisional_fen', 'bigint')
    .addColumn('review_points', 'text')
    .addColumn('review_reason', 'text')
    .addColumn('reviewed_by', 'text')
    .addColumn('reviewed_at', 'text')
    .addColumn('court_confirmed_on', 'text')
    .addColumn('disputed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('filed_at', 'text', (c) => c.notNull())
    .addColumn('ledger_index', 'integer')
    .addColumn('review_ledger_index', 'integer')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('bk_claims_case').on('bk_claims').columns(['case_id', 'status']).execute();
  await db.schema.createIndex('bk_claims_creditor').on('bk_claims').columns(['creditor_organization_id', 'case_id']).execute();

  await db.schema
    .createTable('bk_claim_evidence')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('claim_id', 'text', (c) => c.notNull().references('bk_claims.id'))
    .addColumn('file_id', 'text', (c) => c.notNull())
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('bk_claim_evidence_claim').on('bk_claim_evidence').column('claim_id').execute();

  await db.schema
    .createTable('bk_claim_objections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('claim_id', 'text', (c) => c.notNull().references('bk_claims.id'))
    .addColumn('case_id', 'text', (c) => c.notNull().references('bk_cases.id'))
    .addColumn('objector_organization_id', 'text', (c) => c.notNull())
    .addColumn('objector_name', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('bk_claim_objections_case').on('bk_claim_objections').columns(['case_id', 'claim_id']).execute();

  await db.schema
    .createTable('bk_announcements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('bk_cases.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('issuer_kind', 'text', (c) => c.notNull())
    .addColumn('issuer_organization_id', 'text', (c) => c.notNull())
    .addColumn('issuer_name', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('pdf_sha256', 'text')
    .addColumn('ledger_index', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('bk_announcements_published').on('bk_announcements').columns(['published_at']).execute();
  await db.schema.createIndex('bk_announcements_case').on('bk_announcements').columns(['case_id', 'published_at']).execute();

  await db.schema
    .createTable('bk_meetings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('bk_cases.id'))
    .addColumn('sequence', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('meeting_on', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('notice_sent_on', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('bk_meetings_case').on('bk_meetings').columns(['case_id', 'sequence']).unique().execute();

  await db.schema
    .createTable('bk_attendance')
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('bk_meetings.id'))
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('signed_in_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('bk_attendance_pk', ['meeting_id', 'organization_id'])
    .execute();

  await db.schema
    .createTable('bk_agenda_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('bk_meetings.id'))
    .addColumn('case_id', 'text', (c) => c.notNull().references('bk_cases.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('attempt', 'integer', (c) => c.notNull())
    .addColumn('revote_of', 'text')
    .addColumn('revote_groups', 'text')
    .addColumn('ballot_policy', 'text', (c) => c.notNull())
    .addColumn('opens_at', 'text', (c) => c.notNull())
    .addColumn('closes_at', 'text', (c) => c.notNull())
    .addColumn('small_claims_threshold_fen', 'bigint')
    .addColumn('shareholders', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('passed', 'integer')
    .addColumn('outcome', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('next_step', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('result_notice_due_on', 'text')
    .addColumn('result_ledger_index', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('bk_agenda_items_meeting').on('bk_agenda_items').column('meeting_id').execute();

  await db.schema
    .createTable('bk_ballots')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('item_id', 'text', (c) => c.notNull().references('bk_agenda_items.id'))
    // The voter: an organization id, `claim:<id>` for a listed employee without an account (Art. 48), or a
    // shareholder's organization id in the shareholder group.
    .addColumn('voter_id', 'text', (c) => c.notNull())
    .addColumn('voting_group', 'text')
    .addColumn('choice', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('cast_at', 'text', (c) => c.notNull())
    .addColumn('cast_by_user_id', 'text', (c) => c.notNull())
    .addColumn('scan_file_id', 'text')
    // Set on the effective ballot, NULL once superseded: a unique index then makes "one effective ballot per
    // voter and group" hold even under concurrent requests.
    .addColumn('effective_key', 'text', (c) => c.unique())
    .addColumn('superseded_at', 'text')
    .addColumn('ledger_index', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('bk_ballots_item').on('bk_ballots').columns(['item_id', 'voter_id']).execute();

  await db.schema
    .createTable('bk_disbursements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('bk_cases.id'))
    .addColumn('amount_fen', 'bigint', (c) => c.notNull())
    .addColumn('payee', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('needs_approval', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'text', (c) => c.notNull())
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('decision_note', 'text')
    .addColumn('executed_at', 'text')
    .addColumn('bank_reference', 'text')
    .addColumn('ledger_index', 'integer')
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('bk_disbursements_case').on('bk_disbursements').columns(['case_id', 'status']).execute();

  await db.schema
    .createTable('bk_fund_movements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('bk_cases.id'))
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('amount_fen', 'bigint', (c) => c.notNull())
    .addColumn('occurred_on', 'text', (c) => c.notNull())
    .addColumn('counterparty', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('bank_reference', 'text')
    .addColumn('disbursement_id', 'text')
    .addColumn('reconciled', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('bk_fund_movements_case').on('bk_fund_movements').columns(['case_id', 'occurred_on']).execute();

  await db.schema
    .createTable('bk_assets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('bk_cases.id'))
    .addColumn('asset_type', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('valuation_fen', 'bigint', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('bk_assets_case').on('bk_assets').column('case_id').execute();

  await db.schema
    .createTable('bk_investigations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('bk_cases.id'))
    .addColumn('department', 'text', (c) => c.notNull())
    .addColumn('request_text', 'text', (c) => c.notNull())
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('answer_text', 'text')
    .addColumn('answered_at', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('bk_investigations_case').on('bk_investigations').column('case_id').execute();

  await db.schema
    .createTable('bk_auctions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('bk_cases.id'))
    .addColumn('asset_id', 'text', (c) => c.notNull().references('bk_assets.id'))
    .addColumn('round', 'integer', (c) => c.notNull())
    .addColumn('start_price_fen', 'bigint', (c) => c.notNull())
    .addColumn('sale_price_fen', 'bigint')
    .addColumn('auction_on', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('bk_auctions_case').on('bk_auctions').column('case_id').execute();

  await db.schema
    .createTable('bk_investor_registrations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('bk_cases.id'))
    .addColumn('investor_organization_id', 'text', (c) => c.notNull())
    .addColumn('investor_name', 'text', (c) => c.notNull())
    .addColumn('undertaking_accepted_at', 'text', (c) => c.notNull())
    .addColumn('data_room_access', 'integer', (c) => c.notNull())
    .addColumn('intention_summary', 'text')
    .addColumn('intention_file_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('ledger_index', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('bk_investor_registrations_case').on('bk_investor_registrations').columns(['case_id', 'investor_organization_id']).unique().execute();

  await db.schema
    .createTable('bk_distribution_plans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('bk_cases.id'))
    .addColumn('round', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('input', 'text', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('distributed_fen', 'bigint', (c) => c.notNull())
    .addColumn('estate_fen', 'bigint', (c) => c.notNull())
    .addColumn('pdf_sha256', 'text')
    .addColumn('ledger_index', 'integer')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('bk_distribution_plans_case').on('bk_distribution_plans').columns(['case_id', 'round']).execute();

  await db.schema
    .createTable('bk_distressed_enterprises')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('uscc', 'text', (c) => c.notNull())
    .addColumn('district', 'text', (c) => c.notNull())
    .addColumn('needs', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('registered_by_organization_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('bk_mediations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('distressed_enterprise_id', 'text')
    .addColumn('debtor_name', 'text', (c) => c.notNull())
    .addColumn('parties', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('amount_fen', 'bigint', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('recorded_by_organization_id', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('bk_pre_reorganizations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('debtor_name', 'text', (c) => c.notNull())
    .addColumn('debtor_uscc', 'text', (c) => c.notNull())
    .addColumn('court_organization_id', 'text', (c) => c.notNull())
    .addColumn('temporary_administrator', 'text')
    .addColumn('registered_on', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('converted_case_id', 'text')
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'bk_pre_reorganizations',
    'bk_mediations',
    'bk_distressed_enterprises',
    'bk_distribution_plans',
    'bk_investor_registrations',
    'bk_auctions',
    'bk_investigations',
    'bk_assets',
    'bk_fund_movements',
    'bk_disbursements',
    'bk_ballots',
    'bk_agenda_items',
    'bk_attendance',
    'bk_meetings',
    'bk_announcements',
    'bk_claim_objections',
    'bk_claim_evidence',
    'bk_claims',
    'bk_cases',
    'bk_case_counters',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
