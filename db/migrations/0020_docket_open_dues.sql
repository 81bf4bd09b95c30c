CREATE TABLE `docket_open_dues` (
	`judge_id` integer NOT NULL,
	`due_on` text NOT NULL,
	`filed_on` text NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`judge_id`, `due_on`, `filed_on`)
);
--> statement-breakpoint
DROP INDEX `docket_hearings_judge_idx`;--> statement-breakpoint
CREATE INDEX `docket_hearings_judge_idx` ON `docket_hearings` (`judge_id`,`starts_at`,`status`);--> statement-breakpoint
CREATE TRIGGER docket_open_dues_insert AFTER INSERT ON docket_cases BEGIN
  INSERT INTO docket_open_dues (judge_id, due_on, filed_on, n) SELECT coalesce(NEW.judge_id, 0), NEW.due_on, NEW.filed_on, 1 WHERE NEW.status = 'open' AND NEW.due_on IS NOT NULL AND NEW.suspended_until IS NOT '9999-12-31'
    ON CONFLICT (judge_id, due_on, filed_on) DO UPDATE SET n = n + 1;
END;--> statement-breakpoint
CREATE TRIGGER docket_open_dues_update AFTER UPDATE OF status, judge_id, due_on, filed_on, suspended_until ON docket_cases BEGIN
  UPDATE docket_open_dues SET n = n - 1 WHERE OLD.status = 'open' AND OLD.due_on IS NOT NULL AND OLD.suspended_until IS NOT '9999-12-31' AND judge_id = coalesce(OLD.judge_id, 0) AND due_on = OLD.due_on AND filed_on = OLD.filed_on;
  DELETE FROM docket_open_dues WHERE OLD.status = 'open' AND OLD.due_on IS NOT NULL AND OLD.suspended_until IS NOT '9999-12-31' AND judge_id = coalesce(OLD.judge_id, 0) AND due_on = OLD.due_on AND filed_on = OLD.filed_on AND n <= 0;
  INSERT INTO docket_open_dues (judge_id, due_on, filed_on, n) SELECT coalesce(NEW.judge_id, 0), NEW.due_on, NEW.filed_on, 1 WHERE NEW.status = 'open' AND NEW.due_on IS NOT NULL AND NEW.suspended_until IS NOT '9999-12-31'
    ON CONFLICT (judge_id, due_on, filed_on) DO UPDATE SET n = n + 1;
END;--> statement-breakpoint
CREATE TRIGGER docket_open_dues_delete AFTER DELETE ON docket_cases BEGIN
  UPDATE docket_open_dues SET n = n - 1 WHERE OLD.status = 'open' AND OLD.due_on IS NOT NULL AND OLD.suspended_until IS NOT '9999-12-31' AND judge_id = coalesce(OLD.judge_id, 0) AND due_on = OLD.due_on AND filed_on = OLD.filed_on;
  DELETE FROM docket_open_dues WHERE OLD.status = 'open' AND OLD.due_on IS NOT NULL AND OLD.suspended_until IS NOT '9999-12-31' AND judge_id = coalesce(OLD.judge_id, 0) AND due_on = OLD.due_on AND filed_on = OLD.filed_on AND n <= 0;
END;--> statement-breakpoint
DELETE FROM docket_open_dues;--> statement-breakpoint
INSERT INTO docket_open_dues (judge_id, due_on, filed_on, n)
  SELECT coalesce(d.judge_id, 0), d.due_on, d.filed_on, count(*) FROM docket_cases d WHERE d.status = 'open' AND d.due_on IS NOT NULL AND d.suspended_until IS NOT '9999-12-31' GROUP BY 1, 2, 3;