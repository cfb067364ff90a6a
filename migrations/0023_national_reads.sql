CREATE TABLE `award_cube_today` (
	`cuboid` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`year` integer NOT NULL,
	`award_code` text DEFAULT '' NOT NULL,
	`tier` text DEFAULT '' NOT NULL,
	`category` text DEFAULT '' NOT NULL,
	`recipient_kind` text DEFAULT '' NOT NULL,
	`gender` text DEFAULT '' NOT NULL,
	`recipient_class` text DEFAULT '' NOT NULL,
	`method` text DEFAULT '' NOT NULL,
	`movement_id` integer DEFAULT 0 NOT NULL,
	`ethnic_minority` integer DEFAULT -1 NOT NULL,
	`decision_month` integer DEFAULT 0 NOT NULL,
	`n` real NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `award_cube_today_key` ON `award_cube_today` (`cuboid`,`unit_id`,`year`,`award_code`,`tier`,`category`,`recipient_kind`,`gender`,`recipient_class`,`method`,`movement_id`,`ethnic_minority`,`decision_month`);--> statement-breakpoint
CREATE TABLE `catalog_snapshot` (
	`part` text PRIMARY KEY NOT NULL,
	`version` integer NOT NULL,
	`body` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `today_guard` (
	`epoch` integer,
	CONSTRAINT "today_rebuild_changed" CHECK("today_guard"."epoch" IS NULL AND "today_guard"."epoch" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE `today_kernel` (
	`unit_id` integer NOT NULL,
	`target_id` integer NOT NULL,
	`weight` real NOT NULL,
	PRIMARY KEY(`unit_id`, `target_id`)
);
--> statement-breakpoint
CREATE TABLE `today_state` (
	`id` integer PRIMARY KEY NOT NULL,
	`phase` text NOT NULL,
	`epoch` integer NOT NULL,
	`cursor` integer NOT NULL,
	`served_from` text,
	`geo_hash` text,
	`lease_owner` text,
	`lease_until` text,
	`ready_at` text,
	CONSTRAINT "today_state_one" CHECK("today_state"."id" = 1)
);
--> statement-breakpoint
ALTER TABLE `data_state` ADD `catalog_version` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `data_state` ADD `catalog_clean` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `data_state` ADD `catalog_stamp` text DEFAULT '' NOT NULL;--> statement-breakpoint
-- award_cube_today is stale until its first rebuild (worker/queries/today/rebuild.ts)
INSERT INTO today_state (id, phase, epoch, cursor) VALUES (1, 'stale', 1, -1);
--> statement-breakpoint
CREATE TRIGGER catalog_changed_units_insert AFTER INSERT ON units BEGIN
  UPDATE data_state SET catalog_clean = 0 WHERE id = 1 AND catalog_clean = 1;
END;
--> statement-breakpoint
CREATE TRIGGER catalog_changed_units_update AFTER UPDATE ON units BEGIN
  UPDATE data_state SET catalog_clean = 0 WHERE id = 1 AND catalog_clean = 1;
END;
--> statement-breakpoint
CREATE TRIGGER catalog_changed_units_delete AFTER DELETE ON units BEGIN
  UPDATE data_state SET catalog_clean = 0 WHERE id = 1 AND catalog_clean = 1;
END;
--> statement-breakpoint
CREATE TRIGGER catalog_changed_unit_lineage_insert AFTER INSERT ON unit_lineage BEGIN
  UPDATE data_state SET catalog_clean = 0 WHERE id = 1 AND catalog_clean = 1;
END;
--> statement-breakpoint
CREATE TRIGGER catalog_changed_unit_lineage_update AFTER UPDATE ON unit_lineage BEGIN
  UPDATE data_state SET catalog_clean = 0 WHERE id = 1 AND catalog_clean = 1;
END;
--> statement-breakpoint
CREATE TRIGGER catalog_changed_unit_lineage_delete AFTER DELETE ON unit_lineage BEGIN
  UPDATE data_state SET catalog_clean = 0 WHERE id = 1 AND catalog_clean = 1;
END;
--> statement-breakpoint
CREATE TRIGGER catalog_changed_clusters_insert AFTER INSERT ON clusters BEGIN
  UPDATE data_state SET catalog_clean = 0 WHERE id = 1 AND catalog_clean = 1;
END;
--> statement-breakpoint
CREATE TRIGGER catalog_changed_clusters_update AFTER UPDATE ON clusters BEGIN
  UPDATE data_state SET catalog_clean = 0 WHERE id = 1 AND catalog_clean = 1;
END;
--> statement-breakpoint
CREATE TRIGGER catalog_changed_clusters_delete AFTER DELETE ON clusters BEGIN
  UPDATE data_state SET catalog_clean = 0 WHERE id = 1 AND catalog_clean = 1;
END;
--> statement-breakpoint
CREATE TRIGGER catalog_changed_cluster_members_insert AFTER INSERT ON cluster_members BEGIN
  UPDATE data_state SET catalog_clean = 0 WHERE id = 1 AND catalog_clean = 1;
END;
--> statement-breakpoint
CREATE TRIGGER catalog_changed_cluster_members_update AFTER UPDATE ON cluster_members BEGIN
  UPDATE data_state SET catalog_clean = 0 WHERE id = 1 AND catalog_clean = 1;
END;
--> statement-breakpoint
CREATE TRIGGER catalog_changed_cluster_members_delete AFTER DELETE ON cluster_members BEGIN
  UPDATE data_state SET catalog_clean = 0 WHERE id = 1 AND catalog_clean = 1;
END;
--> statement-breakpoint
CREATE TRIGGER catalog_changed_movements_insert AFTER INSERT ON movements BEGIN
  UPDATE data_state SET catalog_clean = 0 WHERE id = 1 AND catalog_clean = 1;
END;
--> statement-breakpoint
CREATE TRIGGER catalog_changed_movements_update AFTER UPDATE ON movements BEGIN
  UPDATE data_state SET catalog_clean = 0 WHERE id = 1 AND catalog_clean = 1;
END;
--> statement-breakpoint
CREATE TRIGGER catalog_changed_movements_delete AFTER DELETE ON movements BEGIN
  UPDATE data_state SET catalog_clean = 0 WHERE id = 1 AND catalog_clean = 1;
END;
--> statement-breakpoint
CREATE TRIGGER catalog_changed_award_types_insert AFTER INSERT ON award_types BEGIN
  UPDATE data_state SET catalog_clean = 0 WHERE id = 1 AND catalog_clean = 1;
END;
--> statement-breakpoint
CREATE TRIGGER catalog_changed_award_types_update AFTER UPDATE ON award_types BEGIN
  UPDATE data_state SET catalog_clean = 0 WHERE id = 1 AND catalog_clean = 1;
END;
--> statement-breakpoint
CREATE TRIGGER catalog_changed_award_types_delete AFTER DELETE ON award_types BEGIN
  UPDATE data_state SET catalog_clean = 0 WHERE id = 1 AND catalog_clean = 1;
END;
--> statement-breakpoint
-- a change of the unit tree, the units' dates or the lineage changes the kernel: today's cube is stale
CREATE TRIGGER today_stale_units_insert AFTER INSERT ON units BEGIN
  UPDATE today_state SET phase = 'stale', cursor = -1, epoch = epoch + 1 WHERE id = 1 AND phase <> 'stale';
END;
--> statement-breakpoint
CREATE TRIGGER today_stale_units_delete AFTER DELETE ON units BEGIN
  UPDATE today_state SET phase = 'stale', cursor = -1, epoch = epoch + 1 WHERE id = 1 AND phase <> 'stale';
END;
--> statement-breakpoint
CREATE TRIGGER today_stale_units_update AFTER UPDATE OF id, parent_id, valid_from, valid_to ON units BEGIN
  UPDATE today_state SET phase = 'stale', cursor = -1, epoch = epoch + 1 WHERE id = 1 AND phase <> 'stale';
END;
--> statement-breakpoint
CREATE TRIGGER today_stale_lineage_insert AFTER INSERT ON unit_lineage BEGIN
  UPDATE today_state SET phase = 'stale', cursor = -1, epoch = epoch + 1 WHERE id = 1 AND phase <> 'stale';
END;
--> statement-breakpoint
CREATE TRIGGER today_stale_lineage_update AFTER UPDATE ON unit_lineage BEGIN
  UPDATE today_state SET phase = 'stale', cursor = -1, epoch = epoch + 1 WHERE id = 1 AND phase <> 'stale';
END;
--> statement-breakpoint
CREATE TRIGGER today_stale_lineage_delete AFTER DELETE ON unit_lineage BEGIN
  UPDATE today_state SET phase = 'stale', cursor = -1, epoch = epoch + 1 WHERE id = 1 AND phase <> 'stale';
END;
--> statement-breakpoint
-- award_cube_today = today_kernel x award_cube, kept in the transaction that changes the cube (merges,
-- small batches, federation pushes), for the units the rebuild has already filled (below the cursor)
CREATE TRIGGER award_cube_today_insert AFTER INSERT ON award_cube
WHEN NEW.n <> 0 AND NEW.unit_id < (SELECT cursor FROM today_state WHERE id = 1) BEGIN
  INSERT INTO award_cube_today (cuboid, unit_id, year, award_code, tier, category, recipient_kind, gender,
    recipient_class, method, movement_id, ethnic_minority, decision_month, n)
  SELECT NEW.cuboid, k.target_id, NEW.year, NEW.award_code, NEW.tier, NEW.category, NEW.recipient_kind,
    NEW.gender, NEW.recipient_class, NEW.method, NEW.movement_id, NEW.ethnic_minority, NEW.decision_month,
    NEW.n * k.weight
  FROM today_kernel k WHERE k.unit_id = NEW.unit_id
  ON CONFLICT (cuboid, unit_id, year, award_code, tier, category, recipient_kind, gender, recipient_class,
    method, movement_id, ethnic_minority, decision_month) DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER award_cube_today_update AFTER UPDATE OF n ON award_cube
WHEN NEW.n <> OLD.n AND NEW.unit_id < (SELECT cursor FROM today_state WHERE id = 1) BEGIN
  INSERT INTO award_cube_today (cuboid, unit_id, year, award_code, tier, category, recipient_kind, gender,
    recipient_class, method, movement_id, ethnic_minority, decision_month, n)
  SELECT NEW.cuboid, k.target_id, NEW.year, NEW.award_code, NEW.tier, NEW.category, NEW.recipient_kind,
    NEW.gender, NEW.recipient_class, NEW.method, NEW.movement_id, NEW.ethnic_minority, NEW.decision_month,
    (NEW.n - OLD.n) * k.weight
  FROM today_kernel k WHERE k.unit_id = NEW.unit_id
  ON CONFLICT (cuboid, unit_id, year, award_code, tier, category, recipient_kind, gender, recipient_class,
    method, movement_id, ethnic_minority, decision_month) DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER award_cube_today_delete AFTER DELETE ON award_cube
WHEN OLD.n <> 0 AND OLD.unit_id < (SELECT cursor FROM today_state WHERE id = 1) BEGIN
  INSERT INTO award_cube_today (cuboid, unit_id, year, award_code, tier, category, recipient_kind, gender,
    recipient_class, method, movement_id, ethnic_minority, decision_month, n)
  SELECT OLD.cuboid, k.target_id, OLD.year, OLD.award_code, OLD.tier, OLD.category, OLD.recipient_kind,
    OLD.gender, OLD.recipient_class, OLD.method, OLD.movement_id, OLD.ethnic_minority, OLD.decision_month,
    -OLD.n * k.weight
  FROM today_kernel k WHERE k.unit_id = OLD.unit_id
  ON CONFLICT (cuboid, unit_id, year, award_code, tier, category, recipient_kind, gender, recipient_class,
    method, movement_id, ethnic_minority, decision_month) DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
-- the triggers above follow n only: a key is never rewritten in place
CREATE TRIGGER award_cube_key_fixed BEFORE UPDATE OF cuboid, unit_id, year, award_code, tier, category,
  recipient_kind, gender, recipient_class, method, movement_id, ethnic_minority, decision_month ON
  award_cube BEGIN
  SELECT RAISE(ABORT, 'award_cube keys are not updated in place');
END;
--> statement-breakpoint
-- a key whose contributions cancel (a commune's awards leave its old district) is dropped; 1e-7 is
-- far below the 1e-6 readers round to, and above the float residue of sums of shares
CREATE TRIGGER award_cube_today_zero AFTER UPDATE OF n ON award_cube_today WHEN abs(NEW.n) < 1e-7 BEGIN
  DELETE FROM award_cube_today WHERE rowid = NEW.rowid;
END;
