DROP INDEX `award_cube_key`;--> statement-breakpoint
ALTER TABLE `award_cube` ADD `decision_month` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `award_cube_key` ON `award_cube` (`cuboid`,`unit_id`,`year`,`award_code`,`tier`,`category`,`recipient_kind`,`gender`,`recipient_class`,`method`,`movement_id`,`ethnic_minority`,`decision_month`);--> statement-breakpoint
DROP INDEX `award_cube_delta_key`;--> statement-breakpoint
ALTER TABLE `award_cube_delta` ADD `decision_month` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `award_cube_delta_key` ON `award_cube_delta` (`batch_id`,`cuboid`,`unit_id`,`year`,`award_code`,`tier`,`category`,`recipient_kind`,`gender`,`recipient_class`,`method`,`movement_id`,`ethnic_minority`,`decision_month`);--> statement-breakpoint
-- The new cuboid 10 (decision month by tier, category, kind) for the awards already counted; the other
-- cuboids keep decision_month 0. Run with no import being committed or rolled back (its delta has no
-- cuboid 10 rows): the cube consistency check (GET /api/v1/imports/consistency) shows any mismatch.
INSERT INTO award_cube (cuboid, unit_id, year, decision_month, tier, category, recipient_kind, n)
SELECT 10, c.ancestor_id, a.year, CASE WHEN a.decision_date GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]' AND substr(a.decision_date, 6, 2) BETWEEN '01' AND '12' AND CAST(substr(a.decision_date, 1, 4) AS INTEGER) - a.year BETWEEN 0 AND 2 THEN (CAST(substr(a.decision_date, 1, 4) AS INTEGER) - a.year) * 12 + CAST(substr(a.decision_date, 6, 2) AS INTEGER) ELSE 0 END, t.tier, t.category, a.recipient_kind, 1 * SUM(a.quantity)
FROM awards a
JOIN unit_closure c ON c.unit_id = a.unit_id
JOIN award_types t ON t.code = a.award_code
WHERE a.batch_id IN (SELECT id FROM import_batches WHERE status IN ('committed', 'rolling_back'))
GROUP BY c.ancestor_id, a.year, CASE WHEN a.decision_date GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]' AND substr(a.decision_date, 6, 2) BETWEEN '01' AND '12' AND CAST(substr(a.decision_date, 1, 4) AS INTEGER) - a.year BETWEEN 0 AND 2 THEN (CAST(substr(a.decision_date, 1, 4) AS INTEGER) - a.year) * 12 + CAST(substr(a.decision_date, 6, 2) AS INTEGER) ELSE 0 END, t.tier, t.category, a.recipient_kind
ON CONFLICT (cuboid, unit_id, year, award_code, tier, category, recipient_kind, gender, recipient_class, method, movement_id, ethnic_minority, decision_month) DO UPDATE SET n = n + excluded.n;
