import { sql } from 'drizzle-orm';
import {
  type AnySQLiteColumn,
  check,
  index,
  integer,
  primaryKey,
  real,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';
import {
  AWARD_CATEGORIES,
  AWARD_METHODS,
  AWARD_SCOPES,
  AWARD_TIERS,
  CLUSTER_KINDS,
  CLUSTER_LEVELS,
  DATASETS,
  GENDERS,
  MOVEMENT_KINDS,
  MOVEMENT_LEVELS,
  RECIPIENT_CLASSES,
  RECIPIENT_KINDS,
  RESYNC_PHASES,
  UNIT_KINDS,
} from '../domain/enums';

export const BATCH_STATUSES = ['staging', 'committing', 'committed', 'rolling_back', 'rolled_back'] as const;
export type BatchStatus = (typeof BATCH_STATUSES)[number];

// Every row that came from a file points at its import batch, so a batch can be listed,
// recognised when the same file comes again, and reversed as a whole.
export const importBatches = sqliteTable(
  'import_batches',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    dataset: text('dataset', { enum: DATASETS }).notNull(),
    filename: text('filename'),
    format: text('format', { enum: ['csv', 'xlsx', 'json', 'demo'] }).notNull(),
    contentHash: text('content_hash').notNull(),
    rows: integer('rows').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: text('created_at').notNull(),
    // staging -> committing -> committed -> rolling_back -> rolled_back (worker/imports/
    // lifecycle.ts). Only 'committed' and 'rolling_back' count; 'rolled_back' keeps the history
    // line after DELETE /imports/{id}.
    status: text('status', { enum: BATCH_STATUSES }).notNull(),
    rolledBackAt: text('rolled_back_at'),
    rolledBackBy: text('rolled_back_by'),
    // The cube is changed a slice of award ids at a time (D1 runs one query at a time per
    // database): the next slice starts after cube_cursor, the last ends at cube_until.
    cubeFrom: integer('cube_from'),
    cubeCursor: integer('cube_cursor'),
    cubeUntil: integer('cube_until'),
    // award_batch_sums holds the sums of this batch's awards with id <= summed_to (NULL: no sums,
    // as for a batch committed before the sums existed). Kept until the batch is rolled back.
    summedTo: integer('summed_to'),
    // The second sub-phase expands the sums into award_cube_delta a range of their ids at a time:
    // the next after sums_cursor, the last ending at sums_until (NULL until the sums are complete).
    sumsFrom: integer('sums_from'),
    sumsCursor: integer('sums_cursor'),
    sumsUntil: integer('sums_until'),
    // 1 once this batch's rows in award_cube_delta count for readers (set with the status flip).
    deltaVisible: integer('delta_visible').notNull().default(0),
    // Who is working on the batch and until when: a second DELETE during a live lease is a 409,
    // an expired lease (a crashed request) lets the next request finish the work.
    leaseOwner: text('lease_owner'),
    leaseUntil: text('lease_until'),
  },
  (t) => [
    index('import_batches_hash').on(t.dataset, t.contentHash),
    // Two uploads of the same file racing each other: only one can become committed.
    uniqueIndex('import_batches_committed_hash')
      .on(t.dataset, t.contentHash)
      .where(sql`${t.status} IN ('committing', 'committed')`),
    index('import_batches_status').on(t.status),
    // readers add the deltas of these batches: a probe that finds nothing in the usual case
    index('import_batches_delta_visible').on(t.id).where(sql`${t.deltaVisible} = 1`),
  ],
);

export const units = sqliteTable(
  'units',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    code: text('code').notNull(),
    name: text('name').notNull(),
    kind: text('kind', { enum: UNIT_KINDS }).notNull(),
    parentId: integer('parent_id').references((): AnySQLiteColumn => units.id),
    validFrom: text('valid_from'),
    validTo: text('valid_to'),
    batchId: integer('batch_id').references(() => importBatches.id),
  },
  (t) => [uniqueIndex('units_code').on(t.code), index('units_parent').on(t.parentId)],
);

// Ancestor-or-self pairs of the unit tree. Maintained whenever units change; it is what lets a
// subtree count be read from the award cube without walking parent_id at query time.
export const unitClosure = sqliteTable(
  'unit_closure',
  {
    ancestorId: integer('ancestor_id').notNull(),
    unitId: integer('unit_id').notNull(),
    depth: integer('depth').notNull(),
  },
  (t) => [primaryKey({ columns: [t.ancestorId, t.unitId] }), index('unit_closure_unit').on(t.unitId)],
);

