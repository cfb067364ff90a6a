CREATE TABLE `cube_unit_years` (
	`source` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`years` text NOT NULL,
	PRIMARY KEY(`source`, `unit_id`)
);
--> statement-breakpoint
-- Each year's value is the cube key's own n (json_set, not an increment), so the packed row cannot
-- drift from cuboid 0 whatever order the cube's writes come in. award_cube: source 0.
CREATE TRIGGER cube_unit_years_insert AFTER INSERT ON award_cube WHEN NEW.cuboid = 0 BEGIN
  INSERT INTO cube_unit_years (source, unit_id, years)
  VALUES (0, NEW.unit_id, json_object(CAST(NEW.year AS TEXT), NEW.n))
  ON CONFLICT (source, unit_id) DO UPDATE SET years = json_set(years, '$."' || NEW.year || '"', NEW.n);
END;
--> statement-breakpoint
CREATE TRIGGER cube_unit_years_update AFTER UPDATE OF n ON award_cube WHEN NEW.cuboid = 0 AND NEW.n <> OLD.n
BEGIN
  UPDATE cube_unit_years SET years = json_set(years, '$."' || NEW.year || '"', NEW.n)
  WHERE source = 0 AND unit_id = NEW.unit_id;
END;
--> statement-breakpoint
CREATE TRIGGER cube_unit_years_delete AFTER DELETE ON award_cube WHEN OLD.cuboid = 0 BEGIN
  UPDATE cube_unit_years SET years = json_remove(years, '$."' || OLD.year || '"')
  WHERE source = 0 AND unit_id = OLD.unit_id;
END;
--> statement-breakpoint
-- award_cube_today: source 1 (its rebuild, its triggers from award_cube and its zero-key delete
-- all go through these). Its shares make n fractional: written with all 17 digits, as JSON's own
-- rendering keeps 15.
CREATE TRIGGER today_unit_years_insert AFTER INSERT ON award_cube_today WHEN NEW.cuboid = 0 BEGIN
  INSERT INTO cube_unit_years (source, unit_id, years)
  VALUES (1, NEW.unit_id, json_object(CAST(NEW.year AS TEXT), json(printf('%!.17g', NEW.n))))
  ON CONFLICT (source, unit_id) DO UPDATE
  SET years = json_set(years, '$."' || NEW.year || '"', json(printf('%!.17g', NEW.n)));
END;
--> statement-breakpoint
CREATE TRIGGER today_unit_years_update AFTER UPDATE OF n ON award_cube_today
WHEN NEW.cuboid = 0 AND NEW.n <> OLD.n BEGIN
  UPDATE cube_unit_years SET years = json_set(years, '$."' || NEW.year || '"', json(printf('%!.17g', NEW.n)))
  WHERE source = 1 AND unit_id = NEW.unit_id;
END;
--> statement-breakpoint
CREATE TRIGGER today_unit_years_delete AFTER DELETE ON award_cube_today WHEN OLD.cuboid = 0 BEGIN
  UPDATE cube_unit_years SET years = json_remove(years, '$."' || OLD.year || '"')
  WHERE source = 1 AND unit_id = OLD.unit_id;
END;
--> statement-breakpoint
INSERT INTO cube_unit_years (source, unit_id, years)
SELECT 0, unit_id, json_group_object(CAST(year AS TEXT), n) FROM award_cube WHERE cuboid = 0 GROUP BY unit_id;
--> statement-breakpoint
INSERT INTO cube_unit_years (source, unit_id, years)
SELECT 1, unit_id, json_group_object(CAST(year AS TEXT), json(printf('%!.17g', n)))
FROM award_cube_today WHERE cuboid = 0 GROUP BY unit_id;
