CREATE TABLE `mediator_outcome_versions` (
	`mediator_id` integer PRIMARY KEY NOT NULL,
	`version` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `mediator_outcome_versions_version_idx` ON `mediator_outcome_versions` (`version`);--> statement-breakpoint
CREATE TABLE `routing_versions` (
	`name` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 0 NOT NULL
);--> statement-breakpoint
INSERT INTO routing_versions (name, version) VALUES ('roster', 0), ('outcomes', 0);--> statement-breakpoint
CREATE TRIGGER mediators_roster_version_insert AFTER INSERT ON mediators BEGIN
  UPDATE routing_versions SET version = version + 1 WHERE name = 'roster';
END;--> statement-breakpoint
CREATE TRIGGER mediators_roster_version_update AFTER UPDATE ON mediators BEGIN
  UPDATE routing_versions SET version = version + 1 WHERE name = 'roster';
END;--> statement-breakpoint
CREATE TRIGGER mediators_roster_version_delete AFTER DELETE ON mediators BEGIN
  UPDATE routing_versions SET version = version + 1 WHERE name = 'roster';
END;--> statement-breakpoint
CREATE TRIGGER mediation_orgs_roster_version_insert AFTER INSERT ON mediation_orgs BEGIN
  UPDATE routing_versions SET version = version + 1 WHERE name = 'roster';
END;--> statement-breakpoint
CREATE TRIGGER mediation_orgs_roster_version_update AFTER UPDATE ON mediation_orgs BEGIN
  UPDATE routing_versions SET version = version + 1 WHERE name = 'roster';
END;--> statement-breakpoint
CREATE TRIGGER mediation_orgs_roster_version_delete AFTER DELETE ON mediation_orgs BEGIN
  UPDATE routing_versions SET version = version + 1 WHERE name = 'roster';
END;--> statement-breakpoint
CREATE TRIGGER mediations_outcome_version_insert AFTER INSERT ON mediations BEGIN
  UPDATE routing_versions SET version = version + 1 WHERE name = 'outcomes' AND NEW.mediator_id IS NOT NULL;
  INSERT INTO mediator_outcome_versions (mediator_id, version)
    SELECT NEW.mediator_id, version FROM routing_versions WHERE name = 'outcomes' AND NEW.mediator_id IS NOT NULL
    ON CONFLICT (mediator_id) DO UPDATE SET version = excluded.version;
END;--> statement-breakpoint
CREATE TRIGGER mediations_outcome_version_update AFTER UPDATE OF mediator_id, outcome, outcome_on, signed_on ON mediations BEGIN
  UPDATE routing_versions SET version = version + 1 WHERE name = 'outcomes' AND OLD.mediator_id IS NOT NULL;
  INSERT INTO mediator_outcome_versions (mediator_id, version)
    SELECT OLD.mediator_id, version FROM routing_versions WHERE name = 'outcomes' AND OLD.mediator_id IS NOT NULL
    ON CONFLICT (mediator_id) DO UPDATE SET version = excluded.version;
  UPDATE routing_versions SET version = version + 1 WHERE name = 'outcomes' AND NEW.mediator_id IS NOT NULL;
  INSERT INTO mediator_outcome_versions (mediator_id, version)
    SELECT NEW.mediator_id, version FROM routing_versions WHERE name = 'outcomes' AND NEW.mediator_id IS NOT NULL
    ON CONFLICT (mediator_id) DO UPDATE SET version = excluded.version;
END;--> statement-breakpoint
CREATE TRIGGER mediations_outcome_version_delete AFTER DELETE ON mediations BEGIN
  UPDATE routing_versions SET version = version + 1 WHERE name = 'outcomes' AND OLD.mediator_id IS NOT NULL;
  INSERT INTO mediator_outcome_versions (mediator_id, version)
    SELECT OLD.mediator_id, version FROM routing_versions WHERE name = 'outcomes' AND OLD.mediator_id IS NOT NULL
    ON CONFLICT (mediator_id) DO UPDATE SET version = excluded.version;
END;