export const unitLineage = sqliteTable(
  'unit_lineage',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    fromUnitId: integer('from_unit_id')
      .notNull()
      .references(() => units.id),
    toUnitId: integer('to_unit_id')
      .notNull()
      .references(() => units.id),
    effectiveDate: text('effective_date').notNull(),
    share: real('share').notNull().default(1),
    batchId: integer('batch_id').references(() => importBatches.id),
  },
  (t) => [
    uniqueIndex('unit_lineage_pair').on(t.fromUnitId, t.toUnitId),
    index('unit_lineage_to').on(t.toUnitId),
    check('unit_lineage_share', sql`${t.share} > 0 AND ${t.share} <= 1`),
  ],
);

export const clusters = sqliteTable(
  'clusters',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    code: text('code').notNull(),
    name: text('name').notNull(),
    kind: text('kind', { enum: CLUSTER_KINDS }).notNull(),
    level: text('level', { enum: CLUSTER_LEVELS }).notNull(),
    ownerUnitId: integer('owner_unit_id').references(() => units.id),
    batchId: integer('batch_id').references(() => importBatches.id),
  },
  (t) => [uniqueIndex('clusters_code').on(t.code)],
);

export const clusterMembers = sqliteTable(
  'cluster_members',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    clusterId: integer('cluster_id')
      .notNull()
      .references(() => clusters.id),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    yearFrom: integer('year_from').notNull(),
    yearTo: integer('year_to'),
    batchId: integer('batch_id').references(() => importBatches.id),
  },
  (t) => [
    index('cluster_members_cluster').on(t.clusterId, t.yearFrom),
    index('cluster_members_unit').on(t.unitId),
    check('cluster_members_years', sql`${t.yearTo} IS NULL OR ${t.yearTo} >= ${t.yearFrom}`),
  ],
);

export const movements = sqliteTable(
  'movements',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    code: text('code').notNull(),
    name: text('name').notNull(),
    level: text('level', { enum: MOVEMENT_LEVELS }).notNull(),
    kind: text('kind', { enum: MOVEMENT_KINDS }).notNull(),
    ownerUnitId: integer('owner_unit_id').references(() => units.id),
    startDate: text('start_date').notNull(),
    endDate: text('end_date'),
    batchId: integer('batch_id').references(() => importBatches.id),
  },
  (t) => [uniqueIndex('movements_code').on(t.code)],
);

export const awardTypes = sqliteTable('award_types', {
  code: text('code').primaryKey(),
  nameVi: text('name_vi').notNull(),
  nameEn: text('name_en'),
  category: text('category', { enum: AWARD_CATEGORIES }).notNull(),
  tier: text('tier', { enum: AWARD_TIERS }).notNull(),
  scope: text('scope', { enum: AWARD_SCOPES }).notNull(),
  householdAllowed: integer('household_allowed', { mode: 'boolean' }).notNull().default(false),
  validTo: text('valid_to'),
  builtin: integer('builtin', { mode: 'boolean' }).notNull().default(false),
  sortOrder: integer('sort_order').notNull().default(1000),
  batchId: integer('batch_id').references(() => importBatches.id),
});

export const awards = sqliteTable(
  'awards',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    batchId: integer('batch_id')
      .notNull()
      .references(() => importBatches.id),
    rowNo: integer('row_no').notNull(),
    year: integer('year').notNull(),
    awardCode: text('award_code')
      .notNull()
      .references(() => awardTypes.code),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    recipientKind: text('recipient_kind', { enum: RECIPIENT_KINDS }).notNull(),
    quantity: integer('quantity').notNull().default(1),
    gender: text('gender', { enum: GENDERS }),
    recipientClass: text('recipient_class', { enum: RECIPIENT_CLASSES }),
    method: text('method', { enum: AWARD_METHODS }).notNull().default('THUONG_XUYEN'),
    ethnicMinority: integer('ethnic_minority'),
    movementId: integer('movement_id').references(() => movements.id),
    decisionNo: text('decision_no'),
    decisionDate: text('decision_date'),
    recipientName: text('recipient_name'),
  },
  (t) => [index('awards_batch').on(t.batchId), check('awards_quantity', sql`${t.quantity} > 0`)],
);

