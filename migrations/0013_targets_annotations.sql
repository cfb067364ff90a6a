CREATE TABLE `annotations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`year` integer NOT NULL,
	`date` text,
	`text_vi` text NOT NULL,
	`text_en` text,
	`unit_id` integer,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `annotations_year` ON `annotations` (`year`);--> statement-breakpoint
CREATE INDEX `annotations_unit` ON `annotations` (`unit_id`);--> statement-breakpoint
CREATE TABLE `targets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`indicator` text NOT NULL,
	`year` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`value` real NOT NULL,
	`comparison` text NOT NULL,
	`updated_by` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "targets_indicator" CHECK("targets"."indicator" IN ('total', 'direct_share', 'women_share',
      'ethnic_minority_share', 'leader_share')),
	CONSTRAINT "targets_comparison" CHECK("targets"."comparison" IN ('at_least', 'at_most')),
	CONSTRAINT "targets_value" CHECK("targets"."value" >= 0 AND ("targets"."indicator" = 'total' OR "targets"."value" <= 1))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `targets_key` ON `targets` (`indicator`,`year`,`unit_id`);--> statement-breakpoint
CREATE INDEX `targets_unit` ON `targets` (`unit_id`,`year`);