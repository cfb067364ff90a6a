CREATE TABLE `unit_aliases` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`alias` text NOT NULL,
	`alias_text` text NOT NULL,
	`unit_id` integer NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `unit_aliases_alias` ON `unit_aliases` (`alias`);--> statement-breakpoint
CREATE INDEX `unit_aliases_unit` ON `unit_aliases` (`unit_id`);