export const movementResults = sqliteTable(
  'movement_results',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    batchId: integer('batch_id')
      .notNull()
      .references(() => importBatches.id),
    year: integer('year').notNull(),
    clusterId: integer('cluster_id')
      .notNull()
      .references(() => clusters.id),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    score: real('score'),
    rank: integer('rank').notNull(),
    proposedAwardCode: text('proposed_award_code').references(() => awardTypes.code),
  },
  (t) => [
    uniqueIndex('movement_results_key').on(t.clusterId, t.year, t.unitId),
    check('movement_results_rank', sql`${t.rank} > 0`),
  ],
);

// Pre-aggregated award counts: the only table the read API touches for counts, so a view
// costs rows in proportion to its answer, not to the number of raw awards (D1 bills rows
// read). Each raw award is added to every cuboid, once under each ancestor-or-self of its
// unit. Columns a cuboid does not keep hold '' (or 0), so one unique key serves all cuboids.
// See worker/queries/cube/dimensions.ts for the cuboids.
export const awardCube = sqliteTable(
  'award_cube',
  {
    cuboid: integer('cuboid').notNull(),
    unitId: integer('unit_id').notNull(),
    year: integer('year').notNull(),
    awardCode: text('award_code').notNull().default(''),
    tier: text('tier').notNull().default(''),
    category: text('category').notNull().default(''),
    recipientKind: text('recipient_kind').notNull().default(''),
    gender: text('gender').notNull().default(''),
    recipientClass: text('recipient_class').notNull().default(''),
    method: text('method').notNull().default(''),
    movementId: integer('movement_id').notNull().default(0),
    ethnicMinority: integer('ethnic_minority').notNull().default(-1),
    // months from January of the award's year to its decision (1-36), kept in one cuboid; 0 elsewhere
    decisionMonth: integer('decision_month').notNull().default(0),
    n: integer('n').notNull(),
  },
  (t) => [
    uniqueIndex('award_cube_key').on(
      t.cuboid,
      t.unitId,
      t.year,
      t.awardCode,
      t.tier,
      t.category,
      t.recipientKind,
      t.gender,
      t.recipientClass,
      t.method,
      t.movementId,
      t.ethnicMinority,
      t.decisionMonth,
    ),
    // the year range of the data (meta) in two index probes instead of a scan
    index('award_cube_years').on(t.cuboid, t.year),
    // after a rollback, the keys that dropped to zero are found without scanning the cube
    index('award_cube_zero').on(t.n).where(sql`${t.n} = 0`),
  ],
);

// A batch's awards summed by unit, year and the award's own dimensions (the award type's come
// from award_types at expansion): far fewer rows than awards, each key once, so the commit and the
// rollback expand these, not the awards, through the unit tree (worker/queries/cube/sums.ts).
// Columns a raw award leaves empty hold what the cube stores for them.
export const awardBatchSums = sqliteTable(
  'award_batch_sums',
  {
    id: integer('id').primaryKey(),
    batchId: integer('batch_id').notNull(),
    unitId: integer('unit_id').notNull(),
    year: integer('year').notNull(),
    awardCode: text('award_code').notNull(),
    recipientKind: text('recipient_kind').notNull(),
    gender: text('gender').notNull().default(''),
    recipientClass: text('recipient_class').notNull().default(''),
    method: text('method').notNull(),
    movementId: integer('movement_id').notNull().default(0),
    ethnicMinority: integer('ethnic_minority').notNull().default(-1),
    decisionMonth: integer('decision_month').notNull().default(0),
    n: integer('n').notNull(),
  },
  (t) => [
    uniqueIndex('award_batch_sums_key').on(
      t.batchId,
      t.unitId,
      t.year,
      t.awardCode,
      t.recipientKind,
      t.gender,
      t.recipientClass,
      t.method,
      t.movementId,
      t.ethnicMinority,
      t.decisionMonth,
    ),
  ],
);

