CREATE TABLE `mediator_counters` (
	`mediator_id` integer PRIMARY KEY NOT NULL,
	`open_load` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `mediator_outcome_totals` (
	`mediator_id` integer NOT NULL,
	`day` text NOT NULL,
	`agreements` integer DEFAULT 0 NOT NULL,
	`outcomes` integer DEFAULT 0 NOT NULL,
	`days_sum` real DEFAULT 0 NOT NULL,
	`days_count` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`mediator_id`, `day`)
);
--> statement-breakpoint
DROP INDEX `mediations_assign_due_idx`;--> statement-breakpoint
DROP INDEX `mediations_accept_due_idx`;--> statement-breakpoint
DROP INDEX `mediations_contact_due_idx`;--> statement-breakpoint
CREATE INDEX `mediations_assign_due_idx` ON `mediations` (`status`,`assign_due`);--> statement-breakpoint
CREATE INDEX `mediations_accept_due_idx` ON `mediations` (`status`,`accept_due`);--> statement-breakpoint
CREATE INDEX `mediations_contact_due_idx` ON `mediations` (`status`,`contact_due`);--> statement-breakpoint
CREATE TRIGGER mediations_counters_insert AFTER INSERT ON mediations BEGIN
  INSERT INTO mediator_counters (mediator_id, open_load) SELECT NEW.mediator_id, 1 WHERE NEW.mediator_id IS NOT NULL AND NEW.status IN ('awaiting-consent', 'awaiting-assignment', 'awaiting-acceptance', 'in-progress')
    ON CONFLICT (mediator_id) DO UPDATE SET open_load = open_load + 1;
  INSERT OR IGNORE INTO mediator_outcome_totals (mediator_id, day, agreements, outcomes, days_sum, days_count)
    SELECT NEW.mediator_id, NEW.outcome_on, coalesce(p.agreements, 0), coalesce(p.outcomes, 0), coalesce(p.days_sum, 0), coalesce(p.days_count, 0)
      FROM (SELECT 1) LEFT JOIN (SELECT * FROM mediator_outcome_totals WHERE mediator_id = NEW.mediator_id AND day < NEW.outcome_on ORDER BY day DESC LIMIT 1) p
     WHERE NEW.mediator_id IS NOT NULL AND NEW.outcome IN ('agreement', 'failed') AND NEW.outcome_on IS NOT NULL;
  UPDATE mediator_outcome_totals
     SET agreements = agreements + (NEW.outcome = 'agreement'), outcomes = outcomes + 1,
         days_sum = days_sum + coalesce((julianday(NEW.outcome_on) - julianday(NEW.signed_on)), 0), days_count = days_count + ((julianday(NEW.outcome_on) - julianday(NEW.signed_on)) IS NOT NULL)
   WHERE NEW.mediator_id IS NOT NULL AND NEW.outcome IN ('agreement', 'failed') AND NEW.outcome_on IS NOT NULL AND mediator_id = NEW.mediator_id AND day >= NEW.outcome_on;
