CREATE TABLE `award_cube` (
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
	`n` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `award_cube_key` ON `award_cube` (`cuboid`,`unit_id`,`year`,`award_code`,`recipient_kind`,`gender`,`recipient_class`,`method`,`movement_id`,`ethnic_minority`);--> statement-breakpoint
CREATE TABLE `award_types` (
	`code` text PRIMARY KEY NOT NULL,
	`name_vi` text NOT NULL,
	`name_en` text,
	`category` text NOT NULL,
	`tier` text NOT NULL,
	`scope` text NOT NULL,
	`household_allowed` integer DEFAULT false NOT NULL,
	`valid_to` text,
	`builtin` integer DEFAULT false NOT NULL,
	`sort_order` integer DEFAULT 1000 NOT NULL,
	`batch_id` integer,
	FOREIGN KEY (`batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `awards` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`batch_id` integer NOT NULL,
	`row_no` integer NOT NULL,
	`year` integer NOT NULL,
	`award_code` text NOT NULL,
	`unit_id` integer NOT NULL,
	`recipient_kind` text NOT NULL,
	`quantity` integer DEFAULT 1 NOT NULL,
	`gender` text,
	`recipient_class` text,
	`method` text DEFAULT 'THUONG_XUYEN' NOT NULL,
	`ethnic_minority` integer,
	`movement_id` integer,
	`decision_no` text,
	`decision_date` text,
	`recipient_name` text,
	FOREIGN KEY (`batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`award_code`) REFERENCES `award_types`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`movement_id`) REFERENCES `movements`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "awards_quantity" CHECK("awards"."quantity" > 0)
);
--> statement-breakpoint
CREATE INDEX `awards_batch` ON `awards` (`batch_id`);--> statement-breakpoint
CREATE TABLE `cluster_members` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`cluster_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`year_from` integer NOT NULL,
	`year_to` integer,
	`batch_id` integer,
	FOREIGN KEY (`cluster_id`) REFERENCES `clusters`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "cluster_members_years" CHECK("cluster_members"."year_to" IS NULL OR "cluster_members"."year_to" >= "cluster_members"."year_from")
);
--> statement-breakpoint
CREATE INDEX `cluster_members_cluster` ON `cluster_members` (`cluster_id`,`year_from`);--> statement-breakpoint
CREATE INDEX `cluster_members_unit` ON `cluster_members` (`unit_id`);--> statement-breakpoint
CREATE TABLE `clusters` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`level` text NOT NULL,
	`owner_unit_id` integer,
	`batch_id` integer,
	FOREIGN KEY (`owner_unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `clusters_code` ON `clusters` (`code`);--> statement-breakpoint
CREATE TABLE `data_state` (
	`id` integer PRIMARY KEY NOT NULL,
	`version` integer NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `import_batches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`dataset` text NOT NULL,
	`filename` text,
	`format` text NOT NULL,
	`content_hash` text NOT NULL,
	`rows` integer NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`status` text NOT NULL,
	`rolled_back_at` text,
	`rolled_back_by` text
);
--> statement-breakpoint
CREATE INDEX `import_batches_hash` ON `import_batches` (`dataset`,`content_hash`);--> statement-breakpoint
CREATE TABLE `movement_results` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`batch_id` integer NOT NULL,
	`year` integer NOT NULL,
	`cluster_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`score` real,
	`rank` integer NOT NULL,
	`proposed_award_code` text,
	FOREIGN KEY (`batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`cluster_id`) REFERENCES `clusters`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`proposed_award_code`) REFERENCES `award_types`(`code`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "movement_results_rank" CHECK("movement_results"."rank" > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `movement_results_key` ON `movement_results` (`cluster_id`,`year`,`unit_id`);--> statement-breakpoint
CREATE TABLE `movements` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`level` text NOT NULL,
	`kind` text NOT NULL,
	`owner_unit_id` integer,
	`start_date` text NOT NULL,
	`end_date` text,
	`batch_id` integer,
	FOREIGN KEY (`owner_unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `movements_code` ON `movements` (`code`);--> statement-breakpoint
CREATE TABLE `unit_closure` (
	`ancestor_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`depth` integer NOT NULL,
	PRIMARY KEY(`ancestor_id`, `unit_id`)
);
--> statement-breakpoint
CREATE INDEX `unit_closure_unit` ON `unit_closure` (`unit_id`);--> statement-breakpoint
CREATE TABLE `unit_lineage` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`from_unit_id` integer NOT NULL,
	`to_unit_id` integer NOT NULL,
	`effective_date` text NOT NULL,
	`share` real DEFAULT 1 NOT NULL,
	`batch_id` integer,
	FOREIGN KEY (`from_unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`to_unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "unit_lineage_share" CHECK("unit_lineage"."share" > 0 AND "unit_lineage"."share" <= 1)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `unit_lineage_pair` ON `unit_lineage` (`from_unit_id`,`to_unit_id`);--> statement-breakpoint
CREATE INDEX `unit_lineage_to` ON `unit_lineage` (`to_unit_id`);--> statement-breakpoint
CREATE TABLE `units` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`parent_id` integer,
	`valid_from` text,
	`valid_to` text,
	`batch_id` integer,
	FOREIGN KEY (`parent_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `units_code` ON `units` (`code`);--> statement-breakpoint
CREATE INDEX `units_parent` ON `units` (`parent_id`);