// A batch's effect on award_cube while it is being committed or rolled back: built a slice at
// a time while invisible, made visible with the batch's status flip (import_batches.
// delta_visible), then merged into award_cube a slice at a time. Readers add the visible rows.
export const awardCubeDelta = sqliteTable(
  'award_cube_delta',
  {
    batchId: integer('batch_id').notNull(),
    cuboid: integer('cuboid').notNull(),
    unitId: integer('unit_id').notNull(),
    year: integer('year').notNull(),
    awardCode: text('award_code').notNull().default(''),
    tier: text('tier').notNull().default(''),
    category: text('category').notNull().default(''),
    recipientKind: text('recipient_kind').notNull().default(''),
    gender: text('gender').notNull().default(''),
    recipientClass: text('recipient_class').notNull().default(''),
    method: text('method').notNull().default(''),
    movementId: integer('movement_id').notNull().default(0),
    ethnicMinority: integer('ethnic_minority').notNull().default(-1),
    // months from January of the award's year to its decision (1-36), kept in one cuboid; 0 elsewhere
    decisionMonth: integer('decision_month').notNull().default(0),
    n: integer('n').notNull(),
  },
  (t) => [
    uniqueIndex('award_cube_delta_key').on(
      t.batchId,
      t.cuboid,
      t.unitId,
      t.year,
      t.awardCode,
      t.tier,
      t.category,
      t.recipientKind,
      t.gender,
      t.recipientClass,
      t.method,
      t.movementId,
      t.ethnicMinority,
      t.decisionMonth,
    ),
  ],
);

// Never holds a row: inserting into it fails the whole D1 batch (a transaction), which is how
// a batch of statements is made conditional on an import batch still being in the state it
// expects (worker/queries/imports/guard.ts).
export const importGuard = sqliteTable('import_guard', { batchId: integer('batch_id').notNull() }, (t) => [
  check('import_batch_changed', sql`${t.batchId} IS NULL`),
]);

// One row: bumped by every import and rollback; ETags and caches key on it.
export const dataState = sqliteTable('data_state', {
  id: integer('id').primaryKey(),
  version: integer('version').notNull(),
  updatedAt: text('updated_at').notNull(),
  // The catalogue (units, lineage, clusters, members, movements, award types) as catalog_snapshot
  // holds it: the version and a random stamp change with every snapshot written; triggers on the
  // six tables set catalog_clean = 0 on any change, so a snapshot is used only while it is 1.
  catalogVersion: integer('catalog_version').notNull().default(0),
  catalogClean: integer('catalog_clean').notNull().default(0),
  catalogStamp: text('catalog_stamp').notNull().default(''),
});

// The catalogue in a few large rows (JSON arrays of each table's rows, cut under D1's 2 MB per
// value), written in one transaction from the tables (worker/queries/catalog/snapshot.ts): the
// first read of an isolate costs these rows instead of every unit and lineage row.
export const catalogSnapshot = sqliteTable('catalog_snapshot', {
  part: text('part').primaryKey(),
  version: integer('version').notNull(),
  body: text('body').notNull(),
});

// award_cube mapped onto the units of the as_of dates T serves (worker/queries/today/): for each
// cuboid, target unit, year and the other dimensions, the awards landing in the target's subtree.
// Kept by triggers on award_cube through today_kernel (migration 0023), so it changes in the
// transaction that changes the cube. Shares make counts fractional: n is REAL.
export const awardCubeToday = sqliteTable(
  'award_cube_today',
  {
    cuboid: integer('cuboid').notNull(),
    unitId: integer('unit_id').notNull(),
    year: integer('year').notNull(),
    awardCode: text('award_code').notNull().default(''),
    tier: text('tier').notNull().default(''),
    category: text('category').notNull().default(''),
    recipientKind: text('recipient_kind').notNull().default(''),
    gender: text('gender').notNull().default(''),
    recipientClass: text('recipient_class').notNull().default(''),
    method: text('method').notNull().default(''),
    movementId: integer('movement_id').notNull().default(0),
    ethnicMinority: integer('ethnic_minority').notNull().default(-1),
    decisionMonth: integer('decision_month').notNull().default(0),
    n: real('n').notNull(),
  },
  (t) => [
    uniqueIndex('award_cube_today_key').on(
      t.cuboid,
      t.unitId,
      t.year,
      t.awardCode,
      t.tier,
      t.category,
      t.recipientKind,
      t.gender,
      t.recipientClass,
      t.method,
      t.movementId,
      t.ethnicMinority,
      t.decisionMonth,
    ),
  ],
);

