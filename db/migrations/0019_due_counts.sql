CREATE TABLE `mediation_due_counts` (
	`kind` text NOT NULL,
	`due` text NOT NULL,
	`n` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`kind`, `due`)
);--> statement-breakpoint
CREATE TRIGGER mediations_due_counts_insert AFTER INSERT ON mediations BEGIN
  INSERT INTO mediation_due_counts (kind, due, n)
    SELECT 'assign', NEW.assign_due, 1 WHERE NEW.status = 'awaiting-assignment' AND NEW.assign_due IS NOT NULL
    ON CONFLICT (kind, due) DO UPDATE SET n = n + 1;
  INSERT INTO mediation_due_counts (kind, due, n)
    SELECT 'accept', NEW.accept_due, 1 WHERE NEW.status = 'awaiting-acceptance' AND NEW.accept_due IS NOT NULL
    ON CONFLICT (kind, due) DO UPDATE SET n = n + 1;
  INSERT INTO mediation_due_counts (kind, due, n)
    SELECT 'contact', NEW.contact_due, 1 WHERE NEW.status = 'in-progress' AND NEW.contact_due IS NOT NULL
    ON CONFLICT (kind, due) DO UPDATE SET n = n + 1;
  INSERT INTO mediation_due_counts (kind, due, n)
    SELECT 'legal', NEW.due_on, 1 WHERE NEW.status = 'in-progress' AND NEW.due_on IS NOT NULL
    ON CONFLICT (kind, due) DO UPDATE SET n = n + 1;
END;--> statement-breakpoint
CREATE TRIGGER mediations_due_counts_update AFTER UPDATE OF status, assign_due, accept_due, contact_due, due_on ON mediations BEGIN
  UPDATE mediation_due_counts SET n = n - 1 WHERE kind = 'assign' AND due = OLD.assign_due AND OLD.status = 'awaiting-assignment';
  UPDATE mediation_due_counts SET n = n - 1 WHERE kind = 'accept' AND due = OLD.accept_due AND OLD.status = 'awaiting-acceptance';
  UPDATE mediation_due_counts SET n = n - 1 WHERE kind = 'contact' AND due = OLD.contact_due AND OLD.status = 'in-progress';
  UPDATE mediation_due_counts SET n = n - 1 WHERE kind = 'legal' AND due = OLD.due_on AND OLD.status = 'in-progress';
  INSERT INTO mediation_due_counts (kind, due, n)
    SELECT 'assign', NEW.assign_due, 1 WHERE NEW.status = 'awaiting-assignment' AND NEW.assign_due IS NOT NULL
    ON CONFLICT (kind, due) DO UPDATE SET n = n + 1;
  INSERT INTO mediation_due_counts (kind, due, n)
    SELECT 'accept', NEW.accept_due, 1 WHERE NEW.status = 'awaiting-acceptance' AND NEW.accept_due IS NOT NULL
    ON CONFLICT (kind, due) DO UPDATE SET n = n + 1;
  INSERT INTO mediation_due_counts (kind, due, n)
    SELECT 'contact', NEW.contact_due, 1 WHERE NEW.status = 'in-progress' AND NEW.contact_due IS NOT NULL
    ON CONFLICT (kind, due) DO UPDATE SET n = n + 1;
  INSERT INTO mediation_due_counts (kind, due, n)
    SELECT 'legal', NEW.due_on, 1 WHERE NEW.status = 'in-progress' AND NEW.due_on IS NOT NULL
    ON CONFLICT (kind, due) DO UPDATE SET n = n + 1;
END;--> statement-breakpoint
CREATE TRIGGER mediations_due_counts_delete AFTER DELETE ON mediations BEGIN
  UPDATE mediation_due_counts SET n = n - 1 WHERE kind = 'assign' AND due = OLD.assign_due AND OLD.status = 'awaiting-assignment';
  UPDATE mediation_due_counts SET n = n - 1 WHERE kind = 'accept' AND due = OLD.accept_due AND OLD.status = 'awaiting-acceptance';
  UPDATE mediation_due_counts SET n = n - 1 WHERE kind = 'contact' AND due = OLD.contact_due AND OLD.status = 'in-progress';
  UPDATE mediation_due_counts SET n = n - 1 WHERE kind = 'legal' AND due = OLD.due_on AND OLD.status = 'in-progress';
END;--> statement-breakpoint
DELETE FROM mediation_due_counts;--> statement-breakpoint
INSERT INTO mediation_due_counts (kind, due, n)
  SELECT 'assign', assign_due, count(*) FROM mediations WHERE status = 'awaiting-assignment' AND assign_due IS NOT NULL GROUP BY assign_due
  UNION ALL SELECT 'accept', accept_due, count(*) FROM mediations WHERE status = 'awaiting-acceptance' AND accept_due IS NOT NULL GROUP BY accept_due
  UNION ALL SELECT 'contact', contact_due, count(*) FROM mediations WHERE status = 'in-progress' AND contact_due IS NOT NULL GROUP BY contact_due
  UNION ALL SELECT 'legal', due_on, count(*) FROM mediations WHERE status = 'in-progress' AND due_on IS NOT NULL GROUP BY due_on;
