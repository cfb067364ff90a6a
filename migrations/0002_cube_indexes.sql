CREATE INDEX `award_cube_years` ON `award_cube` (`cuboid`,`year`);--> statement-breakpoint
CREATE INDEX `award_cube_zero` ON `award_cube` (`n`) WHERE "award_cube"."n" = 0;