// Cuboid 0 packed by unit: one row per unit holding every year's count as a JSON object
// ({"2024": 1234, ...}), of award_cube (source 0) or of award_cube_today (source 1). D1 counts
// rows read, about two a key probed or scanned: a unit's years in one row read 212 communes over
// 13 years as some 650 rows instead of 3,413. Kept by triggers on the two cubes' cuboid 0
// (migration 0024) in the transaction that changes them; each year's value is the cube's own n.
export const cubeUnitYears = sqliteTable(
  'cube_unit_years',
  {
    source: integer('source').notNull(),
    unitId: integer('unit_id').notNull(),
    years: text('years').notNull(),
  },
  (t) => [primaryKey({ columns: [t.source, t.unitId] })],
);

// K(u, t): the weight with which a cube row of unit u counts in award_cube_today at target t
// (worker/plan/today.ts). A few rows per unit, some negative.
export const todayKernel = sqliteTable(
  'today_kernel',
  {
    unitId: integer('unit_id').notNull(),
    targetId: integer('target_id').notNull(),
    weight: real('weight').notNull(),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.targetId] })],
);

export const TODAY_PHASES = ['stale', 'clearing', 'kernel', 'filling', 'ready'] as const;

// One row: where award_cube_today stands. A change of units or lineage (triggers) makes it stale
// and bumps the epoch; the rebuild clears, writes the kernel, then fills unit by unit: cube rows of
// units below `cursor` are in award_cube_today, and the triggers add changes of those only.
export const todayState = sqliteTable(
  'today_state',
  {
    id: integer('id').primaryKey(),
    phase: text('phase', { enum: TODAY_PHASES }).notNull(),
    epoch: integer('epoch').notNull(),
    cursor: integer('cursor').notNull(),
    /** The first as_of date served (every date from it on has the same units and mapping). */
    servedFrom: text('served_from'),
    /** The geography (tree, validity, lineage) the kernel was computed from. */
    geoHash: text('geo_hash'),
    leaseOwner: text('lease_owner'),
    leaseUntil: text('lease_until'),
    readyAt: text('ready_at'),
  },
  (t) => [check('today_state_one', sql`${t.id} = 1`)],
);

// Never holds a row (like import_guard): a rebuild step's batch starts with an insert here unless
// today_state is still in the epoch and phase the step was written for.
export const todayGuard = sqliteTable('today_guard', { epoch: integer('epoch') }, (t) => [
  check('today_rebuild_changed', sql`${t.epoch} IS NULL AND ${t.epoch} IS NOT NULL`),
]);

// Signed embed tokens: the JWT carries chart, locked params, origin, expiry and this
// row's id as `jti`; the row lets tokens be listed and revoked (revoked or unknown jti -> 401).
export const embedTokens = sqliteTable('embed_tokens', {
  id: text('id').primaryKey(),
  chart: text('chart').notNull(),
  params: text('params').notNull(),
  origin: text('origin').notNull(),
  label: text('label'),
  createdAt: text('created_at').notNull(),
  expiresAt: text('expires_at').notNull(),
  revokedAt: text('revoked_at'),
  createdBy: text('created_by').notNull(),
});

// Published snapshots: a chart with a fixed query and its answer frozen when published, for a
// permanent read-only page (reports quote numbers that must not change with later imports).
export const snapshots = sqliteTable('snapshots', {
  id: text('id').primaryKey(),
  chart: text('chart').notNull(),
  params: text('params').notNull(),
  label: text('label'),
  data: text('data').notNull(),
  dataVersion: integer('data_version').notNull(),
  createdAt: text('created_at').notNull(),
  createdBy: text('created_by').notNull(),
  // A withdrawn snapshot keeps its row (its URL then says when it was withdrawn) but not its
  // figures: withdrawing is how a wrong or too-wide publication is taken down.
  withdrawnAt: text('withdrawn_at'),
  withdrawnBy: text('withdrawn_by'),
});

// Access control. Roles are ordered viewer < analyst < editor < admin; a user may be
// limited to a unit (with its subtree) or a cluster. Scopes are kept as codes, not foreign keys,
// so that a reference rollback never fails on them: a code that no longer resolves grants nothing.
export const ROLES = ['viewer', 'analyst', 'editor', 'admin'] as const;

export const users = sqliteTable(
  'users',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    // lower case; Cloudflare Access identities are matched on it
    email: text('email').notNull().unique(),
    name: text('name'),
    role: text('role', { enum: ROLES }).notNull(),
    scopeUnit: text('scope_unit'),
    scopeCluster: text('scope_cluster'),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').notNull(),
    disabledAt: text('disabled_at'),
  },
  (t) => [
    check('users_role', sql`${t.role} IN ('viewer', 'analyst', 'editor', 'admin')`),
    check('users_one_scope', sql`${t.scopeUnit} IS NULL OR ${t.scopeCluster} IS NULL`),
  ],
);