END;--> statement-breakpoint
CREATE TRIGGER mediations_counters_update AFTER UPDATE OF status, mediator_id, outcome, outcome_on, signed_on ON mediations BEGIN
  UPDATE mediator_counters SET open_load = open_load - 1 WHERE OLD.mediator_id IS NOT NULL AND OLD.status IN ('awaiting-consent', 'awaiting-assignment', 'awaiting-acceptance', 'in-progress') AND mediator_id = OLD.mediator_id;
  UPDATE mediator_outcome_totals
     SET agreements = agreements - (OLD.outcome = 'agreement'), outcomes = outcomes - 1,
         days_sum = days_sum - coalesce((julianday(OLD.outcome_on) - julianday(OLD.signed_on)), 0), days_count = days_count - ((julianday(OLD.outcome_on) - julianday(OLD.signed_on)) IS NOT NULL)
   WHERE OLD.mediator_id IS NOT NULL AND OLD.outcome IN ('agreement', 'failed') AND OLD.outcome_on IS NOT NULL AND mediator_id = OLD.mediator_id AND day >= OLD.outcome_on;
  INSERT INTO mediator_counters (mediator_id, open_load) SELECT NEW.mediator_id, 1 WHERE NEW.mediator_id IS NOT NULL AND NEW.status IN ('awaiting-consent', 'awaiting-assignment', 'awaiting-acceptance', 'in-progress')
    ON CONFLICT (mediator_id) DO UPDATE SET open_load = open_load + 1;
  INSERT OR IGNORE INTO mediator_outcome_totals (mediator_id, day, agreements, outcomes, days_sum, days_count)
    SELECT NEW.mediator_id, NEW.outcome_on, coalesce(p.agreements, 0), coalesce(p.outcomes, 0), coalesce(p.days_sum, 0), coalesce(p.days_count, 0)
      FROM (SELECT 1) LEFT JOIN (SELECT * FROM mediator_outcome_totals WHERE mediator_id = NEW.mediator_id AND day < NEW.outcome_on ORDER BY day DESC LIMIT 1) p
     WHERE NEW.mediator_id IS NOT NULL AND NEW.outcome IN ('agreement', 'failed') AND NEW.outcome_on IS NOT NULL;
  UPDATE mediator_outcome_totals
     SET agreements = agreements + (NEW.outcome = 'agreement'), outcomes = outcomes + 1,
         days_sum = days_sum + coalesce((julianday(NEW.outcome_on) - julianday(NEW.signed_on)), 0), days_count = days_count + ((julianday(NEW.outcome_on) - julianday(NEW.signed_on)) IS NOT NULL)
   WHERE NEW.mediator_id IS NOT NULL AND NEW.outcome IN ('agreement', 'failed') AND NEW.outcome_on IS NOT NULL AND mediator_id = NEW.mediator_id AND day >= NEW.outcome_on;
END;--> statement-breakpoint
CREATE TRIGGER mediations_counters_delete AFTER DELETE ON mediations BEGIN
  UPDATE mediator_counters SET open_load = open_load - 1 WHERE OLD.mediator_id IS NOT NULL AND OLD.status IN ('awaiting-consent', 'awaiting-assignment', 'awaiting-acceptance', 'in-progress') AND mediator_id = OLD.mediator_id;
  UPDATE mediator_outcome_totals
     SET agreements = agreements - (OLD.outcome = 'agreement'), outcomes = outcomes - 1,
         days_sum = days_sum - coalesce((julianday(OLD.outcome_on) - julianday(OLD.signed_on)), 0), days_count = days_count - ((julianday(OLD.outcome_on) - julianday(OLD.signed_on)) IS NOT NULL)
   WHERE OLD.mediator_id IS NOT NULL AND OLD.outcome IN ('agreement', 'failed') AND OLD.outcome_on IS NOT NULL AND mediator_id = OLD.mediator_id AND day >= OLD.outcome_on;
END;--> statement-breakpoint
DELETE FROM mediator_counters;--> statement-breakpoint
DELETE FROM mediator_outcome_totals;--> statement-breakpoint
INSERT INTO mediator_counters (mediator_id, open_load)
  SELECT mediator_id, count(*) FROM mediations m WHERE m.mediator_id IS NOT NULL AND m.status IN ('awaiting-consent', 'awaiting-assignment', 'awaiting-acceptance', 'in-progress') GROUP BY mediator_id;--> statement-breakpoint
INSERT INTO mediator_outcome_totals (mediator_id, day, agreements, outcomes, days_sum, days_count)
  SELECT mediator_id, day,
         sum(ok) OVER w, sum(n) OVER w, sum(ds) OVER w, sum(dn) OVER w
    FROM (SELECT m.mediator_id, m.outcome_on AS day, sum(m.outcome = 'agreement') AS ok, count(*) AS n,
                 coalesce(sum((julianday(m.outcome_on) - julianday(m.signed_on))), 0) AS ds, count((julianday(m.outcome_on) - julianday(m.signed_on))) AS dn
            FROM mediations m WHERE m.mediator_id IS NOT NULL AND m.outcome IN ('agreement', 'failed') AND m.outcome_on IS NOT NULL GROUP BY m.mediator_id, m.outcome_on)
  WINDOW w AS (PARTITION BY mediator_id ORDER BY day);
