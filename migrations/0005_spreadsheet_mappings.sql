CREATE TABLE `spreadsheet_mappings` (
	`organization_id` integer NOT NULL,
	`target` text NOT NULL,
	`mapping` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `spreadsheet_mappings_pk` ON `spreadsheet_mappings` (`organization_id`,`target`);--> statement-breakpoint
CREATE TABLE `spreadsheet_uploads` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`event_id` integer NOT NULL,
	`target` text NOT NULL,
	`file_name` text NOT NULL,
	`bytes` blob NOT NULL,
	`choices` text NOT NULL,
	`step` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`expires_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `spreadsheet_uploads_owner` ON `spreadsheet_uploads` (`user_id`,`event_id`,`target`);--> statement-breakpoint
CREATE INDEX `spreadsheet_uploads_expires` ON `spreadsheet_uploads` (`expires_at`);