ALTER TABLE `relief_steps` ADD `granted_percent` integer;--> statement-breakpoint
ALTER TABLE `relief_steps` ADD `deferred_until` text;--> statement-breakpoint
CREATE INDEX `relief_decided_idx` ON `relief_applications` (`decided_on`);