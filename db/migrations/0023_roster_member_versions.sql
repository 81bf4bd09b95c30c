CREATE TABLE `mediator_roster_versions` (
	`mediator_id` integer PRIMARY KEY NOT NULL,
	`version` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `mediator_roster_versions_version_idx` ON `mediator_roster_versions` (`version`);--> statement-breakpoint
CREATE INDEX `mediator_outcome_totals_day_idx` ON `mediator_outcome_totals` (`day`,`mediator_id`);--> statement-breakpoint
DROP TRIGGER mediators_roster_version_insert;--> statement-breakpoint
DROP TRIGGER mediators_roster_version_update;--> statement-breakpoint
DROP TRIGGER mediators_roster_version_delete;--> statement-breakpoint
DROP TRIGGER mediation_orgs_roster_version_insert;--> statement-breakpoint
DROP TRIGGER mediation_orgs_roster_version_update;--> statement-breakpoint
DROP TRIGGER mediation_orgs_roster_version_delete;--> statement-breakpoint
CREATE TRIGGER mediators_roster_version_insert AFTER INSERT ON mediators BEGIN
  UPDATE routing_versions SET version = version + 1 WHERE name = 'roster';
  INSERT INTO mediator_roster_versions (mediator_id, version)
    SELECT m.id, v.version FROM (SELECT NEW.id AS id) m, routing_versions v WHERE v.name = 'roster'
    ON CONFLICT (mediator_id) DO UPDATE SET version = excluded.version;
END;--> statement-breakpoint
CREATE TRIGGER mediators_roster_version_update AFTER UPDATE ON mediators BEGIN
  UPDATE routing_versions SET version = version + 1 WHERE name = 'roster';
  INSERT INTO mediator_roster_versions (mediator_id, version)
    SELECT m.id, v.version FROM (SELECT OLD.id AS id UNION SELECT NEW.id) m, routing_versions v WHERE v.name = 'roster'
    ON CONFLICT (mediator_id) DO UPDATE SET version = excluded.version;
END;--> statement-breakpoint
CREATE TRIGGER mediators_roster_version_delete AFTER DELETE ON mediators BEGIN
  UPDATE routing_versions SET version = version + 1 WHERE name = 'roster';
  INSERT INTO mediator_roster_versions (mediator_id, version)
    SELECT m.id, v.version FROM (SELECT OLD.id AS id) m, routing_versions v WHERE v.name = 'roster'
    ON CONFLICT (mediator_id) DO UPDATE SET version = excluded.version;
END;--> statement-breakpoint
CREATE TRIGGER mediation_orgs_roster_version_insert AFTER INSERT ON mediation_orgs BEGIN
  UPDATE routing_versions SET version = version + 1 WHERE name = 'roster';
END;--> statement-breakpoint
CREATE TRIGGER mediation_orgs_roster_version_update AFTER UPDATE ON mediation_orgs BEGIN
  UPDATE routing_versions SET version = version + 1 WHERE name = 'roster';
  INSERT INTO mediator_roster_versions (mediator_id, version)
    SELECT m.id, v.version FROM mediators m JOIN (SELECT OLD.id AS org UNION SELECT NEW.id AS org) o ON m.org_id = o.org, routing_versions v WHERE v.name = 'roster'
    ON CONFLICT (mediator_id) DO UPDATE SET version = excluded.version;
END;--> statement-breakpoint
CREATE TRIGGER mediation_orgs_roster_version_delete AFTER DELETE ON mediation_orgs BEGIN
  UPDATE routing_versions SET version = version + 1 WHERE name = 'roster';
  INSERT INTO mediator_roster_versions (mediator_id, version)
    SELECT m.id, v.version FROM mediators m JOIN (SELECT OLD.id AS org) o ON m.org_id = o.org, routing_versions v WHERE v.name = 'roster'
    ON CONFLICT (mediator_id) DO UPDATE SET version = excluded.version;
END;