// API tokens for scripts: only a SHA-256 of the token is kept (the token is shown once).
export const apiTokens = sqliteTable(
  'api_tokens',
  {
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    label: text('label').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').notNull(),
    expiresAt: text('expires_at').notNull(),
    lastUsedAt: text('last_used_at'),
    revokedAt: text('revoked_at'),
  },
  (t) => [index('api_tokens_user').on(t.userId)],
);

// Browser sessions (cookie). user_id NULL is the bootstrap admin (signed in through a link
// signed with ADMIN_TOKEN), which has no user row.
export const sessions = sqliteTable(
  'sessions',
  {
    idHash: text('id_hash').primaryKey(),
    userId: integer('user_id').references(() => users.id),
    createdAt: text('created_at').notNull(),
    expiresAt: text('expires_at').notNull(),
  },
  (t) => [index('sessions_expires').on(t.expiresAt)],
);

// Sign-in links: each link's ticket carries this row's id as `jti`, and a link opens
// one session only. A link an admin makes for a user is recorded when it is made, so changing
// the user's access (disable, role, scope) withdraws it; the bootstrap admin's links (printed by
// `npm start`, signed with SIGN_IN_SECRET outside the Worker) are recorded when first used.
export const signInLinks = sqliteTable(
  'sign_in_links',
  {
    id: text('id').primaryKey(),
    // NULL: the bootstrap admin
    userId: integer('user_id').references(() => users.id),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').notNull(),
    expiresAt: text('expires_at').notNull(),
    usedAt: text('used_at'),
    revokedAt: text('revoked_at'),
  },
  (t) => [index('sign_in_links_user').on(t.userId), index('sign_in_links_expires').on(t.expiresAt)],
);

// Who changed what: imports, rollbacks, users, tokens, sign-ins. Read by admins only.
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    target: text('target'),
    detail: text('detail'),
  },
  (t) => [index('audit_log_at').on(t.at)],
);

// Failed credential checks per client address in a fixed window, for rate limiting.
export const authFailures = sqliteTable('auth_failures', {
  client: text('client').primaryKey(),
  windowStart: integer('window_start').notNull(),
  count: integer('count').notNull(),
});

// A unit name as the analysts' lists write it, remembered once resolved on the Dữ liệu page:
// later files with the same text (folded as names are: no case, diacritics or "UBND" prefix)
// mean that unit. No year range of its own: the alias holds while the unit existed, and a row
// of another year gets the usual "did not exist" error naming the alias.
export const unitAliases = sqliteTable(
  'unit_aliases',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** unitKey() of the text: what files are matched by; one unit per text. */
    alias: text('alias').notNull(),
    /** The text as the analyst's file wrote it, for the list. */
    aliasText: text('alias_text').notNull(),
    // a units batch rolled back takes its units' aliases with it
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'cascade' }),
    createdBy: text('created_by').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('unit_aliases_alias').on(t.alias), index('unit_aliases_unit').on(t.unitId)],
);

// The indicators a target can be set for: the ones the dashboard already computes
// (awards/indicators), so a target is always compared with a number the API answers.
export const TARGET_INDICATORS = [
  'total',
  'direct_share',
  'women_share',
  'ethnic_minority_share',
  'leader_share',
] as const;
export const TARGET_COMPARISONS = ['at_least', 'at_most'] as const;

// A goal a province (or a unit for its subtree) set for one indicator and year. Shares are
// fractions as the indicators answer them (0.3 = 30 %). One target per indicator, year and unit:
// setting it again replaces it (the audit log keeps the earlier value).
export const targets = sqliteTable(
  'targets',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    indicator: text('indicator', { enum: TARGET_INDICATORS }).notNull(),
    year: integer('year').notNull(),
    // a units batch rolled back takes its units' targets with it
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'cascade' }),
    value: real('value').notNull(),
    comparison: text('comparison', { enum: TARGET_COMPARISONS }).notNull(),
    updatedBy: text('updated_by').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('targets_key').on(t.indicator, t.year, t.unitId),
    index('targets_unit').on(t.unitId, t.year),
    check(
      'targets_indicator',
      sql`${t.indicator} IN ('total', 'direct_share', 'women_share',
      'ethnic_minority_share', 'leader_share')`,
    ),
    check('targets_comparison', sql`${t.comparison} IN ('at_least', 'at_most')`),
    check('targets_value', sql`${t.value} >= 0 AND (${t.indicator} = 'total' OR ${t.value} <= 1)`),
  ],
);

