CREATE INDEX `docket_cases_filed_idx` ON `docket_cases` (`filed_on`);--> statement-breakpoint
CREATE INDEX `parties_id_tail_idx` ON `parties` (substr("id_number", -6));--> statement-breakpoint
CREATE INDEX `parties_kind_name_idx` ON `parties` (`kind`,`name`);
