ALTER TABLE `relief_steps` ADD `granted_percent` integer;--> statement-breakpoint
ALTER TABLE `relief_steps` ADD `deferred_until` text;