// A note an editor put on the time charts ("why does the line move here"): a day or a whole
// year, for one unit and everything under it, or everywhere (unit_id null).
export const annotations = sqliteTable(
  'annotations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    year: integer('year').notNull(),
    /** YYYY-MM-DD within `year`, or null for the year as a whole. */
    date: text('date'),
    textVi: text('text_vi').notNull(),
    textEn: text('text_en'),
    unitId: integer('unit_id').references(() => units.id, { onDelete: 'cascade' }),
    createdBy: text('created_by').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('annotations_year').on(t.year), index('annotations_unit').on(t.unitId)],
);

// A big file sent to R2 and imported by the Workflow (worker/workflows/import.ts): one row per
// upload, keyed by the Workflow instance's id, so that the Dữ liệu page can show how far it got
// and cancel it. The batch it stages into appears once its rows start to go in.
export const UPLOAD_STAGES = [
  'receiving', // parts of an R2 multipart upload still coming in
  'queued', // the file is in R2, the Workflow created
  'reading', // read, checked and staged (rows_read, rows_checked, errors)
  'committing', // the batch's sliced commit (its progress is the batch's)
  'cleanup', // the R2 object deleted
  'done',
  'invalid', // the file had problems: result holds the same body a one-request 422 has
  'duplicate', // the same file was already imported: result holds duplicate_of
  'cancelled',
  'failed', // the Workflow gave up (result holds the error)
] as const;
export type UploadStage = (typeof UPLOAD_STAGES)[number];

export const uploads = sqliteTable(
  'uploads',
  {
    id: text('id').primaryKey(),
    dataset: text('dataset', { enum: DATASETS }).notNull(),
    filename: text('filename'),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull().default(0),
    // the R2 multipart upload, while its parts come in
    multipartId: text('multipart_id'),
    createdBy: text('created_by').notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    stage: text('stage', { enum: UPLOAD_STAGES }).notNull(),
    rowsRead: integer('rows_read').notNull().default(0),
    rowsChecked: integer('rows_checked').notNull().default(0),
    errors: integer('errors').notNull().default(0),
    batchId: integer('batch_id').references(() => importBatches.id, { onDelete: 'set null' }),
    // JSON: the answer of a file with problems (errors, error_groups…), a duplicate's, or a failure's
    result: text('result'),
    cancelledAt: text('cancelled_at'),
    cancelledBy: text('cancelled_by'),
  },
  (t) => [index('uploads_created').on(t.createdAt)],
);

// The parts of an R2 multipart upload received so far (R2 needs every part's etag to complete it).
export const uploadParts = sqliteTable(
  'upload_parts',
  {
    uploadId: text('upload_id')
      .notNull()
      .references(() => uploads.id, { onDelete: 'cascade' }),
    part: integer('part').notNull(),
    etag: text('etag').notNull(),
    size: integer('size').notNull(),
  },
  (t) => [primaryKey({ columns: [t.uploadId, t.part] })],
);

// Federation (worker/federation/): province instances push their aggregates to a national one.

// National: a push token per province, made by the national admin. Only its SHA-256 is kept,
// and that digest is the HMAC key the province signs with (worker/federation/signature.ts), so
// the token itself never travels after it was handed over.
export const federationTokens = sqliteTable(
  'federation_tokens',
  {
    id: text('id').primaryKey(),
    province: text('province').notNull(),
    keyHash: text('key_hash').notNull().unique(),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').notNull(),
    revokedAt: text('revoked_at'),
  },
  (t) => [index('federation_tokens_province').on(t.province)],
);

// National: what has been applied from each province. `version` is the province's data version
// the national copy equals; `signed_at` of the last push accepted (a push must be newer).
export const federationProvinces = sqliteTable('federation_provinces', {
  province: text('province').primaryKey(),
  version: integer('version').notNull().default(0),
  signedAt: text('signed_at').notNull().default(''),
  pushedAt: text('pushed_at'),
  seenAt: text('seen_at'),
  geographyHash: text('geography_hash').notNull().default(''),
  /** JSON [{year, n}]: the province's own totals as it reported them with its last push. */
  reported: text('reported').notNull().default('[]'),
  /** cube rows the last push that changed something carried (the cost of a push, docs/scaling.md) */
  lastRows: integer('last_rows').notNull().default(0),
});

