ALTER TABLE `snapshots` ADD `withdrawn_at` text;--> statement-breakpoint
ALTER TABLE `snapshots` ADD `withdrawn_by` text;