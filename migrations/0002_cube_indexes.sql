DROP INDEX `award_cube_key`;--> statement-breakpoint
CREATE INDEX `award_cube_years` ON `award_cube` (`cuboid`,`year`);--> statement-breakpoint
CREATE INDEX `award_cube_zero` ON `award_cube` (`n`) WHERE "award_cube"."n" = 0;--> statement-breakpoint
CREATE UNIQUE INDEX `award_cube_key` ON `award_cube` (`cuboid`,`unit_id`,`year`,`award_code`,`tier`,`category`,`recipient_kind`,`gender`,`recipient_class`,`method`,`movement_id`,`ethnic_minority`);