// National: which province each unit code belongs to, so one province cannot write another's.
export const federationUnits = sqliteTable(
  'federation_units',
  {
    unitId: integer('unit_id').primaryKey(),
    province: text('province').notNull(),
  },
  (t) => [index('federation_units_province').on(t.province)],
);

// Never holds a row: like import_guard, an insert fails the whole D1 batch, which makes a push
// (national) or an acknowledgement (province) conditional on the state it was checked against.
export const federationGuard = sqliteTable('federation_guard', { province: text('province') }, (t) => [
  check('federation_state_changed', sql`${t.province} IS NULL AND ${t.province} IS NOT NULL`),
]);

// Province: the cube changes not yet acknowledged by the national, one row per cube key (a JSON
// array of award_cube's key columns) with the net change. Each merge of a committed or rolled-back
// batch's delta adds to it in the same transaction (worker/queries/federation/pending.ts), so a
// push is what changed since the last one, read without comparing the whole cube.
export const federationPending = sqliteTable('federation_pending', {
  k: text('k').primaryKey(),
  n: integer('n').notNull(),
});

// Province: one row, the outbox's state (what the national acknowledged, who is sending).
export const federationOutbox = sqliteTable('federation_outbox', {
  id: integer('id').primaryKey(),
  ackedVersion: integer('acked_version').notNull().default(0),
  ackedAt: text('acked_at'),
  attemptedAt: text('attempted_at'),
  lastError: text('last_error'),
  leaseUntil: text('lease_until'),
  // 1 until a whole-cube push is acknowledged: the first push, or after the national asked for one
  fullNeeded: integer('full_needed').notNull().default(1),
  // The whole-cube push goes in slices (worker/federation/resyncSend.ts): the resync's id, the
  // national version it replaces, the next slice, the last cube key sent (a JSON array, in the
  // cube's key order), the data version of the last slice read, and 1 once every slice is in.
  resyncId: text('resync_id'),
  resyncBase: integer('resync_base').notNull().default(0),
  resyncSlice: integer('resync_slice').notNull().default(0),
  resyncCursor: text('resync_cursor'),
  resyncVersion: integer('resync_version').notNull().default(0),
  resyncSent: integer('resync_sent').notNull().default(0),
});

// National: a province's whole-cube resync (worker/federation/resyncReceive.ts). Its slices add
// into the invisible delta of import batch batch_id (award_cube_delta), its old rows are taken
// off that delta in slices ('removing', cursor = the last cube key done), the flip makes the
// delta visible with the new geography ('merging'), the merge moves it into award_cube a slice
// at a time. Readers see the old figures until the flip and the new ones from it.
// Province: the codes of units and movements deleted here (a units or movements batch rolled
// back) while changes of theirs may still wait in federation_pending, keyed by their old ids:
// the push names them by code, and the national removes the units it no longer receives. Ids
// are never reused (AUTOINCREMENT); a row goes once no pending change refers to it.
export const federationRemoved = sqliteTable(
  'federation_removed',
  {
    kind: text('kind', { enum: ['unit', 'movement'] }).notNull(),
    id: integer('id').notNull(),
    code: text('code').notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.id] })],
);

export const federationResyncs = sqliteTable('federation_resyncs', {
  province: text('province').primaryKey(),
  id: text('id').notNull(),
  batchId: integer('batch_id').notNull(),
  phase: text('phase', { enum: RESYNC_PHASES }).notNull(),
  nextSlice: integer('next_slice').notNull().default(0),
  cursor: text('cursor'),
  /** the province's data version the resync brings the national copy to (its last slice's) */
  version: integer('version').notNull().default(0),
  geographyHash: text('geography_hash').notNull(),
  rows: integer('rows').notNull().default(0),
  /** JSON [{year, n}]: the province's own totals with its last slice */
  reported: text('reported').notNull().default('[]'),
  startedAt: text('started_at').notNull(),
  updatedAt: text('updated_at').notNull(),
  /** requests the resync took here, and its longest D1 batch in ms (meant to stay near a second) */
  requests: integer('requests').notNull().default(0),
  longestMs: integer('longest_ms').notNull().default(0),
});
