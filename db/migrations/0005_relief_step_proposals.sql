DROP INDEX `relief_applied_idx`;--> statement-breakpoint
CREATE INDEX `relief_applied_kind_idx` ON `relief_applications` (`applied_on`,`kind`);--> statement-breakpoint
CREATE INDEX `relief_decided_idx` ON `relief_applications` (`decided_on`,`kind`,`status`,`granted_percent`,`relief_fen`);--> statement-breakpoint
ALTER TABLE `relief_steps` ADD `granted_percent` integer;--> statement-breakpoint
ALTER TABLE `relief_steps` ADD `deferred_until` text;