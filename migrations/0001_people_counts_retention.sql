CREATE TABLE `event_counts` (
	`event_id` integer NOT NULL,
	`case_type` text NOT NULL,
	`language` text NOT NULL,
	`outcome` text NOT NULL,
	`count` integer NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `event_counts_pk` ON `event_counts` (`event_id`,`case_type`,`language`,`outcome`);--> statement-breakpoint
ALTER TABLE `access_tokens` ADD `applicant_id` integer REFERENCES applicants(id) ON DELETE cascade;--> statement-breakpoint
ALTER TABLE `access_tokens` ADD `roster_entry_id` integer REFERENCES roster_entries(id) ON DELETE cascade;--> statement-breakpoint
ALTER TABLE `access_tokens` ADD `label` text;--> statement-breakpoint
ALTER TABLE `events` ADD `volunteer_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `events` ADD `applicant_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `events` ADD `purged_at` text;--> statement-breakpoint
UPDATE `events` SET `volunteer_count` = (SELECT count(*) FROM `roster_entries` WHERE `roster_entries`.`event_id` = `events`.`id`), `applicant_count` = (SELECT count(*) FROM `applicants` WHERE `applicants`.`event_id` = `events`.`id`);
